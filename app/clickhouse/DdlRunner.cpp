#include "clickhouse/DdlRunner.h"

#include "clickhouse/ClickHouseClient.h"
#include "domain/Json.h"
#include "text/JsonFields.h"
#include "types/ClickHouseType.h"

#include <QRegularExpression>
#include <algorithm>

namespace ckstudio {

namespace {

// An identifier as written in SQL: `quoted`, "quoted" or bare.
const QString kIdentifier =
    QStringLiteral(R"((?:`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*))");

// An identifier as written in SQL without its quotes and escapes.
QString unquoted(const QString& name) {
    if (name.size() < 2 || (name.front() != QLatin1Char('`') && name.front() != QLatin1Char('"')))
        return name;
    QString out;
    for (qsizetype i = 1; i + 1 < name.size(); ++i) {
        if (name.at(i) == QLatin1Char('\\') && i + 2 < name.size())
            ++i;
        out += name.at(i);
    }
    return out;
}

// The entries of the first parenthesised list of `sql`, split at top-level commas (quotes and nested
// parentheses minded).
QStringList firstListEntries(const QString& sql) {
    QStringList entries;
    const qsizetype open = sql.indexOf(QLatin1Char('('));
    if (open < 0)
        return entries;
    QString current;
    int depth = 0;
    QChar quote;
    for (qsizetype i = open + 1; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < sql.size())
                current += sql.at(++i);
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            if (depth == 0) {
                entries << current;
                break;
            }
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            entries << current;
            current.clear();
            continue;
        }
        current += c;
    }
    return entries;
}

// The type as the server stores it; a type the parser refuses is compared as written, without spaces.
QString canonicalType(const QString& type) {
    const auto checked = checkClickHouseType(type.toStdString());
    if (checked)
        return QString::fromStdString(checked.type->toString());
    return QString(type).remove(QLatin1Char(' '));
}

const DdlColumn* findColumn(const std::vector<DdlColumn>& columns, const QString& name) {
    const auto it =
        std::find_if(columns.begin(), columns.end(), [&name](const DdlColumn& c) { return c.name == name; });
    return it == columns.end() ? nullptr : &*it;
}

// The columns the server shows for the planned ones: a Nested(a T, b U) column `c` is stored as the arrays
// `c.a` Array(T) and `c.b` Array(U) unless the server keeps it whole, which `existing` shows by having `c`.
std::vector<DdlColumn> storedColumns(const std::vector<DdlColumn>& planned,
                                     const std::vector<DdlColumn>& existing) {
    std::vector<DdlColumn> out;
    for (const DdlColumn& column : planned) {
        const auto checked = checkClickHouseType(column.type.toStdString());
        if (!checked || checked.type->family != "Nested" || findColumn(existing, column.name)) {
            out.push_back(column);
            continue;
        }
        for (const auto& field : checked.type->arguments) {
            if (field.type)
                out.push_back(
                    {column.name + QLatin1Char('.') + QString::fromStdString(field.text),
                     QStringLiteral("Array(%1)").arg(QString::fromStdString(field.type->toString()))});
        }
    }
    return out;
}

// One JSONEachRow answer as objects; lines that are not objects are skipped.
std::vector<Json> jsonEachRow(const QByteArray& body) {
    std::vector<Json> rows;
    for (const QByteArray& line : body.split('\n')) {
        Json row = Json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        if (!row.is_discarded() && row.is_object())
            rows.push_back(std::move(row));
    }
    return rows;
}

QString textOf(const Json& row, const char* key) {
    return QString::fromStdString(stringField(row, key));
}

bool isTableLike(const DdlTarget& target) {
    return target.kind == DdlTarget::Kind::Table || target.kind == DdlTarget::Kind::View;
}

QueryOptions readonlyQuery() {
    QueryOptions options;
    options.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
    return options;
}

} // namespace

DdlTarget DdlTarget::of(const QString& sql) {
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(TABLE|MATERIALIZED\s+VIEW|VIEW|DATABASE)\s+)"
                       R"((?:IF\s+NOT\s+EXISTS\s+)?(%1(?:\s*\.\s*%1)?))")
            .arg(kIdentifier),
        QRegularExpression::CaseInsensitiveOption);
    DdlTarget target;
    const QRegularExpressionMatch m = re.match(sql);
    if (!m.hasMatch())
        return target;
    const QString kind = m.captured(1).toUpper();
    QString nameText = m.captured(2);
    static const QRegularExpression dot(QStringLiteral(R"(\s*\.\s*)"));
    nameText.replace(dot, QStringLiteral("."));
    QString error;
    if (kind == QLatin1String("DATABASE")) {
        if (const auto name = TableName::parse(nameText + QStringLiteral(".x"), &error)) {
            target.kind = Kind::Database;
            target.name.database = name->database;
        }
        return target;
    }
    if (const auto name = TableName::parse(nameText, &error)) {
        target.kind = kind == QLatin1String("TABLE") ? Kind::Table : Kind::View;
        target.name = *name;
    }
    return target;
}

std::vector<DdlColumn> createTableColumns(const QString& sql) {
    static const QRegularExpression entry(
        QStringLiteral(R"(^\s*(`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_.]*)\s+(.*?)\s*)"
                       R"((?:\b(?:DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL|CODEC|COMMENT|TTL)\b.*)?$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression notAColumn(QStringLiteral(R"(^\s*(?:INDEX|CONSTRAINT|PROJECTION)\s)"),
                                               QRegularExpression::CaseInsensitiveOption);
    std::vector<DdlColumn> columns;
    for (const QString& e : firstListEntries(sql)) {
        if (notAColumn.match(e).hasMatch())
            continue;
        const QRegularExpressionMatch m = entry.match(e);
        if (m.hasMatch() && !m.captured(2).trimmed().isEmpty())
            columns.push_back({unquoted(m.captured(1)), m.captured(2).trimmed()});
    }
    return columns;
}

QString ColumnDifference::toString() const {
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing column %1 %2").arg(column, plannedType);
    case Kind::OtherType:
        return QStringLiteral("column %1 is %2, the DDL says %3").arg(column, existingType, plannedType);
    case Kind::Extra:
        return QStringLiteral("extra column %1 %2 (not in the DDL)").arg(column, existingType);
    }
    return {};
}

std::vector<ColumnDifference> compareColumns(const std::vector<DdlColumn>& planned,
                                             const std::vector<DdlColumn>& existing) {
    std::vector<ColumnDifference> differences;
    const std::vector<DdlColumn> wanted = storedColumns(planned, existing);
    for (const DdlColumn& w : wanted) {
        const DdlColumn* have = findColumn(existing, w.name);
        if (!have)
            differences.push_back({ColumnDifference::Kind::Missing, w.name, {}, w.type});
        else if (canonicalType(have->type) != canonicalType(w.type))
            differences.push_back({ColumnDifference::Kind::OtherType, w.name, have->type, w.type});
    }
    for (const DdlColumn& e : existing)
        if (!findColumn(wanted, e.name))
            differences.push_back({ColumnDifference::Kind::Extra, e.name, e.type, {}});
    return differences;
}

DdlRunner::DdlRunner(std::vector<DdlStatement> statements, QObject* parent)
    : QObject(parent)
    , m_statements(std::move(statements)) {
    for (const DdlStatement& s : m_statements)
        m_targets.push_back(DdlTarget::of(QString::fromStdString(s.sql)));
    m_steps.resize(m_statements.size());
}

DdlRunner::~DdlRunner() {
    if (ClickHouseQuery* q = m_inFlight.data()) {
        disconnect(q, nullptr, this, nullptr); // its answer must not reach a runner being destroyed
        q->cancel();
    }
}

void DdlRunner::setClient(ClickHouseClient* client) {
    m_client = client;
}

QString DdlRunner::probeSql(const std::vector<DdlTarget>& targets) {
    QStringList tables;
    QStringList databases;
    for (const DdlTarget& t : targets) {
        if (isTableLike(t))
            tables << QStringLiteral("(database = %1 AND name = %2)")
                          .arg(quoteSqlString(t.name.database), quoteSqlString(t.name.table));
        else if (t.kind == DdlTarget::Kind::Database && !databases.contains(quoteSqlString(t.name.database)))
            databases << quoteSqlString(t.name.database);
    }
    // No alias may be a column name of its table: ClickHouse resolves an alias in the whole query, so
    // `name AS database` would make `database` read system.databases.name's alias on old servers.
    QStringList parts;
    if (!tables.isEmpty())
        parts << QStringLiteral(
                     "SELECT 'table' AS kind, database AS found_database, name AS found_table FROM "
                     "system.tables WHERE %1")
                     .arg(tables.join(QStringLiteral(" OR ")));
    if (!databases.isEmpty())
        parts << QStringLiteral("SELECT 'database' AS kind, name AS found_database, '' AS found_table FROM "
                                "system.databases WHERE name IN (%1)")
                     .arg(databases.join(QStringLiteral(", ")));
    if (parts.isEmpty())
        return {};
    return parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" FORMAT JSONEachRow");
}

void DdlRunner::start() {
    if (m_running)
        return;
    m_steps.assign(m_statements.size(), DdlStep{});
    m_stop.reset();
    m_next = 0;
    m_cancelRequested = false;
    m_running = true;
    if (!m_client) {
        // Answered from the event loop like every other end, so that callers can connect after start().
        QMetaObject::invokeMethod(
            this,
            [this] {
                stopAt(DdlRunStop::Stage::Connecting, 0,
                       {ClickHouseError::Kind::Usage, QStringLiteral("not connected to ClickHouse"), 0, 0},
                       QStringLiteral("connecting"));
            },
            Qt::QueuedConnection);
        return;
    }
    m_client->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
        const QString during = m_client
                                   ? QStringLiteral("connecting to %1").arg(m_client->settings().displayUrl())
                                   : QStringLiteral("connecting");
        if (error)
            return stopAt(DdlRunStop::Stage::Connecting, 0, *error, during);
        if (m_cancelRequested)
            return stopAt(DdlRunStop::Stage::Connecting, 0,
                          {ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled by the user"), 0, 0},
                          QStringLiteral("cancelled"));
        emit connected();
        probe();
    });
}

void DdlRunner::cancel() {
    if (!m_running)
        return;
    m_cancelRequested = true;
    if (ClickHouseQuery* q = m_inFlight.data())
        q->cancel(); // its finished() reports the cancel and stops the run
}

bool DdlRunner::clientGone(DdlRunStop::Stage stage, std::size_t index) {
    if (m_client)
        return false;
    stopAt(stage, index,
           {ClickHouseError::Kind::Usage, QStringLiteral("the ClickHouse connection was closed"), 0, 0},
           QStringLiteral("connecting"));
    return true;
}

void DdlRunner::probe() {
    const QString sql = probeSql(m_targets);
    if (sql.isEmpty())
        return runNext();
    if (clientGone(DdlRunStop::Stage::Probing, 0))
        return;
    ClickHouseQuery* q = m_client->query(sql, readonlyQuery());
    m_inFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q] {
        if (q->error())
            return stopAt(DdlRunStop::Stage::Probing, 0, *q->error(),
                          QStringLiteral("looking for existing objects"));
        for (const Json& row : jsonEachRow(q->body())) {
            const QString kind = textOf(row, "kind");
            const QString database = textOf(row, "found_database");
            const QString table = textOf(row, "found_table");
            for (std::size_t i = 0; i < m_targets.size(); ++i) {
                const DdlTarget& t = m_targets[i];
                const bool found =
                    kind == QLatin1String("table")
                        ? isTableLike(t) && t.name.database == database && t.name.table == table
                        : kind == QLatin1String("database") && t.kind == DdlTarget::Kind::Database &&
                              t.name.database == database;
                if (found)
                    m_steps[i].outcome = DdlStep::Outcome::Existed;
            }
        }
        runNext();
    });
}

void DdlRunner::runNext() {
    if (m_cancelRequested)
        return stopAt(DdlRunStop::Stage::Running, m_next,
                      {ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled by the user"), 0, 0},
                      QStringLiteral("cancelled"));
    if (m_next >= m_statements.size()) {
        m_running = false;
        m_inFlight.clear();
        emit finished(true);
        return;
    }
    const std::size_t i = m_next++;
    DdlStep& step = m_steps[i];
    if (step.outcome == DdlStep::Outcome::Existed) {
        emit stepStarted(i);
        if (m_targets[i].kind == DdlTarget::Kind::Table &&
            !createTableColumns(QString::fromStdString(m_statements[i].sql)).empty())
            return readColumns(i);
        emit stepDone(i);
        return runNext();
    }
    if (clientGone(DdlRunStop::Stage::Running, i))
        return;
    step.outcome = DdlStep::Outcome::Running;
    emit stepStarted(i);
    QueryOptions options;
    options.timeoutMs = 120000;
    ClickHouseQuery* q = m_client->query(QString::fromStdString(m_statements[i].sql), options);
    m_inFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, i] {
        const std::optional<ClickHouseError>& error = q->error();
        DdlStep& done = m_steps[i];
        if (error) {
            const bool cancelled = error->kind == ClickHouseError::Kind::Cancelled;
            done.outcome = cancelled ? DdlStep::Outcome::Cancelled : DdlStep::Outcome::Failed;
            if (!cancelled)
                done.error = *error;
            emit stepDone(i);
            return stopAt(DdlRunStop::Stage::Running, i, *error,
                          QString::fromStdString(m_statements[i].what));
        }
        done.outcome = DdlStep::Outcome::Ran;
        emit stepDone(i);
        runNext();
    });
}

void DdlRunner::readColumns(std::size_t index) {
    if (clientGone(DdlRunStop::Stage::ReadingColumns, index))
        return;
    const TableName& table = m_targets[index].name;
    ClickHouseQuery* q = m_client->query(
        QStringLiteral("SELECT name, type FROM system.columns WHERE database = %1 AND table = %2 FORMAT "
                       "JSONEachRow")
            .arg(quoteSqlString(table.database), quoteSqlString(table.table)),
        readonlyQuery());
    m_inFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, index] {
        if (q->error())
            return stopAt(DdlRunStop::Stage::ReadingColumns, index, *q->error(),
                          QStringLiteral("reading the columns of %1").arg(m_targets[index].name.display()));
        std::vector<DdlColumn> existing;
        for (const Json& row : jsonEachRow(q->body())) {
            const QString name = textOf(row, "name");
            const QString type = textOf(row, "type");
            if (!name.isEmpty() && !type.isEmpty())
                existing.push_back({name, type});
        }
        DdlStep& step = m_steps[index];
        step.differences =
            compareColumns(createTableColumns(QString::fromStdString(m_statements[index].sql)), existing);
        step.columnsCompared = true;
        emit stepDone(index);
        runNext();
    });
}

void DdlRunner::stopAt(DdlRunStop::Stage stage, std::size_t index, const ClickHouseError& error,
                       const QString& during) {
    m_stop = DdlRunStop{stage, index, error, during};
    // What had not started did not run; the statement that stopped the run keeps its own outcome.
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        DdlStep& step = m_steps[i];
        if (step.outcome == DdlStep::Outcome::Pending ||
            (step.outcome == DdlStep::Outcome::Existed && i >= m_next))
            step.outcome = DdlStep::Outcome::NotRun;
    }
    m_running = false;
    m_inFlight.clear();
    emit finished(false);
}

} // namespace ckstudio
