#include "clickhouse/SampleCheck.h"

#include "clickhouse/ClickHouseClient.h"

#include <QBuffer>
#include <QUuid>

namespace ckstudio {
namespace {

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Index just past the quoted token that starts at `from` ('...', `...` or "..."; \ escapes, doubled quotes).
qsizetype skipQuoted(const QString& text, qsizetype from) {
    const QChar quote = text[from];
    qsizetype i = from + 1;
    while (i < text.size()) {
        if (text[i] == QLatin1Char('\\')) {
            i += 2;
        } else if (text[i] == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote)
                i += 2;
            else
                return i + 1;
        } else {
            ++i;
        }
    }
    return text.size();
}

// Where the keyword `word` starts outside quotes at or after `from`, or -1.
qsizetype findKeyword(const QString& text, const QString& word, qsizetype from) {
    qsizetype i = from;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"')) {
            i = skipQuoted(text, i);
            continue;
        }
        if (isWordChar(c)) {
            qsizetype end = i;
            while (end < text.size() && isWordChar(text[end]))
                ++end;
            if (QStringView(text).mid(i, end - i).compare(word, Qt::CaseInsensitive) == 0)
                return i;
            i = end;
            continue;
        }
        ++i;
    }
    return -1;
}

qsizetype skipSpace(const QString& text, qsizetype i) {
    while (i < text.size() && text[i].isSpace())
        ++i;
    return i;
}

// The text of an SQL string literal ('a\'b' -> a'b), for settings sent as URL parameters; other literals as
// is.
QString literalValue(const QString& literal) {
    if (!literal.startsWith(QLatin1Char('\'')))
        return literal;
    QString out;
    for (qsizetype i = 1; i + 1 < literal.size(); ++i) {
        if ((literal[i] == QLatin1Char('\\') || literal[i] == QLatin1Char('\'')) && i + 2 < literal.size())
            ++i;
        out += literal[i];
    }
    return out;
}

} // namespace

FormatSettings tableFormatSettings(const QString& definition) {
    FormatSettings out;
    // The engine's SETTINGS: after ENGINE in a CREATE statement, anywhere in engine_full ("Kafka SETTINGS
    // ...").
    const qsizetype engine = findKeyword(definition, QStringLiteral("ENGINE"), 0);
    qsizetype i = findKeyword(definition, QStringLiteral("SETTINGS"), engine < 0 ? 0 : engine);
    if (i < 0)
        return out;
    i += 8;
    for (;;) {
        i = skipSpace(definition, i);
        const qsizetype nameStart = i;
        while (i < definition.size() && isWordChar(definition[i]))
            ++i;
        const QString name = definition.mid(nameStart, i - nameStart);
        i = skipSpace(definition, i);
        if (name.isEmpty() || i >= definition.size() || definition[i] != QLatin1Char('='))
            break;
        i = skipSpace(definition, i + 1);
        const qsizetype valueStart = i;
        if (i < definition.size() && definition[i] == QLatin1Char('\'')) {
            i = skipQuoted(definition, i);
        } else {
            while (i < definition.size() && !definition[i].isSpace() && definition[i] != QLatin1Char(',') &&
                   definition[i] != QLatin1Char(')') && definition[i] != QLatin1Char(';'))
                ++i;
        }
        const QString value = definition.mid(valueStart, i - valueStart);
        if (value.isEmpty())
            break;
        if (!name.startsWith(QLatin1String("kafka_"), Qt::CaseInsensitive))
            out.append({name, value});
        i = skipSpace(definition, i);
        if (i >= definition.size() || definition[i] != QLatin1Char(','))
            break;
        ++i;
    }
    return out;
}

QString sampleStructure(const std::vector<TableColumn>& columns) {
    QStringList parts;
    for (const auto& c : columns)
        parts << quoteSqlIdentifier(c.name) + QLatin1Char(' ') + c.type;
    return parts.join(QStringLiteral(", "));
}

QString sampleCheckStatement(const QString& format, const QString& structure, const QString& message,
                             const FormatSettings& settings) {
    QString sql = QStringLiteral("SELECT count() FROM format(%1, %2, %3)")
                      .arg(format, quoteSqlString(structure), quoteSqlString(message));
    if (!settings.isEmpty()) {
        QStringList parts;
        for (const auto& s : settings)
            parts << s.first + QStringLiteral(" = ") + s.second;
        sql += QStringLiteral(" SETTINGS ") + parts.join(QStringLiteral(", "));
    }
    return sql + QStringLiteral(" FORMAT TabSeparated");
}

std::optional<SampleVerdict> verdictWithoutServer(int index, const QString& message) {
    if (!message.isEmpty())
        return std::nullopt;
    SampleVerdict v;
    v.index = index;
    v.noRow = true;
    v.error = QStringLiteral("the message is empty: it gives no row (the Kafka engine skips it)");
    return v;
}

SampleVerdict sampleVerdict(int index, const std::optional<ClickHouseError>& serverError,
                            const QByteArray& body) {
    SampleVerdict v;
    v.index = index;
    if (serverError) {
        // format() over input without a row (blank, or whitespace in a text format) fails to find its columns
        // in the empty block (Code 10 NOT_FOUND_COLUMN_IN_BLOCK, "There are only columns: ."); the Kafka
        // engine gives such a message no row and no error.
        if (serverError->serverCode == 10 &&
            serverError->message.contains(QLatin1String("There are only columns: ."))) {
            v.noRow = true;
            v.error = QStringLiteral("the message holds no row");
            return v;
        }
        v.error = serverError->message;
        return v;
    }
    const QByteArray count = body.trimmed();
    if (count.isEmpty()) { // an INSERT (18.16): it succeeded, without saying how many rows
        v.ok = true;
        v.rows = -1;
        return v;
    }
    bool isNumber = false;
    v.rows = count.toInt(&isNumber);
    if (!isNumber) {
        v.rows = 0;
        v.error =
            QStringLiteral("unexpected answer to the check: %1").arg(QString::fromUtf8(count.left(200)));
        return v;
    }
    v.ok = v.rows > 0;
    if (!v.ok) {
        v.noRow = true;
        v.error = QStringLiteral("the message holds no row");
    }
    return v;
}

SampleCheck::SampleCheck(ClickHouseClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

void SampleCheck::setLocalParser(LocalStatementRunner runner, const QString& name) {
    m_localParser = std::move(runner);
    m_localParserName = name;
}

void SampleCheck::start(const std::vector<TableColumn>& columns, const QString& format,
                        const QStringList& messages, const FormatSettings& settings) {
    m_columns = columns;
    m_format = format;
    m_messages = messages;
    m_wantedSettings = settings;
    m_settings.clear();
    m_ignoredSettings.clear();
    m_checkedBy.clear();
    m_useLocalParser = false;
    m_verdicts.clear();
    m_next = 0;
    m_client->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
        if (error)
            return done(error);
        const ServerCapabilities& server = *m_client->capabilities();
        if (!server.hasFormat(m_format))
            return done(ClickHouseError{ClickHouseError::Kind::Usage,
                                        QStringLiteral("ClickHouse %1 does not know the format %2")
                                            .arg(m_client->capabilities()->version().text, m_format),
                                        0, 0});
        if (server.readonlyLevel() == 1) {
            if (!m_localParser)
                return done(ClickHouseError{
                    ClickHouseError::Kind::Usage,
                    QStringLiteral("the check cannot run as user %1: its profile has readonly=1, under "
                                   "which ClickHouse %2 refuses both format() and temporary tables (Code 164); "
                                   "connect as a user with readonly=2 (or 0), or install the embedded "
                                   "ClickHouse engine (bash packaging/install-deps.sh) to check the messages "
                                   "locally")
                        .arg(m_client->settings().user.isEmpty() ? QStringLiteral("default")
                                                                : m_client->settings().user,
                             server.version().text),
                    0, 0});
            // The local engine knows every setting of a table: nothing is left out.
            m_useLocalParser = true;
            m_settings = m_wantedSettings;
            m_checkedBy = QStringLiteral("%1 (this server's user has readonly=1, which refuses the check)")
                             .arg(m_localParserName);
            return checkNext();
        }
        // Only what this server has (and lets this user set): an unknown setting would fail every message.
        for (const auto& s : m_wantedSettings) {
            if (m_client->supportedSettings({s}).isEmpty())
                m_ignoredSettings << s.first + QStringLiteral(" = ") + s.second;
            else
                m_settings << s;
        }
        m_useFormatFunction = m_client->capabilities()->hasFormatTableFunction();
        if (m_useFormatFunction)
            return checkNext();
        m_session = QStringLiteral("ckstudio-sample-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_tempTable = QStringLiteral("ckstudio_sample_check");
        QueryOptions o;
        o.sessionId = m_session;
        auto* q = m_client->query(QStringLiteral("CREATE TEMPORARY TABLE %1 (%2) ENGINE = Memory")
                                     .arg(quoteSqlIdentifier(m_tempTable), sampleStructure(m_columns)),
                                 o);
        connect(q, &ClickHouseQuery::finished, this, [this, q] {
            if (q->error())
                return done(q->error());
            checkNext();
        });
    });
}

void SampleCheck::checkNext() {
    if (m_next >= m_messages.size()) {
        if (!m_useFormatFunction && !m_useLocalParser) { // the temporary table goes with the session; drop it now anyway
            QueryOptions o;
            o.sessionId = m_session;
            m_client->query(
                QStringLiteral("DROP TEMPORARY TABLE IF EXISTS %1").arg(quoteSqlIdentifier(m_tempTable)), o);
        }
        return done(std::nullopt);
    }
    const int index = m_next++;
    const QString message = m_messages[index];
    if (const auto verdict = verdictWithoutServer(index, message)) {
        m_verdicts.push_back(*verdict);
        return checkNext();
    }
    if (m_useLocalParser) {
        m_localParser(sampleCheckStatement(m_format, sampleStructure(m_columns), message, m_settings), this,
                     [this, index](const std::optional<ClickHouseError>& error, const QByteArray& body) {
                         if (error && error->kind != ClickHouseError::Kind::Server)
                             return done(error);
                         m_verdicts.push_back(sampleVerdict(index, error, error ? QByteArray() : body));
                         checkNext();
                     });
        return;
    }
    ClickHouseQuery* q = nullptr;
    QueryOptions o;
    o.timeoutMs = 30000;
    if (m_useFormatFunction) {
        o.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
        q = m_client->query(sampleCheckStatement(m_format, sampleStructure(m_columns), message, m_settings), o);
    } else {
        // INSERT ... SETTINGS is newer than this path's servers: the settings go as URL parameters.
        o.sessionId = m_session;
        for (const auto& s : m_settings)
            o.settings.append({s.first, literalValue(s.second)});
        auto* body = new QBuffer(this);
        body->setData(message.toUtf8());
        body->open(QIODevice::ReadOnly);
        q = m_client->insert(
            QStringLiteral("INSERT INTO %1 FORMAT %2").arg(quoteSqlIdentifier(m_tempTable), m_format), body, o);
        connect(q, &QObject::destroyed, body, &QObject::deleteLater);
    }
    connect(q, &ClickHouseQuery::finished, this, [this, q, index] {
        if (q->error() && q->error()->kind != ClickHouseError::Kind::Server)
            return done(q->error());
        m_verdicts.push_back(sampleVerdict(index, q->error(), q->error() ? QByteArray() : q->body()));
        checkNext();
    });
}

void SampleCheck::done(const std::optional<ClickHouseError>& error) {
    emit finished(error);
}

} // namespace ckstudio
