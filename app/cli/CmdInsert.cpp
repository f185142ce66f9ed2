// ckstudio-cli insert: POST `INSERT INTO db.table FORMAT X` with a file as the body (streamed, not loaded).
#include "cli/Cli.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/TableInspector.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <ostream>

namespace ckstudio::cli {
namespace {

class InsertRun : public QObject {
public:
    InsertRun(ConnectionSettings connection, CliIo& io, Finish finish)
        : m_io(io)
        , m_finish(std::move(finish))
        , m_client(new ClickHouseClient(std::move(connection), this)) {}

    void start(const TableName& table, const QString& format, const QString& path) {
        m_table = table;
        m_format = format;
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadOnly)) {
            m_io.err << "ckstudio-cli insert: cannot read " << path.toStdString() << ": "
                    << m_file.errorString().toStdString() << "\n";
            done(ExitUsage);
            return;
        }
        m_client->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
            if (error)
                return fail(*error);
            if (!m_client->capabilities()->hasFormat(m_format)) {
                m_io.err << "ckstudio-cli insert: ClickHouse "
                        << m_client->capabilities()->version().text.toStdString()
                        << " does not know the format '" << m_format.toStdString() << "'\n";
                return done(ExitInvalid);
            }
            inspectTable(m_client, m_table, this,
                         [this](const TableInfo& info, const std::optional<ClickHouseError>& e) {
                             if (e)
                                 return fail(*e);
                             if (!info.exists) {
                                 m_io.err << "ckstudio-cli insert: table " << m_table.display().toStdString()
                                         << " does not exist\n";
                                 return done(ExitRemote);
                             }
                             m_info = info;
                             if (info.engine == QLatin1String("Kafka") && info.topics.size() > 1)
                                 m_io.err
                                     << "ckstudio-cli insert: warning: " << m_table.display().toStdString()
                                     << " reads " << info.topics.size() << " topics ("
                                     << info.topics.join(QStringLiteral(", ")).toStdString()
                                     << "); ClickHouse produces inserted rows to the first one only ('"
                                     << info.topics.first().toStdString() << "')\n";
                             send();
                         });
        });
    }

private:
    void send() {
        QueryOptions o;
        o.timeoutMs = 10 * 60 * 1000;
        auto* q = m_client->insert(QStringLiteral("INSERT INTO %1 FORMAT %2").arg(m_table.quoted(), m_format),
                                  &m_file, o);
        connect(q, &ClickHouseQuery::finished, this, [this, q] {
            if (q->error()) {
                ClickHouseError e = *q->error();
                if (m_info.engine == QLatin1String("Kafka") && e.kind == ClickHouseError::Kind::Server &&
                    (e.serverCode == 48 || e.message.contains(QLatin1String("not supported")))) {
                    m_io.err << "ckstudio-cli insert: ClickHouse "
                            << m_client->capabilities()->version().text.toStdString()
                            << " cannot INSERT into Kafka-engine tables (writing to Kafka through ClickHouse "
                               "needs a "
                               "newer server); nothing was produced. The server said: "
                            << e.message.toStdString() << "\n";
                    return done(ExitRemote);
                }
                return fail(e);
            }
            m_io.err << "ckstudio-cli insert: inserted " << m_file.size() << " bytes of "
                    << m_format.toStdString() << " into " << m_table.display().toStdString() << "\n";
            done(ExitOk);
        });
    }
    void fail(const ClickHouseError& error) {
        m_io.err << "ckstudio-cli insert: " << error.toString().toStdString() << "\n";
        done(ExitRemote);
    }
    void done(int code) {
        m_finish(code);
        deleteLater();
    }

    CliIo& m_io;
    Finish m_finish;
    ClickHouseClient* m_client;
    QFile m_file;
    TableName m_table;
    QString m_format;
    TableInfo m_info;
};

} // namespace

const CommandSpec& insertSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("insert");
        s.summary = QStringLiteral("write rows to a table (a connector table produces them to its topic)");
        s.positionals = {{QStringLiteral("FILE"), QStringLiteral("the rows, sent as the INSERT's body")}};
        s.positionalsFirst = false;
        OptionSpec table{QStringLiteral("table"), QStringLiteral("DB.TABLE"),
                         QStringLiteral("the table to write to")};
        table.required = true;
        OptionSpec format{QStringLiteral("format"), QStringLiteral("FORMAT"),
                          QStringLiteral("a ClickHouse input format: JSONEachRow, TabSeparated, CSV, ...")};
        format.required = true;
        s.options = {table, format};
        for (auto& o : clickHouseConnectionOptions())
            s.options.push_back(o);
        s.description =
            QStringLiteral("Sends FILE as the body of INSERT INTO DB.TABLE FORMAT FORMAT (any input format "
                           "the server knows,\n"
                           "e.g. JSONEachRow, TabSeparated, CSV). Into a Kafka-engine table this produces "
                           "the rows to its topic\n"
                           "(the first topic when the table lists several: a warning says so).\n");
        s.footer =
            QStringLiteral("Exit codes: 0 inserted, 1 the server does not know FORMAT, 2 usage or unreadable "
                           "FILE,\n"
                           "            4 ClickHouse or network error.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runInsert(const QStringList& arguments, CliIo& io, const Finish& finish) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(insertSpec(), arguments, io, args))
        return *exit;
    const auto connection = clickHouseConnection(args);
    const QString tableText = args.value(QStringLiteral("table"));
    const QString format = args.value(QStringLiteral("format"));
    const QString file = args.positional(QStringLiteral("FILE"));
    QString nameError;
    const auto table = TableName::parse(tableText, &nameError);
    if (!table) {
        io.err << "ckstudio-cli insert: --table " << tableText.toStdString() << ": "
               << nameError.toStdString() << "\n";
        return ExitUsage;
    }
    static const QRegularExpression formatName(QStringLiteral("^[A-Za-z][A-Za-z0-9]*$"));
    if (!formatName.match(format).hasMatch()) {
        io.err << "ckstudio-cli insert: --format must be a ClickHouse format name such as JSONEachRow\n";
        return ExitUsage;
    }
    if (!connection.error.isEmpty()) {
        io.err << "ckstudio-cli insert: " << connection.error.toStdString() << "\n";
        return ExitUsage;
    }
    if (!QFileInfo(file).isFile() || !QFileInfo(file).isReadable()) {
        io.err << "ckstudio-cli insert: cannot read " << file.toStdString() << "\n";
        return ExitUsage;
    }
    auto* run = new InsertRun(connection.settings, io, finish);
    run->start(*table, format, file);
    return std::nullopt;
}

} // namespace ckstudio::cli
