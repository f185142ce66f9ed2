#pragma once
// A `database.table` name as users type it: plain, `back`.`quoted` (names with dots and dashes, \` or ``
// inside) or "double"."quoted".
#include <QString>
#include <optional>

namespace ckstudio {

struct TableName {
    QString database;
    QString table;

    // Error text in *error when the name cannot be read.
    static std::optional<TableName> parse(const QString& text, QString* error);
    QString quoted() const;  // `db`.`table`, safe to paste into SQL
    QString display() const; // db.table as typed back to the user (quoted only where needed)
};

QString quoteSqlIdentifier(const QString& name); // `name` with \ and ` escaped
QString quoteSqlString(const QString& value);    // 'value' with \ and ' escaped

} // namespace ckstudio
