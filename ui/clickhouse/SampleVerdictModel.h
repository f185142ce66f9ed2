#pragma once
// Per-message results of a sample check as a table: message number, verdict, the message, and why it fails.
#include "clickhouse/SampleCheck.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace ckstudio {

class SampleVerdictModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, VerdictColumn, MessageColumn, ErrorColumn, ColumnCount };
    enum Role { OkRole = Qt::UserRole + 1 }; // bool: the message parses

    explicit SampleVerdictModel(QObject* parent = nullptr);

    void setResults(const QStringList& messages, const std::vector<SampleVerdict>& verdicts);
    void clear();
    int failedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_messages;
    std::vector<SampleVerdict> m_verdicts;
};

} // namespace ckstudio
