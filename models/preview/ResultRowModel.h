#pragma once
// The rows of a preview query as a table model, filled while the bytes arrive. Cells live in a compact
// RowStore (one arena, no QVariant per cell). Rows become visible in batches through canFetchMore/fetchMore;
// loadedRows() is the live count. Used by the GUI's table view and by `ckstudio-cli preview`.
#include "preview/ResultStreamParser.h"
#include "preview/RowStore.h"

#include <QAbstractTableModel>
#include <QByteArrayView>
#include <memory>

namespace ckstudio {

class ResultRowModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool: the cell is SQL NULL
        CellKindRole,                  // int: CellKind
        RawBytesRole,                  // QByteArray: the cell's bytes (unescaped)
        ColumnNameRole,                // headerData: the column name
        ColumnTypeRole,                // headerData: the ClickHouse type
    };
    enum class State { Idle, Loading, Finished, Failed, Cancelled };
    Q_ENUM(State)

    explicit ResultRowModel(QObject* parent = nullptr);
    ~ResultRowModel() override;

    // Starts a new result (clears the old one). rowCap: hard cap on stored rows.
    void begin(WireFormat format, qsizetype rowCap);
    void appendBytes(QByteArrayView bytes);
    void endOfStream();                // the transport finished without error
    void fail(const QString& message); // transport or server error
    void cancel();                     // stops loading; rows so far stay; emits cancelRequested()
    void setBatchSize(int rows) { m_batchSize = std::max(1, rows); }
    void fetchAll(); // exposes every loaded row

    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    int serverErrorCode() const { return m_serverErrorCode; }
    qsizetype loadedRows() const { return m_store.rowCount(); }
    bool isCapped() const { return m_capped; }
    const ResultColumns& columns() const { return m_columns; }
    const RowStore& store() const { return m_store; }
    qint64 memoryBytes() const { return m_store.memoryBytes(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void columnsReceived();
    void rowsLoaded(qsizetype loaded); // live count of received rows (not all are shown yet)
    void capReached();                 // the row cap is full: the query can stop
    void stateChanged(ckstudio::ResultRowModel::State state);
    void cancelRequested();

private:
    void setState(State state);
    void exposeRows(qsizetype count);

    RowStore m_store;
    std::unique_ptr<ResultStreamParser> m_parser;
    ResultColumns m_columns;
    State m_state = State::Idle;
    QString m_error;
    int m_serverErrorCode = 0;
    qsizetype m_shown = 0;
    int m_batchSize = 1000;
    bool m_capped = false;
    bool m_exposing = false;
};

} // namespace ckstudio
