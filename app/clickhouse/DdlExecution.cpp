// `ckstudio-cli ddl ... --execute`: finds which objects exist, runs the missing ones' statements one by one
// (progress on stderr), reports what was created and what already existed, and how an existing destination
// table's columns differ from the generated DDL.
#include "clickhouse/DdlExecution.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/TableName.h"
#include "domain/Json.h"
#include "types/ClickHouseType.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <ostream>

namespace ckstudio::cli {
namespace {

struct Target {
    enum class Kind { Table, View, Database, Other } kind = Kind::Other;
    TableName name; // for Database: database only
};

Target targetOf(const std::string& sql) {
    static const QRegularExpression re(
        QStringLiteral(
            R"(^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(TABLE|MATERIALIZED\s+VIEW|VIEW|DATABASE)\s+(?:IF\s+NOT\s+EXISTS\s+)?)"
            R"(((?:`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*(?:`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*))?))"),
        QRegularExpression::CaseInsensitiveOption);
    Target t;
    const auto m = re.match(QString::fromStdString(sql));
    if (!m.hasMatch())
        return t;
    const QString kind = m.captured(1).toUpper();
    QString nameText = m.captured(2);
    nameText.replace(QRegularExpression(QStringLiteral(R"(\s*\.\s*)")), QStringLiteral("."));
    QString error;
    if (kind == QLatin1String("DATABASE")) {
        if (auto n = TableName::parse(nameText + QStringLiteral(".x"), &error)) {
            t.kind = Target::Kind::Database;
            t.name.database = n->database;
        }
        return t;
    }
    if (auto n = TableName::parse(nameText, &error)) {
        t.kind = kind == QLatin1String("TABLE") ? Target::Kind::Table : Target::Kind::View;
        t.name = *n;
    }
    return t;
}

// The "(name Type, ...)" list of a CREATE TABLE statement.
std::vector<std::pair<QString, QString>> columnsOf(const std::string& sqlText) {
    std::vector<std::pair<QString, QString>> out;
    const QString sql = QString::fromStdString(sqlText);
    const qsizetype open = sql.indexOf(QLatin1Char('('));
    if (open < 0)
        return out;
    int depth = 0;
    QChar quote;
    QString current;
    std::vector<QString> parts;
    for (qsizetype i = open; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (!quote.isNull()) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < sql.size())
                current += sql[++i];
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('`') || c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            current += c;
            continue;
        }
        if (c == QLatin1Char('(')) {
            if (depth++ == 0)
                continue;
        } else if (c == QLatin1Char(')')) {
            if (--depth == 0) {
                parts.push_back(current);
                break;
            }
        } else if (c == QLatin1Char(',') && depth == 1) {
            parts.push_back(current);
            current.clear();
            continue;
        }
        current += c;
    }
    static const QRegularExpression column(
        QStringLiteral(R"(^\s*(`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_.]*)\s+(.*?)\s*$)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression clause(
        QStringLiteral(R"(\s+(DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL|CODEC|COMMENT|TTL)\b.*$)"),
        QRegularExpression::DotMatchesEverythingOption);
    for (const auto& p : parts) {
        const auto m = column.match(p);
        if (!m.hasMatch())
            continue;
        QString name = m.captured(1);
        if (name.startsWith(QLatin1Char('`')) || name.startsWith(QLatin1Char('"'))) {
            QString unquoted;
            for (qsizetype i = 1; i + 1 < name.size(); ++i) {
                if (name[i] == QLatin1Char('\\') && i + 2 < name.size())
                    ++i;
                unquoted += name[i];
            }
            name = unquoted;
        }
        QString type = m.captured(2);
        type.remove(clause);
        out.emplace_back(name, type.trimmed());
    }
    return out;
}

// The type as the server stores it: BIGINT is Int64, Enum('a') is Enum8('a' = 1) (system.columns shows the
// canonical form on 24+). A type the parser refuses is compared as written, without spaces.
QString canonicalType(const QString& type) {
    const auto checked = checkClickHouseType(type.toStdString());
    if (checked)
        return QString::fromStdString(checked.type->toString());
    return QString(type).remove(QLatin1Char(' '));
}

// The columns the server shows for the DDL's columns: a Nested(a T, b U) column `c` is stored as the arrays
// `c.a` Array(T) and `c.b` Array(U) unless the server keeps it whole (flatten_nested=0), which `existing`
// shows by having a column `c`.
std::vector<std::pair<QString, QString>>
storedColumns(const std::vector<std::pair<QString, QString>>& wanted,
              const std::vector<std::pair<QString, QString>>& existing) {
    std::vector<std::pair<QString, QString>> out;
    for (const auto& column : wanted) {
        const auto checked = checkClickHouseType(column.second.toStdString());
        const bool keptWhole = std::any_of(existing.begin(), existing.end(),
                                           [&](const auto& e) { return e.first == column.first; });
        if (!checked || checked.type->family != "Nested" || keptWhole) {
            out.push_back(column);
            continue;
        }
        for (const auto& field : checked.type->arguments) {
            if (!field.type)
                continue;
            out.emplace_back(column.first + QLatin1Char('.') + QString::fromStdString(field.text),
                             QStringLiteral("Array(%1)").arg(QString::fromStdString(field.type->toString())));
        }
    }
    return out;
}

class DdlRun : public QObject {
public:
    DdlRun(const std::vector<DdlStatement>& statements, ConnectionSettings connection, CliIo& io,
           Finish finish)
        : mStatements(statements)
        , mIo(io)
        , mFinish(std::move(finish))
        , mClient(new ClickHouseClient(std::move(connection), this)) {
        for (const auto& s : mStatements)
            mTargets.push_back(targetOf(s.sql));
        mExists.assign(mStatements.size(), false);
    }

    void start() {
        mClient->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
            if (error)
                return fail(*error, QStringLiteral("connecting to %1").arg(mClient->settings().displayUrl()));
            mIo.err << "connected to ClickHouse " << mClient->capabilities()->version().text.toStdString()
                    << " at " << mClient->settings().displayUrl().toStdString() << "\n";
            detectExisting();
        });
    }

private:
    void detectExisting() {
        QStringList conditions;
        for (const auto& t : mTargets) {
            if (t.kind == Target::Kind::Table || t.kind == Target::Kind::View)
                conditions << QStringLiteral("(database = %1 AND name = %2)")
                                  .arg(quoteSqlString(t.name.database), quoteSqlString(t.name.table));
            if (t.kind == Target::Kind::Database)
                conditions << QStringLiteral("(database = %1)").arg(quoteSqlString(t.name.database));
        }
        if (conditions.isEmpty())
            return runNext();
        // No alias may be a column name of its table: `'' AS name` made `name AS database` read the alias
        // (empty) instead of system.databases.name.
        const QString sql =
            QStringLiteral(
                "SELECT 't' AS kind, database AS found_database, name AS found_table FROM system.tables "
                "WHERE %1 UNION ALL SELECT 'd' AS kind, name AS found_database, '' AS found_table FROM "
                "system.databases FORMAT JSONEachRow")
                .arg(conditions.join(QStringLiteral(" OR ")));
        QueryOptions o;
        o.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
        auto* q = mClient->query(sql, o);
        connect(q, &ClickHouseQuery::finished, this, [this, q] {
            if (q->error())
                return fail(*q->error(), QStringLiteral("looking for existing objects"));
            for (const QByteArray& line : q->body().split('\n')) {
                const auto j = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
                if (j.is_discarded() || !j.is_object())
                    continue;
                const auto text = [&](const char* key) {
                    const auto it = j.find(key);
                    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                            : QString();
                };
                const QString kind = text("kind");
                const QString db = text("found_database");
                const QString name = text("found_table");
                for (std::size_t i = 0; i < mTargets.size(); ++i) {
                    const auto& t = mTargets[i];
                    if (kind == QLatin1String("t") && t.kind != Target::Kind::Database &&
                        t.kind != Target::Kind::Other && t.name.database == db && t.name.table == name)
                        mExists[i] = true;
                    if (kind == QLatin1String("d") && t.kind == Target::Kind::Database &&
                        t.name.database == db)
                        mExists[i] = true;
                }
            }
            runNext();
        });
    }

    void runNext() {
        if (mNext >= mStatements.size())
            return report();
        const std::size_t i = mNext++;
        const auto& s = mStatements[i];
        const QString prefix = QStringLiteral("[%1/%2] ").arg(i + 1).arg(mStatements.size());
        if (mExists[i]) {
            mIo.err << prefix.toStdString() << s.what << ": already exists, not changed\n";
            mExisted.push_back(i);
            if (mTargets[i].kind == Target::Kind::Table)
                return compareColumns(i);
            return runNext();
        }
        mIo.err << prefix.toStdString() << s.what << ": running...\n";
        QueryOptions o;
        o.timeoutMs = 120000;
        auto* q = mClient->query(QString::fromStdString(s.sql), o);
        connect(q, &ClickHouseQuery::finished, this, [this, q, i, prefix] {
            if (q->error()) {
                mFailedAt = static_cast<int>(i);
                return fail(*q->error(), QString::fromStdString(mStatements[i].what));
            }
            mIo.err << prefix.toStdString() << mStatements[i].what << ": created\n";
            mCreated.push_back(i);
            runNext();
        });
    }

    void compareColumns(std::size_t i) {
        const auto& t = mTargets[i].name;
        QueryOptions o;
        o.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
        auto* q = mClient->query(
            QStringLiteral("SELECT name, type FROM system.columns WHERE database = %1 AND table = %2 "
                           "FORMAT JSONEachRow")
                .arg(quoteSqlString(t.database), quoteSqlString(t.table)),
            o);
        connect(q, &ClickHouseQuery::finished, this, [this, q, i] {
            if (q->error())
                return fail(*q->error(),
                            QStringLiteral("reading the columns of %1").arg(mTargets[i].name.display()));
            std::vector<std::pair<QString, QString>> existing;
            for (const QByteArray& line : q->body().split('\n')) {
                const auto j = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
                if (j.is_discarded() || !j.is_object() || !j.contains("name") || !j["name"].is_string() ||
                    !j.contains("type") || !j["type"].is_string())
                    continue;
                existing.emplace_back(QString::fromStdString(j["name"].get<std::string>()),
                                      QString::fromStdString(j["type"].get<std::string>()));
            }
            const auto wanted = storedColumns(columnsOf(mStatements[i].sql), existing);
            QStringList differences;
            // No structured bindings here: clang 14 (Debian 12, the fuzz preset) cannot capture one in a
            // lambda.
            for (const auto& w : wanted) {
                const auto it = std::find_if(existing.begin(), existing.end(),
                                             [&](const auto& e) { return e.first == w.first; });
                if (it == existing.end())
                    differences << QStringLiteral("missing column %1 %2").arg(w.first, w.second);
                else if (canonicalType(it->second) != canonicalType(w.second))
                    differences << QStringLiteral("column %1 is %2, the DDL says %3")
                                       .arg(w.first, it->second, w.second);
            }
            for (const auto& e : existing) {
                if (std::none_of(wanted.begin(), wanted.end(),
                                 [&](const auto& w) { return w.first == e.first; }))
                    differences
                        << QStringLiteral("extra column %1 %2 (not in the DDL)").arg(e.first, e.second);
            }
            if (!wanted.empty()) {
                if (differences.isEmpty()) {
                    mIo.err << "      its columns match the DDL\n";
                } else {
                    const QString line = mTargets[i].name.display() +
                                         QStringLiteral(" differs from the DDL: ") +
                                         differences.join(QStringLiteral("; "));
                    mDifferences << line;
                    for (const auto& d : differences)
                        mIo.err << "      " << d.toStdString() << "\n";
                }
            }
            runNext();
        });
    }

    void report() {
        for (auto i : mCreated)
            mIo.out << "created: " << mStatements[i].what << "\n";
        for (auto i : mExisted)
            mIo.out << "already existed: " << mStatements[i].what << "\n";
        for (const auto& d : mDifferences)
            mIo.out << "warning: " << d.toStdString() << "\n";
        done(ExitOk);
    }

    void fail(const ClickHouseError& error, const QString& during) {
        mIo.err << "ckstudio-cli ddl --execute: " << during.toStdString() << ": "
                << error.toString().toStdString() << "\n";
        for (auto i : mCreated)
            mIo.out << "created: " << mStatements[i].what << "\n";
        for (auto i : mExisted)
            mIo.out << "already existed: " << mStatements[i].what << "\n";
        if (mFailedAt >= 0)
            mIo.out << "failed: " << mStatements[static_cast<std::size_t>(mFailedAt)].what << "\n";
        for (std::size_t i = mFailedAt >= 0 ? static_cast<std::size_t>(mFailedAt) + 1 : mNext;
             i < mStatements.size(); ++i)
            mIo.out << "not run: " << mStatements[i].what << "\n";
        done(ExitRemote);
    }

    void done(int code) {
        mFinish(code);
        deleteLater();
    }

    std::vector<DdlStatement> mStatements;
    std::vector<Target> mTargets;
    std::vector<bool> mExists;
    CliIo& mIo;
    Finish mFinish;
    ClickHouseClient* mClient;
    std::size_t mNext = 0;
    int mFailedAt = -1;
    std::vector<std::size_t> mCreated;
    std::vector<std::size_t> mExisted;
    QStringList mDifferences;
};

} // namespace

std::optional<int> executeDdl(const std::vector<DdlStatement>& statements, const QStringList& arguments,
                              CliIo& io, const Finish& finish) {
    QStringList args = arguments;
    auto connection = connectionFromArgs(args, QProcessEnvironment::systemEnvironment());
    if (!connection.error.isEmpty()) {
        io.err << "ckstudio-cli ddl --execute: " << connection.error.toStdString() << "\n";
        return ExitUsage;
    }
    if (statements.empty()) {
        io.err << "ckstudio-cli ddl --execute: no statements to run\n";
        return ExitOk;
    }
    auto* run = new DdlRun(statements, connection.settings, io, finish);
    run->start();
    return std::nullopt;
}

} // namespace ckstudio::cli
