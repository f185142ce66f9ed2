// `peek --project P --service KAFKA --topic T [--limit N]`: the newest messages of a topic through Aiven's
// Kafka REST endpoint (explicit offsets, no consumer group: nothing is consumed), or, when the service has
// Kafka REST off, from its brokers directly as the topic browser does (KafkaSourceResolver decides for both).
// With --bootstrap, reads the given brokers directly (runDirectPeek).
#include "cli/AivenSupport.h"
#include "aiven/KafkaSourceResolver.h"
#include "cli/Cli.h"
#include "cli/CmdPeekDirect.h"
#include "domain/JsonText.h"
#include "kafka/KafkaReader.h"
#include "kafka/MessageText.h"

#include <algorithm>
#include <ostream>

namespace ckstudio::cli {
namespace {

std::string valueLine(const AivenMessage& m, AivenMessageFormat format) {
    if (m.value.is_null())
        return "null";
    if (format == AivenMessageFormat::Binary) {
        if (m.valueBytes)
            return payloadAsLine(*m.valueBytes); // the same line as a direct peek prints
        // Not base64 after all: show what the API sent.
    }
    return m.value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void printRestMessages(CliIo& io, const std::vector<AivenMessage>& messages, AivenMessageFormat format,
                       bool withOffsets) {
    for (const auto& m : messages) {
        if (withOffsets)
            io.out << m.partition << ":" << m.offset << "\t";
        io.out << valueLine(m, format) << "\n";
    }
    io.out.flush();
}

// The newest `limit` messages read with librdkafka, printed as the REST path prints binary values.
void peekDirect(const KafkaConnection& connection, const QString& topic, int limit, bool withOffsets,
                CliIo& io, const Finish& done) {
    auto* reader = new KafkaReader;
    QObject::connect(reader, &KafkaReader::finished, reader,
                     [reader, &io, withOffsets, done](const KafkaReadResult& result) {
                         reader->deleteLater();
                         if (!result.ok()) {
                             printError(io, "peek",
                                        result.cancelled ? QStringLiteral("cancelled") : result.errorText);
                             done(result.error == KafkaError::Request ? ExitUsage : ExitRemote);
                             return;
                         }
                         for (const KafkaMessage& m : result.messages) {
                             if (withOffsets)
                                 io.out << m.partition << ":" << m.offset << "\t";
                             io.out << payloadAsLine(m.value) << "\n";
                         }
                         io.out.flush();
                         done(ExitOk);
                     });
    KafkaReadRequest request;
    request.topic = topic;
    request.limit = limit;
    reader->start(connection, request);
}

} // namespace

const CommandSpec& peekSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("peek");
        s.summary =
            QStringLiteral("newest messages of a topic through Aiven's Kafka REST endpoint, or directly from "
                           "the brokers; consumes nothing");
        auto required = [](const char* name, const char* valueName, const char* help) {
            OptionSpec o{QString::fromLatin1(name), QString::fromLatin1(valueName),
                         QString::fromLatin1(help)};
            o.required = true;
            o.allowEmpty = false;
            return o;
        };
        OptionSpec limit{QStringLiteral("limit"), QStringLiteral("N"),
                         QStringLiteral("how many messages, 1 to 100000")};
        limit.defaultValue = QStringLiteral("10");
        OptionSpec format{QStringLiteral("format"), {}, QStringLiteral("how Kafka REST decodes")};
        format.choices = {QStringLiteral("binary"), QStringLiteral("json")};
        format.defaultValue = QStringLiteral("binary");
        format.show = OptionSpec::Show::Full;
        OptionSpec offsets{QStringLiteral("with-offsets"),
                           {},
                           QStringLiteral("prefix each line with PARTITION:OFFSET and a tab")};
        offsets.show = OptionSpec::Show::Full;
        s.options = {required("project", "P", "Aiven project"),
                     required("service", "KAFKA", "Kafka service"),
                     required("topic", "T", "the topic"),
                     limit,
                     format,
                     offsets};
        for (auto& o : aivenOptions())
            s.options.push_back(o);
        s.alternative = &peekDirectSpec();
        s.description = QStringLiteral(
            "Prints the newest N messages, one per line: JSON values as compact JSON, other UTF-8 text as a\n"
            "JSON string, other bytes as base64:... (the same with --bootstrap). Reads explicit offsets "
            "through\n"
            "Aiven's Kafka REST API, or from the brokers directly when the service has Kafka REST off;\n"
            "consumes nothing.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runPeek(const QStringList& args, CliIo& io, const Finish& finish) {
    if (args.contains(QStringLiteral("--bootstrap")) ||
        std::any_of(args.begin(), args.end(),
                    [](const QString& a) { return a.startsWith(QLatin1String("--bootstrap=")); }))
        return runDirectPeek(args, io, finish);

    ParsedArgs parser;
    if (const auto exit = parseCommandLine(peekSpec(), args, io, parser))
        return *exit;
    const QString project = parser.value(QStringLiteral("project"));
    const QString service = parser.value(QStringLiteral("service"));
    const QString topic = parser.value(QStringLiteral("topic"));
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    const QString formatName = parser.value(QStringLiteral("format"));
    if (!limitOk || limit < 1 || limit > 100000)
        return usageError(io, peekSpec(), QStringLiteral("--limit must be a number from 1 to 100000"));
    const auto format =
        formatName == QLatin1String("json") ? AivenMessageFormat::JsonFormat : AivenMessageFormat::Binary;
    const bool withOffsets = parser.isSet(QStringLiteral("with-offsets"));
    runWithAivenClient(
        "peek", parser.value(QStringLiteral("ca-file")), io, finish,
        [&io, project, service, topic, limit, format, withOffsets](AivenClient& client, const Finish& done) {
            auto* source = new KafkaSourceResolver(&client, &client);
            QObject::connect(
                source, &KafkaSourceResolver::resolved, source,
                [&client, &io, topic, limit, format, withOffsets, done](const KafkaSourceResult& resolved) {
                    if (!resolved.ok()) {
                        printError(io, "peek", resolved.errorText());
                        done(ExitRemote);
                        return;
                    }
                    if (resolved.source.direct) {
                        peekDirect(*resolved.source.direct, topic, limit, withOffsets, io, done);
                        return;
                    }
                    client.newestMessages(
                        resolved.source.project, resolved.source.service, topic, limit, format, &client,
                        [&io, format, withOffsets, done](AivenResult<std::vector<AivenMessage>> r) {
                            if (!r) {
                                printError(io, "peek", r.error.describe());
                                done(ExitRemote);
                                return;
                            }
                            printRestMessages(io, *r.value, format, withOffsets);
                            done(ExitOk);
                        });
                });
            source->resolve({project, service, {}, {}});
        });
    return std::nullopt;
}

} // namespace ckstudio::cli
