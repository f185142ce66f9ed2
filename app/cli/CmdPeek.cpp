// `peek --project P --service KAFKA --topic T [--limit N]`: the newest messages of a topic through Aiven's
// Kafka REST endpoint (explicit offsets, no consumer group: nothing is consumed), or, when the service has
// Kafka REST off, from its brokers directly as the topic browser does (KafkaSourceResolver decides for both).
// With --bootstrap, reads the given brokers directly (runDirectPeek).
#include "aiven/AivenCliSupport.h"
#include "aiven/KafkaSourceResolver.h"
#include "cli/Cli.h"
#include "cli/CmdPeekDirect.h"
#include "domain/JsonText.h"
#include "kafka/KafkaReader.h"
#include "kafka/MessageText.h"

#include <QCommandLineParser>
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

std::optional<int> runPeek(const QStringList& args, CliIo& io, const Finish& finish) {
    if (args.contains(QStringLiteral("--bootstrap")) ||
        std::any_of(args.begin(), args.end(),
                    [](const QString& a) { return a.startsWith(QLatin1String("--bootstrap=")); }))
        return runDirectPeek(args, io, finish);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("project"), QStringLiteral("Aiven project."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("service"), QStringLiteral("Kafka service."), QStringLiteral("KAFKA")});
    parser.addOption({QStringLiteral("topic"), QStringLiteral("Topic."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("How many messages (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("binary (default) or json: how Kafka REST decodes."),
                      QStringLiteral("FORMAT"), QStringLiteral("binary")});
    parser.addOption({QStringLiteral("with-offsets"),
                      QStringLiteral("Prefix each line with PARTITION:OFFSET and a tab.")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("A PEM CA to trust for the API."),
                      QStringLiteral("FILE")});
    if (!parser.parse(QStringList{QStringLiteral("ckstudio-cli peek")} + args)) {
        printError(io, "peek", parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out
            << "Usage: ckstudio-cli peek --project P --service KAFKA --topic T [--limit N] [--format "
               "binary|json]\n"
            << "                         [--with-offsets] [--ca-file FILE]\n"
            << "       ckstudio-cli peek --bootstrap HOST:PORT --topic T [--limit N]   (direct, librdkafka)\n"
            << "Prints the newest N messages, one per line: JSON values as compact JSON, other UTF-8 text "
               "as a\n"
            << "JSON string, other bytes as base64:... (the same with --bootstrap). Reads explicit offsets "
               "through\n"
            << "Aiven's Kafka REST API, or from the brokers directly when the service has Kafka REST off;\n"
            << "consumes nothing.\n";
        return ExitOk;
    }
    const QString project = parser.value(QStringLiteral("project"));
    const QString service = parser.value(QStringLiteral("service"));
    const QString topic = parser.value(QStringLiteral("topic"));
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    const QString formatName = parser.value(QStringLiteral("format"));
    if (project.isEmpty() || service.isEmpty() || topic.isEmpty() ||
        !parser.positionalArguments().isEmpty()) {
        printError(
            io, "peek",
            QStringLiteral("usage: ckstudio-cli peek --project P --service KAFKA --topic T [--limit N]"));
        return ExitUsage;
    }
    if (!limitOk || limit < 1 || limit > 100000) {
        printError(io, "peek", QStringLiteral("--limit must be a number from 1 to 100000"));
        return ExitUsage;
    }
    if (formatName != QLatin1String("binary") && formatName != QLatin1String("json")) {
        printError(io, "peek", QStringLiteral("--format must be binary or json"));
        return ExitUsage;
    }
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
