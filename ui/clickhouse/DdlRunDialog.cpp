#include "clickhouse/DdlRunDialog.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/SqlHighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace ckstudio {

namespace {

// One JSONEachRow line per object; lines that are not objects are skipped.
QList<QJsonObject> jsonEachRow(const QByteArray& body) {
    QList<QJsonObject> rows;
    for (const QByteArray& line : body.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            rows << doc.object();
    }
    return rows;
}

QString withoutSpaces(QString type) {
    return type.remove(QLatin1Char(' '));
}

// An identifier as written in SQL (`quoted`, "quoted" or bare) without its quotes and escapes.
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

} // namespace

DdlRunDialog::Target DdlRunDialog::targetOf(const QString& sql) {
    static const QString part =
        QStringLiteral(R"((?:`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*))");
    static const QRegularExpression re(
        QStringLiteral(
            R"(^\s*CREATE\s+(TABLE|MATERIALIZED\s+VIEW|VIEW|DATABASE)\s+(?:IF\s+NOT\s+EXISTS\s+)?)") +
            QStringLiteral("(%1(?:\\s*\\.\\s*%1)?)").arg(part),
        QRegularExpression::CaseInsensitiveOption);
    Target target;
    const QRegularExpressionMatch m = re.match(sql);
    if (!m.hasMatch())
        return target;
    const QString kind = m.captured(1).toUpper();
    QString error;
    if (kind == QLatin1String("DATABASE")) {
        if (const auto name = TableName::parse(m.captured(2) + QStringLiteral(".x"), &error)) {
            target.kind = Target::Kind::Database;
            target.name.database = name->database;
        }
        return target;
    }
    QString nameText = m.captured(2);
    nameText.replace(QRegularExpression(QStringLiteral(R"(\s*\.\s*)")), QStringLiteral("."));
    if (const auto name = TableName::parse(nameText, &error)) {
        target.kind = kind == QLatin1String("TABLE") ? Target::Kind::Table : Target::Kind::View;
        target.name = *name;
    }
    return target;
}

QList<QPair<QString, QString>> DdlRunDialog::createColumns(const QString& sql) {
    // Split the first parenthesised list at top-level commas, minding quotes and nested parentheses.
    QList<QPair<QString, QString>> columns;
    const qsizetype open = sql.indexOf(QLatin1Char('('));
    if (open < 0)
        return columns;
    QStringList entries;
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
    static const QRegularExpression entry(
        QStringLiteral(R"(^\s*(`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_.]*)\s+(.*?)\s*)"
                       R"((?:\b(?:DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL|CODEC|COMMENT|TTL)\b.*)?$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression notAColumn(QStringLiteral(R"(^\s*(?:INDEX|CONSTRAINT|PROJECTION)\s)"),
                                               QRegularExpression::CaseInsensitiveOption);
    for (const QString& e : entries) {
        if (notAColumn.match(e).hasMatch())
            continue;
        const QRegularExpressionMatch m = entry.match(e);
        if (m.hasMatch() && !m.captured(2).isEmpty())
            columns.append({unquoted(m.captured(1)), m.captured(2).trimmed()});
    }
    return columns;
}

DdlRunDialog::DdlRunDialog(std::vector<DdlStatement> statements, QWidget* parent)
    : QDialog(parent)
    , mStatements(std::move(statements))
    , mSql(new QPlainTextEdit(this))
    , mLog(new QPlainTextEdit(this))
    , mProgress(new QProgressBar(this))
    , mCopy(new QPushButton(tr("C&opy SQL"), this))
    , mRun(new QPushButton(tr("&Run"), this))
    , mCancel(new QPushButton(tr("&Cancel"), this))
    , mStatus(new QLabel(this)) {
    setWindowTitle(tr("Destination DDL"));
    for (const DdlStatement& s : mStatements)
        mTargets.push_back(targetOf(QString::fromStdString(s.sql)));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mSql->setReadOnly(true);
    mSql->setFont(mono);
    mSql->setLineWrapMode(QPlainTextEdit::NoWrap);
    mSql->setPlainText(script());
    mSql->setAccessibleName(tr("DDL statements"));
    new SqlHighlighter(mSql->document());
    mLog->setReadOnly(true);
    mLog->setAccessibleName(tr("DDL run report"));
    mProgress->setRange(0, static_cast<int>(mStatements.size()));
    mProgress->setValue(0);
    mProgress->setAccessibleName(tr("DDL run progress"));
    mStatus->setWordWrap(true);
    mStatus->setAccessibleName(tr("DDL run status"));
    mCopy->setAccessibleName(tr("Copy the DDL"));
    mRun->setAccessibleName(tr("Run the DDL on ClickHouse"));
    mCancel->setAccessibleName(tr("Cancel the DDL run"));
    mCancel->setEnabled(false);
    auto* close = new QPushButton(tr("C&lose"), this);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(mSql);
    splitter->addWidget(mLog);
    splitter->setStretchFactor(0, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(mCopy);
    buttons->addStretch();
    buttons->addWidget(mRun);
    buttons->addWidget(mCancel);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(mProgress);
    layout->addWidget(mStatus);
    layout->addLayout(buttons);

    connect(mCopy, &QPushButton::clicked, this, &DdlRunDialog::copyScript);
    connect(mRun, &QPushButton::clicked, this, &DdlRunDialog::run);
    connect(mCancel, &QPushButton::clicked, this, &DdlRunDialog::cancel);
    connect(close, &QPushButton::clicked, this, [this] {
        cancel();
        reject();
    });
}

void DdlRunDialog::setClient(ClickHouseClient* client) {
    mClient = client;
}

QString DdlRunDialog::script() const {
    return QString::fromStdString(ddlScript(mStatements));
}

QString DdlRunDialog::statusText() const {
    return mStatus->text();
}

void DdlRunDialog::copyScript() {
    QApplication::clipboard()->setText(script());
    mStatus->setText(tr("Copied %n statement(s).", nullptr, static_cast<int>(mStatements.size())));
}

void DdlRunDialog::run() {
    if (mRunning)
        return;
    if (!mClient) {
        mStatus->setText(tr("Not connected: set up the ClickHouse connection first."));
        return;
    }
    mReport.clear();
    mLog->clear();
    mExists.assign(mStatements.size(), false);
    mNext = 0;
    mCancelled = false;
    mRunning = true;
    mProgress->setValue(0);
    mRun->setEnabled(false);
    mCancel->setEnabled(true);
    mStatus->setText(tr("Looking for existing objects…"));
    detectExisting();
}

void DdlRunDialog::cancel() {
    if (!mRunning)
        return;
    mCancelled = true;
    if (ClickHouseQuery* q = mInFlight.data())
        q->cancel(); // its finished() reports the cancel and stops the run
}

void DdlRunDialog::note(const QString& line) {
    mReport << line;
    mLog->appendPlainText(line);
}

void DdlRunDialog::detectExisting() {
    QStringList conditions;
    for (const Target& t : mTargets) {
        if (t.kind == Target::Kind::Table || t.kind == Target::Kind::View)
            conditions << QStringLiteral("(database = %1 AND name = %2)")
                              .arg(quoteSqlString(t.name.database), quoteSqlString(t.name.table));
    }
    // Databases are listed in full (there are few); tables only those the statements make. The aliases must
    // not reuse a column name: ClickHouse aliases are visible in the whole query.
    const QString sql =
        QStringLiteral(
            "SELECT 'database' AS kind, name AS database, '' AS table_name FROM system.databases%1 "
            "FORMAT JSONEachRow")
            .arg(conditions.isEmpty() ? QString()
                                      : QStringLiteral(" UNION ALL SELECT 'table' AS kind, database, name AS "
                                                       "table_name FROM system.tables "
                                                       "WHERE %1")
                                            .arg(conditions.join(QStringLiteral(" OR "))));
    QueryOptions options;
    options.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
    ClickHouseQuery* q = mClient->query(sql, options);
    mInFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q] {
        if (q->error())
            return fail(tr("looking for existing objects"), *q->error());
        for (const QJsonObject& row : jsonEachRow(q->body())) {
            const QString kind = row.value(QStringLiteral("kind")).toString();
            const QString database = row.value(QStringLiteral("database")).toString();
            const QString name = row.value(QStringLiteral("table_name")).toString();
            for (std::size_t i = 0; i < mTargets.size(); ++i) {
                const Target& t = mTargets[i];
                const bool isDatabase = t.kind == Target::Kind::Database;
                if (kind == QLatin1String("database") && isDatabase && t.name.database == database)
                    mExists[i] = true;
                if (kind == QLatin1String("table") && !isDatabase && t.kind != Target::Kind::Unknown &&
                    t.name.database == database && t.name.table == name)
                    mExists[i] = true;
            }
        }
        runNext();
    });
}

void DdlRunDialog::runNext() {
    if (mCancelled) {
        ClickHouseError cancelled{ClickHouseError::Kind::Cancelled, tr("cancelled by the user"), 0, 0};
        return fail(tr("cancelled"), cancelled);
    }
    mProgress->setValue(static_cast<int>(mNext));
    if (mNext >= mStatements.size())
        return finish(true,
                      tr("Done: %n statement(s) handled.", nullptr, static_cast<int>(mStatements.size())));
    const std::size_t i = mNext++;
    const QString what = QString::fromStdString(mStatements[i].what);
    if (mExists[i]) {
        note(tr("already existed: %1").arg(what));
        if (mTargets[i].kind == Target::Kind::Table)
            return compareColumns(i);
        return runNext();
    }
    mStatus->setText(tr("[%1/%2] %3…").arg(i + 1).arg(mStatements.size()).arg(what));
    QueryOptions options;
    options.timeoutMs = 120000;
    ClickHouseQuery* q = mClient->query(QString::fromStdString(mStatements[i].sql), options);
    mInFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, i, what] {
        if (q->error()) {
            mNext = i; // this one did not happen
            return fail(what, *q->error(), q->error()->kind != ClickHouseError::Kind::Cancelled);
        }
        note(tr("created: %1").arg(what));
        runNext();
    });
}

void DdlRunDialog::compareColumns(std::size_t index) {
    const TableName& table = mTargets[index].name;
    QueryOptions options;
    options.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
    ClickHouseQuery* q = mClient->query(
        QStringLiteral(
            "SELECT name, type FROM system.columns WHERE database = %1 AND table = %2 FORMAT JSONEachRow")
            .arg(quoteSqlString(table.database), quoteSqlString(table.table)),
        options);
    mInFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, index] {
        const TableName& name = mTargets[index].name;
        if (q->error())
            return fail(tr("reading the columns of %1").arg(name.display()), *q->error());
        QList<QPair<QString, QString>> existing;
        for (const QJsonObject& row : jsonEachRow(q->body()))
            existing.append(
                {row.value(QStringLiteral("name")).toString(), row.value(QStringLiteral("type")).toString()});
        const auto wanted = createColumns(QString::fromStdString(mStatements[index].sql));
        const auto find = [](const QList<QPair<QString, QString>>& list, const QString& column) {
            for (const auto& c : list)
                if (c.first == column)
                    return &c;
            return static_cast<const QPair<QString, QString>*>(nullptr);
        };
        QStringList differences;
        for (const auto& [column, type] : wanted) {
            const auto* have = find(existing, column);
            if (!have)
                differences << tr("column %1 %2 is missing").arg(column, type);
            else if (withoutSpaces(have->second) != withoutSpaces(type))
                differences << tr("column %1 is %2, the DDL says %3").arg(column, have->second, type);
        }
        for (const auto& [column, type] : existing)
            if (!find(wanted, column))
                differences << tr("column %1 %2 is not in the DDL").arg(column, type);
        if (!wanted.isEmpty()) {
            if (differences.isEmpty())
                note(tr("same columns: %1 matches the DDL").arg(name.display()));
            for (const QString& d : differences)
                note(tr("differs: %1: %2").arg(name.display(), d));
        }
        runNext();
    });
}

void DdlRunDialog::fail(const QString& during, const ClickHouseError& error, bool statementFailed) {
    const bool cancelled = error.kind == ClickHouseError::Kind::Cancelled;
    if (statementFailed)
        note(tr("failed: %1: %2").arg(QString::fromStdString(mStatements[mNext].what), error.toString()));
    const std::size_t firstNotRun = statementFailed ? mNext + 1 : mNext;
    for (std::size_t i = firstNotRun; i < mStatements.size(); ++i)
        note(tr("not run: %1").arg(QString::fromStdString(mStatements[i].what)));
    finish(false, cancelled ? tr("Cancelled: the statements above that say \"created\" did run.")
                            : tr("Stopped at %1: %2").arg(during, error.toString()));
}

void DdlRunDialog::finish(bool ok, const QString& status) {
    mRunning = false;
    mInFlight.clear();
    mRun->setEnabled(true);
    mCancel->setEnabled(false);
    mStatus->setText(status);
    emit finished(ok);
}

} // namespace ckstudio
