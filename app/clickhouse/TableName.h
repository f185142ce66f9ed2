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

// QString forms of text/SqlQuote.h's quoting.
QString quoteSqlIdentifier(const QString& name); // `name`
QString quoteSqlString(const QString& value);    // 'value'

} // namespace ckstudio
