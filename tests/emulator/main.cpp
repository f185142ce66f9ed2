// ckstudio-aiven-emulator: a local stand-in for Aiven's REST API (see AivenEmulator.h) for tests and demos.
#include "AivenEmulator.h"
#include "MockKafkaTopicStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <iostream>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ckstudio-aiven-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CKSTUDIO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local stand-in for Aiven's public REST API (projects, services, clickhouse_kafka integrations, "
        "integration\n"
        "endpoints, integration types, Kafka topics and Kafka REST messages) with the real paths and error "
        "bodies.\n\n"
        "Auth: 'Authorization: aivenv1 TOKEN' or 'Bearer TOKEN'; TOKEN must be one of the seed's \"tokens\" "
        "or a\n"
        "--token (any non-empty token when none is configured). Otherwise 403 with Aiven's error body.\n\n"
        "Faults (--fault SPEC, or per request with the header 'X-Emulator-Fault: SPEC'), SPEC is "
        "';'-separated:\n"
        "  503 | status=N      answer with HTTP N and Aiven's error body\n"
        "  count=N             only the first N matching requests (default: all)\n"
        "  retry-after=S       add a Retry-After header; message-hint=S adds 'try again in Ss' to a 429's "
        "message\n"
        "  delay=MS            answer after MS milliseconds\n"
        "  truncate            promise the whole body, send half, close the connection\n"
        "  drop                close the connection without answering\n"
        "  method=PUT, path=SUBSTRING   which requests the fault applies to; id=X gives it its own counter\n"
        "Requests seen so far: GET /_emulator/requests.\n\n"
        "Kafka: every Kafka service of the seed gets its own librdkafka mock cluster on 127.0.0.1 "
        "(plaintext,\n"
        "one broker) holding the seed's topics and messages; the service's 'kafka' component, service_uri "
        "and\n"
        "connection_info.kafka name that address, so kcat, ClickHouse's Kafka engine and\n"
        "'ckstudio-cli peek --bootstrap' reach it. With --topics memory the topics stay in this process.\n\n"
        "ClickHouse (--clickhouse): applying a clickhouse_kafka integration (and, at start, every one in "
        "the\n"
        "seed) creates database service_<kafka> with one ENGINE = Kafka table per tables[] entry reading "
        "the\n"
        "mock cluster; settings the server lacks are skipped with a note (log and integration_status).\n\n"
        "Output on stdout, one line each, stable for scripts:\n"
        "  kafka <service> bootstrap <host:port[,host:port]>   for every Kafka service with brokers\n"
        "  listening on http://127.0.0.1:<port>                 last; the API is ready\n"
        "Runs until killed (SIGTERM/SIGINT); everything, the mock clusters included, lives in this process.\n"
        "Exit code 2: bad arguments, an unusable seed or a port in use."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0: a free one)."),
                      QStringLiteral("PORT"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("JSON seed with projects, services, integrations, endpoints, "
                                     "topics and messages."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("clickhouse"),
         QStringLiteral("ClickHouse HTTP URL: applying an integration creates service_<kafka> and its tables "
                        "there."),
         QStringLiteral("URL")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("Accept this API token (repeatable)."),
                      QStringLiteral("TOKEN")});
    parser.addOption(
        {QStringLiteral("topics"),
         QStringLiteral("Where topics live: kafka (librdkafka mock clusters, default) or memory."),
         QStringLiteral("STORE"), QStringLiteral("kafka")});
    parser.addOption(
        {QStringLiteral("no-apply-at-start"),
         QStringLiteral("With --clickhouse: do not create the seed's integration tables at start.")});
    parser.addOption({QStringLiteral("fault"),
                      QStringLiteral("Inject a fault into every matching request (repeatable)."),
                      QStringLiteral("SPEC")});
    parser.process(app);

    ckstudio::emulator::AivenEmulator emulator;
    const QString topics = parser.value(QStringLiteral("topics"));
    if (topics == QLatin1String("kafka"))
        emulator.setTopicStoreFactory([] { return std::make_unique<ckstudio::test::MockKafkaTopicStore>(); });
    else if (topics != QLatin1String("memory")) {
        std::cerr << "ckstudio-aiven-emulator: --topics must be kafka or memory\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        QString error;
        if (!emulator.loadSeedFile(parser.value(QStringLiteral("seed")), &error)) {
            std::cerr << "ckstudio-aiven-emulator: " << error.toStdString() << "\n";
            return 2;
        }
    }
    for (const auto& token : parser.values(QStringLiteral("token")))
        emulator.addToken(token);
    for (const auto& spec : parser.values(QStringLiteral("fault"))) {
        QString error;
        auto fault = ckstudio::emulator::parseFaultSpec(spec, &error);
        if (!fault) {
            std::cerr << "ckstudio-aiven-emulator: --fault " << spec.toStdString() << ": "
                      << error.toStdString() << "\n";
            return 2;
        }
        emulator.addFault(*fault);
    }
    if (parser.isSet(QStringLiteral("clickhouse"))) {
        const QUrl url(parser.value(QStringLiteral("clickhouse")));
        if (!url.isValid() || url.scheme().isEmpty()) {
            std::cerr << "ckstudio-aiven-emulator: --clickhouse needs a URL like http://127.0.0.1:8123/\n";
            return 2;
        }
        emulator.setClickHouseUrl(url);
    }
    bool portOk = false;
    const int port = parser.value(QStringLiteral("port")).toInt(&portOk);
    if (!portOk || port < 0 || port > 65535) {
        std::cerr << "ckstudio-aiven-emulator: --port needs a number from 0 to 65535\n";
        return 2;
    }
    if (emulator.start(static_cast<quint16>(port)) == 0) {
        std::cerr << "ckstudio-aiven-emulator: cannot listen on 127.0.0.1:" << port << "\n";
        return 2;
    }
    for (const auto& [service, address] : emulator.kafkaBootstraps())
        std::cout << "kafka " << service.toStdString() << " bootstrap " << address.toStdString() << "\n";
    if (parser.isSet(QStringLiteral("clickhouse")) && !parser.isSet(QStringLiteral("no-apply-at-start")))
        emulator.applyAllToClickHouse();
    std::cout << "listening on " << emulator.url().toString().toStdString() << std::endl;
    return app.exec();
}
