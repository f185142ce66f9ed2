// ckstudio-cli preview: rows of a table over ClickHouse HTTP through the same ResultRowModel as the GUI.
#include "cli/Cli.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/PreviewSession.h"
#include "preview/ResultRowModel.h"
#include "preview/RowExport.h"

#include <QProcessEnvironment>
#include <fstream>
#include <ostream>

namespace ckstudio::cli {
namespace {

void printPreviewHelp(std::ostream& out) {
    out << "Usage: ckstudio-cli preview --table DB.TABLE [--limit N] [--format tsv|jsonl|csv] [--output "
           "FILE]\n"
           "                            [--consume | --twin [--twin-database DB]] [connection options]\n\n"
           "Reads up to N rows (default 100) with readonly=2, LIMIT N and a time limit.\n"
           "  --table DB.TABLE   names with dots or dashes in backquotes: `service_my-kafka`.`events`\n"
           "  --format tsv       ClickHouse's TabSeparated escaping, equal to the server's FORMAT "
           "TabSeparated\n"
           "  --format jsonl     one JSON object per row; NULL is null; 64-bit integers and Decimals are "
           "strings\n"
           "                     with the exact digits (as ClickHouse's JSONEachRow writes them)\n"
           "  --format csv       a header line, then RFC 4180 rows\n"
           "  --output FILE      write the rows to FILE instead of stdout\n"
           "  --consume          read a Kafka-engine table even though that consumes its messages (moves "
           "the\n"
           "                     table's consumer group offsets); without it such a preview is refused (exit "
           "1)\n"
           "                     with an explanation and the alternatives\n"
           "  --twin             read a Kafka-engine table through a temporary twin: a Kafka table with the "
           "same\n"
           "                     columns and settings but a fresh consumer group ckstudio_preview_<uuid>, "
           "created\n"
           "                     before the SELECT and dropped after it (also on error). The production "
           "group's\n"
           "                     offsets do not move. The twin starts at the earliest offset where the "
           "server "
           "has\n"
           "                     kafka_auto_offset_reset (Aiven); elsewhere (e.g. ClickHouse 18.16) a new "
           "group\n"
           "                     starts at the LATEST offset and sees only messages produced from now on; "
           "stderr\n"
           "                     says which. Needs CREATE/DROP rights on the twin's database.\n"
           "  --twin-database DB where to create the twin (default ckstudio_tmp, created if missing)\n"
        << connectionOptionsHelp()
        << "Exit codes: 0 rows written, 1 refused (Kafka table without --consume or --twin), 2 usage (also "
           "--twin\n"
           "on a table that is not a Kafka table), 4 ClickHouse or network error.\n";
}

// Owns everything one run needs; deleted after finish().
class PreviewRun : public QObject {
public:
    PreviewRun(ConnectionSettings connection, CliIo& io, Finish finish)
        : m_io(io)
        , m_finish(std::move(finish))
        , m_client(new ClickHouseClient(std::move(connection), this))
        , m_model(new ResultRowModel(this))
        , m_session(new PreviewSession(m_client, m_model, this)) {}

    void start(const PreviewRequest& request, RowExportFormat format, const QString& output) {
        m_format = format;
        m_output = output;
        m_twinRequested = request.twin;
        connect(m_session, &PreviewSession::refused, this, [this](const PreviewPlan& plan) {
            m_io.err << "ckstudio-cli preview: refused: " << plan.explanation().toStdString() << "\n";
            m_io.err << "Instead you can:\n";
            for (const auto& a : plan.alternatives())
                m_io.err << "  - " << a.toStdString() << "\n";
            done(ExitInvalid);
        });
        connect(m_session, &PreviewSession::finished, this,
                [this](const std::optional<ClickHouseError>& error) {
                    if (const auto& twin = m_session->twin())
                        m_io.err << "ckstudio-cli preview: " << twin->explanation().toStdString() << "\n";
                    if (error) {
                        m_io.err << "ckstudio-cli preview: " << error->toString().toStdString() << "\n";
                        done(error->kind == ClickHouseError::Kind::Usage && m_twinRequested ? ExitUsage
                                                                                           : ExitRemote);
                        return;
                    }
                    m_model->fetchAll();
                    if (m_output.isEmpty()) {
                        writeRows(*m_model, m_format, m_io.out);
                        m_io.out.flush();
                    } else {
                        std::ofstream file(m_output.toStdString(), std::ios::binary | std::ios::trunc);
                        if (file)
                            writeRows(*m_model, m_format, file);
                        if (!file) {
                            m_io.err << "ckstudio-cli preview: cannot write " << m_output.toStdString() << "\n";
                            done(ExitUsage);
                            return;
                        }
                    }
                    if (m_model->isCapped())
                        m_io.err << "ckstudio-cli preview: stopped at the row cap of " << m_model->loadedRows()
                                << " rows\n";
                    done(ExitOk);
                });
        m_session->start(request);
    }

private:
    void done(int code) {
        m_finish(code);
        deleteLater();
    }

    CliIo& m_io;
    Finish m_finish;
    ClickHouseClient* m_client;
    ResultRowModel* m_model;
    PreviewSession* m_session;
    RowExportFormat m_format = RowExportFormat::Tsv;
    QString m_output;
    bool m_twinRequested = false;
};

} // namespace

std::optional<int> runPreview(const QStringList& arguments, CliIo& io, const Finish& finish) {
    QStringList args = arguments;
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        printPreviewHelp(io.out);
        return ExitOk;
    }
    auto connection = connectionFromArgs(args, QProcessEnvironment::systemEnvironment());
    PreviewRequest request;
    QString tableText;
    QString formatText = QStringLiteral("tsv");
    QString output;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const auto value = [&](QString& into) {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        QString v;
        if (a == QLatin1String("--table") && value(v)) {
            tableText = v;
        } else if (a == QLatin1String("--limit") && value(v)) {
            bool ok = false;
            request.limit = v.toLongLong(&ok);
            if (!ok || request.limit <= 0) {
                io.err << "ckstudio-cli preview: --limit needs a positive number, got '" << v.toStdString()
                       << "'\n";
                return ExitUsage;
            }
        } else if (a == QLatin1String("--format") && value(v)) {
            formatText = v;
        } else if ((a == QLatin1String("--output") || a == QLatin1String("-o")) && value(v)) {
            output = v;
        } else if (a == QLatin1String("--consume")) {
            request.allowConsume = true;
        } else if (a == QLatin1String("--twin")) {
            request.twin = true;
        } else if (a == QLatin1String("--twin-database") && value(v)) {
            request.twinDatabase = v;
        } else {
            io.err << "ckstudio-cli preview: unexpected argument '" << a.toStdString() << "' (see --help)\n";
            return ExitUsage;
        }
    }
    if (tableText.isEmpty()) {
        io.err << "ckstudio-cli preview: --table DB.TABLE is required (see --help)\n";
        return ExitUsage;
    }
    QString nameError;
    const auto table = TableName::parse(tableText, &nameError);
    if (!table) {
        io.err << "ckstudio-cli preview: --table " << tableText.toStdString() << ": "
               << nameError.toStdString() << "\n";
        return ExitUsage;
    }
    request.table = *table;
    if (!request.twinDatabase.isEmpty() && !request.twin) {
        io.err << "ckstudio-cli preview: --twin-database needs --twin\n";
        return ExitUsage;
    }
    const auto format = rowExportFormatFromName(formatText);
    if (!format) {
        io.err << "ckstudio-cli preview: --format must be tsv, jsonl or csv, got '"
               << formatText.toStdString() << "'\n";
        return ExitUsage;
    }
    if (!connection.error.isEmpty()) {
        io.err << "ckstudio-cli preview: " << connection.error.toStdString() << "\n";
        return ExitUsage;
    }
    // TSV output is read as TSV so that it is byte-identical to the server's own TabSeparated output.
    if (*format == RowExportFormat::Tsv)
        request.wireFormat = WireFormat::TabSeparatedWithNamesAndTypes;
    auto* run = new PreviewRun(connection.settings, io, finish);
    run->start(request, *format, output);
    return std::nullopt;
}

} // namespace ckstudio::cli
