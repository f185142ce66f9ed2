#pragma once
// Every problem of the document: severity, JSON path, message. Rebuilt whenever the document re-validates.
#include "domain/Problem.h"
#include "itemmodels/ConfigDocument.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ckstudio {

class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Severity, Path, Message, Count };
    enum Role {
        PathRole = Qt::UserRole + 1, // QString JSON path, "" for the document itself
        IsErrorRole,                 // bool
        TableIndexRole,              // int: the table the path is in, -1 when none
    };

    explicit ProblemsModel(ConfigDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int errorCount() const;
    // "tables[3].columns[1].type" -> 3; -1 when the path is not inside a table.
    static int tableIndexOfPath(const QString& path);

private:
    QPointer<ConfigDocument> m_document;
    Problems m_problems; // a copy, so rows stay stable between resets
};

} // namespace ckstudio
