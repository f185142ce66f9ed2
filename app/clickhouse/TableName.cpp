#include "clickhouse/TableName.h"

#include "text/SqlQuote.h"

#include <QRegularExpression>

namespace ckstudio {
namespace {

// Reads one name part at text[pos]; advances pos.
std::optional<QString> readPart(const QString& text, qsizetype& pos, QString* error) {
    if (pos >= text.size()) {
        *error = QStringLiteral("a name is missing after '.'");
        return std::nullopt;
    }
    const QChar quote = text[pos];
    if (quote == QLatin1Char('`') || quote == QLatin1Char('"')) {
        QString out;
        ++pos;
        while (pos < text.size()) {
            const QChar c = text[pos++];
            if (c == QLatin1Char('\\') && pos < text.size()) {
                out += text[pos++];
            } else if (c == quote) {
                if (pos < text.size() && text[pos] == quote) { // doubled quote
                    out += quote;
                    ++pos;
                } else {
                    if (out.isEmpty()) {
                        *error = QStringLiteral("an empty quoted name");
                        return std::nullopt;
                    }
                    return out;
                }
            } else {
                out += c;
            }
        }
        *error = QStringLiteral("the quoted name starting at character %1 is not closed").arg(pos);
        return std::nullopt;
    }
    const qsizetype start = pos;
    while (pos < text.size() && text[pos] != QLatin1Char('.'))
        ++pos;
    const QString part = text.mid(start, pos - start);
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!plain.match(part).hasMatch()) {
        *error = QStringLiteral("'%1' needs backquotes (`%1`): only letters, digits and _ may go unquoted")
                     .arg(part);
        return std::nullopt;
    }
    return part;
}

} // namespace

std::optional<TableName> TableName::parse(const QString& input, QString* error) {
    const QString text = input.trimmed();
    qsizetype pos = 0;
    QString err;
    auto first = readPart(text, pos, &err);
    if (!first) {
        *error = err;
        return std::nullopt;
    }
    if (pos >= text.size() || text[pos] != QLatin1Char('.')) {
        *error = pos >= text.size()
                     ? QStringLiteral("give the table as DATABASE.TABLE")
                     : QStringLiteral("unexpected text after the name at character %1").arg(pos + 1);
        return std::nullopt;
    }
    ++pos;
    auto second = readPart(text, pos, &err);
    if (!second) {
        *error = err;
        return std::nullopt;
    }
    if (pos != text.size()) {
        *error = QStringLiteral("unexpected text after the table name at character %1").arg(pos + 1);
        return std::nullopt;
    }
    return TableName{*first, *second};
}

QString quoteSqlIdentifier(const QString& name) {
    return QString::fromStdString(quoteIdentifier(name.toStdString()));
}

QString quoteSqlString(const QString& value) {
    return QString::fromStdString(quoteStringLiteral(value.toStdString()));
}

QString TableName::quoted() const {
    return quoteSqlIdentifier(database) + QLatin1Char('.') + quoteSqlIdentifier(table);
}

QString TableName::display() const {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    const auto part = [](const QString& p) { return plain.match(p).hasMatch() ? p : quoteSqlIdentifier(p); };
    return part(database) + QLatin1Char('.') + part(table);
}

} // namespace ckstudio
