#include "cli/CmdPeekDirect.h"

#include "kafka/KafkaReader.h"
#include "kafka/MessageText.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QTimeZone>
#include <limits>
#include <map>
#include <ostream>

namespace ckstudio::cli {
namespace {

constexpr int kMaxLimit = 100000;

const char* const kUsage =
    "Usage: ckstudio-cli peek --bootstrap HOST:PORT[,HOST:PORT] --topic T [--limit N]\n"
    "                         [--from-offset N | --from-time TIME] [--partition P]\n"
    "                         [--security-protocol plaintext|ssl|sasl_plaintext|sasl_ssl]\n"
    "                         [--sasl-mechanism PLAIN|SCRAM-SHA-256|SCRAM-SHA-512] [--sasl-username U]\n"
    "                         [--ca-file F] [--cert-file F] [--key-file F]\n"
    "                         [--format values|jsonl] [--timeout SECONDS]\n"
    "\n"
    "Reads a topic directly from Kafka and stops: the newest N messages (default 10) across partitions,\n"
    "or the first N from offset N in each partition, or from TIME (ISO 8601, UTC unless it has an offset;\n"
    "or milliseconds since the epoch). Partitions are assigned explicitly: no consumer group is joined and\n"
    "nothing is committed. Messages are printed oldest first, one per line:\n"
    "  values  the value: JSON as is (compacted), other UTF-8 text as a JSON string, other bytes as\n"
    "          base64:BASE64, a null value as null\n"
    "  jsonl   {\"partition\",\"offset\",\"timestamp\" (ms or null),\"key\",\"value\"}; keys and values that "
    "are\n"
    "          not UTF-8 go in \"key_base64\"/\"value_base64\" instead\n"
    "The SASL password comes from the environment variable KAFKA_SASL_PASSWORD. --ca-file is the CA to\n"
    "trust (the system's otherwise); --cert-file/--key-file are a client certificate. With a CA or\n"
    "certificate the protocol defaults to ssl, with a SASL user to sasl_ssl.\n"
    "Exit codes: 0 ok, 2 usage or unreadable file, 4 Kafka unreachable, unknown topic or other broker "
    "error.\n";

struct PeekOptions {
    KafkaConnection connection;
    KafkaReadRequest request;
    bool jsonl = false;
};

// "--name value" and "--name=value"; every option takes a value.
std::optional<std::map<QString, QString>> parseOptions(const QStringList& args, std::ostream& err) {
    static const QStringList known = {QStringLiteral("--bootstrap"),
                                      QStringLiteral("--topic"),
                                      QStringLiteral("--limit"),
                                      QStringLiteral("--from-offset"),
                                      QStringLiteral("--from-time"),
                                      QStringLiteral("--partition"),
                                      QStringLiteral("--security-protocol"),
                                      QStringLiteral("--sasl-mechanism"),
                                      QStringLiteral("--sasl-username"),
                                      QStringLiteral("--ca-file"),
                                      QStringLiteral("--cert-file"),
                                      QStringLiteral("--key-file"),
                                      QStringLiteral("--format"),
                                      QStringLiteral("--timeout")};
    std::map<QString, QString> options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        bool hasValue = false;
        if (const auto eq = name.indexOf(QLatin1Char('=')); name.startsWith(QLatin1String("--")) && eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        if (!known.contains(name)) {
            err << "ckstudio-cli peek: unknown argument '" << name.toStdString() << "'\n";
            return std::nullopt;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                err << "ckstudio-cli peek: " << name.toStdString() << " needs a value\n";
                return std::nullopt;
            }
            value = args[++i];
        }
        if (options.count(name) != 0) {
            err << "ckstudio-cli peek: " << name.toStdString() << " given twice\n";
            return std::nullopt;
        }
        options[name] = value;
    }
    return options;
}

std::optional<qint64> parseInteger(const QString& text, qint64 min, qint64 max, const char* option,
                                   std::ostream& err) {
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < min || n > max) {
        err << "ckstudio-cli peek: " << option << " must be an integer from " << min << " to " << max
            << ", got '" << text.toStdString() << "'\n";
        return std::nullopt;
    }
    return n;
}

// ISO 8601 date-time (UTC unless it names an offset) or milliseconds since the epoch.
std::optional<qint64> parseTime(const QString& text) {
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return ms >= 0 ? std::optional<qint64>(ms) : std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    static const QRegularExpression hasOffset(QStringLiteral("(Z|[+-]\\d\\d(:?\\d\\d)?)$"));
    if (!hasOffset.match(text).hasMatch())
        time = QDateTime(time.date(), time.time(), QTimeZone::utc());
    return time.toMSecsSinceEpoch();
}

bool readPem(const QString& path, const char* option, QByteArray& target, std::ostream& err) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "ckstudio-cli peek: cannot read " << option << " " << path.toStdString() << ": "
            << file.errorString().toStdString() << "\n";
        return false;
    }
    target = file.readAll();
    if (!target.contains("-----BEGIN ")) { // librdkafka's own message would name only the setting
        err << "ckstudio-cli peek: " << option << " " << path.toStdString() << " is not a PEM file\n";
        return false;
    }
    return true;
}

std::optional<PeekOptions> parsePeek(const QStringList& args, std::ostream& err) {
    const auto parsed = parseOptions(args, err);
    if (!parsed)
        return std::nullopt;
    const auto& o = *parsed;
    auto value = [&](const char* name) {
        const auto it = o.find(QLatin1String(name));
        return it == o.end() ? std::optional<QString>() : std::optional<QString>(it->second);
    };
    PeekOptions p;
    p.connection.bootstrapServers = value("--bootstrap").value_or(QString()).trimmed();
    p.request.topic = value("--topic").value_or(QString());
    if (p.connection.bootstrapServers.isEmpty() || p.request.topic.isEmpty()) {
        err << "ckstudio-cli peek: --bootstrap and --topic are required\n" << kUsage;
        return std::nullopt;
    }
    if (auto limit = value("--limit")) {
        const auto n = parseInteger(*limit, 1, kMaxLimit, "--limit", err);
        if (!n)
            return std::nullopt;
        p.request.limit = int(*n);
    }
    if (value("--from-offset") && value("--from-time")) {
        err << "ckstudio-cli peek: give either --from-offset or --from-time, not both\n";
        return std::nullopt;
    }
    if (auto offset = value("--from-offset")) {
        const auto n = parseInteger(*offset, 0, std::numeric_limits<qint64>::max(), "--from-offset", err);
        if (!n)
            return std::nullopt;
        p.request.start = KafkaStart::Offset;
        p.request.startOffset = *n;
    }
    if (auto time = value("--from-time")) {
        const auto ms = parseTime(*time);
        if (!ms) {
            err << "ckstudio-cli peek: --from-time needs an ISO 8601 date-time such as 2024-05-01T12:00:00Z "
                   "or milliseconds since the epoch, got '"
                << time->toStdString() << "'\n";
            return std::nullopt;
        }
        p.request.start = KafkaStart::Time;
        p.request.startTimeMs = *ms;
    }
    if (auto partition = value("--partition")) {
        const auto n = parseInteger(*partition, 0, std::numeric_limits<int>::max(), "--partition", err);
        if (!n)
            return std::nullopt;
        p.request.partition = int(*n);
    }
    if (auto timeout = value("--timeout")) {
        const auto n = parseInteger(*timeout, 1, 3600, "--timeout", err);
        if (!n)
            return std::nullopt;
        p.request.timeoutMs = int(*n) * 1000;
    }
    if (auto format = value("--format")) {
        if (*format != QLatin1String("values") && *format != QLatin1String("jsonl")) {
            err << "ckstudio-cli peek: --format must be values or jsonl, got '" << format->toStdString()
                << "'\n";
            return std::nullopt;
        }
        p.jsonl = *format == QLatin1String("jsonl");
    }

    auto& c = p.connection;
    if (auto f = value("--ca-file"); f && !readPem(*f, "--ca-file", c.caPem, err))
        return std::nullopt;
    if (auto f = value("--cert-file"); f && !readPem(*f, "--cert-file", c.certificatePem, err))
        return std::nullopt;
    if (auto f = value("--key-file"); f && !readPem(*f, "--key-file", c.keyPem, err))
        return std::nullopt;
    if (c.certificatePem.isEmpty() != c.keyPem.isEmpty()) {
        err << "ckstudio-cli peek: --cert-file and --key-file go together\n";
        return std::nullopt;
    }
    c.saslUsername = value("--sasl-username").value_or(QString());
    c.saslMechanism = value("--sasl-mechanism").value_or(QString()).toUpper();
    c.securityProtocol = value("--security-protocol").value_or(QString()).toLower();
    if (c.securityProtocol.isEmpty()) {
        const bool tls = !c.caPem.isEmpty() || !c.certificatePem.isEmpty();
        if (!c.saslUsername.isEmpty())
            c.securityProtocol = QStringLiteral("sasl_ssl");
        else if (tls)
            c.securityProtocol = QStringLiteral("ssl");
    }
    static const QStringList protocols = {QStringLiteral("plaintext"), QStringLiteral("ssl"),
                                          QStringLiteral("sasl_plaintext"), QStringLiteral("sasl_ssl")};
    if (!c.securityProtocol.isEmpty() && !protocols.contains(c.securityProtocol)) {
        err << "ckstudio-cli peek: --security-protocol must be one of plaintext, ssl, sasl_plaintext, "
               "sasl_ssl\n";
        return std::nullopt;
    }
    static const QStringList mechanisms = {QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"),
                                           QStringLiteral("SCRAM-SHA-512")};
    if (!c.saslMechanism.isEmpty() && !mechanisms.contains(c.saslMechanism)) {
        err << "ckstudio-cli peek: --sasl-mechanism must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512\n";
        return std::nullopt;
    }
    const bool sasl = c.securityProtocol.startsWith(QLatin1String("sasl_"));
    if (sasl) {
        if (c.saslUsername.isEmpty()) {
            err << "ckstudio-cli peek: --security-protocol " << c.securityProtocol.toStdString()
                << " needs --sasl-username (password in KAFKA_SASL_PASSWORD)\n";
            return std::nullopt;
        }
        c.saslPassword = qEnvironmentVariable("KAFKA_SASL_PASSWORD");
        if (c.saslPassword.isEmpty()) {
            err << "ckstudio-cli peek: set the SASL password in the environment variable "
                   "KAFKA_SASL_PASSWORD\n";
            return std::nullopt;
        }
        if (c.saslMechanism.isEmpty())
            c.saslMechanism = QStringLiteral("SCRAM-SHA-256"); // Aiven's SASL listeners offer it
    } else if (!c.saslUsername.isEmpty() || !c.saslMechanism.isEmpty()) {
        err << "ckstudio-cli peek: --sasl-username/--sasl-mechanism need --security-protocol sasl_ssl or "
               "sasl_plaintext\n";
        return std::nullopt;
    }
    return p;
}

} // namespace

std::optional<int> runDirectPeek(const QStringList& args, CliIo& io, const Finish& finish) {
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        io.out << kUsage;
        return ExitOk;
    }
    auto options = parsePeek(args, io.err);
    if (!options)
        return ExitUsage;
    auto* reader = new KafkaReader;
    QObject::connect(reader, &KafkaReader::finished, reader,
                     [reader, &io, finish, jsonl = options->jsonl](const KafkaReadResult& result) {
                         reader->deleteLater();
                         if (!result.ok()) {
                             io.err << "ckstudio-cli peek: "
                                    << (result.cancelled ? std::string("cancelled")
                                                         : result.errorText.toStdString())
                                    << "\n";
                             finish(result.error == KafkaError::Request ? ExitUsage : ExitRemote);
                             return;
                         }
                         const auto format = jsonl ? MessageLineFormat::Jsonl : MessageLineFormat::Values;
                         // Lines go out in chunks of about 1 MiB rather than one stream write per message.
                         constexpr std::size_t kChunk = 1 << 20;
                         std::string chunk;
                         chunk.reserve(kChunk + (kChunk >> 2));
                         for (const KafkaMessage& m : result.messages) {
                             appendMessageLine(m, format, chunk);
                             if (chunk.size() >= kChunk) {
                                 io.out.write(chunk.data(), std::streamsize(chunk.size()));
                                 chunk.clear();
                             }
                         }
                         io.out.write(chunk.data(), std::streamsize(chunk.size()));
                         io.out.flush();
                         finish(ExitOk);
                     });
    reader->start(options->connection, options->request);
    return std::nullopt;
}

} // namespace ckstudio::cli
