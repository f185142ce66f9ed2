// librdkafka is dlopen()ed on the first direct read (app/kafka/RdKafkaLibrary.h). When it cannot be loaded,
// every read ends in an error that says so and how to fix it; nothing crashes. This test links only
// ckstudio_kafka (not the mock cluster, which links librdkafka), and points the loader at a missing file.
#include "kafka/KafkaReader.h"
#include "kafka/RdKafkaLibrary.h"

#include <QSignalSpy>
#include <QTest>

using namespace ckstudio;

class TestKafkaLibraryMissing : public QObject {
    Q_OBJECT
    const QByteArray missingFile = "/nonexistent/ckstudio-test/librdkafka.so.1";

private slots:
    void initTestCase() { QVERIFY(RdKafkaLibrary::useFileForTesting(missingFile)); }

    void loadErrorNamesFileReasonAndFix() {
        QCOMPARE(RdKafkaLibrary::functions(), nullptr);
        const QString error = RdKafkaLibrary::loadError();
        QVERIFY2(error.startsWith(QString::fromLatin1(missingFile) + QLatin1String(" could not be loaded (")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("No such file or directory")), qPrintable(error)); // dlerror()
        QVERIFY2(error.endsWith(QLatin1String("): install librdkafka1")), qPrintable(error));
        QVERIFY(!RdKafkaLibrary::useFileForTesting(RdKafkaLibrary::kFileName)); // too late: already tried
    }

    void readEndsInTheError() {
        KafkaConnection connection;
        connection.bootstrapServers = QStringLiteral("127.0.0.1:9");
        KafkaReadRequest request;
        request.topic = QStringLiteral("orders");
        request.timeoutMs = 2000;
        std::atomic_bool cancelled{false};
        const KafkaReadResult result = readKafkaTopic(connection, request, cancelled);
        QVERIFY(!result.ok());
        QCOMPARE(result.error, KafkaError::Request); // a problem here, not at the cluster
        QCOMPARE(result.errorText, RdKafkaLibrary::loadError());
        QVERIFY(result.messages.isEmpty());
        // The request's own mistakes are still reported as such.
        request.topic.clear();
        QCOMPARE(readKafkaTopic(connection, request, cancelled).errorText, QStringLiteral("no topic given"));
    }

    void readerDeliversTheError() {
        KafkaConnection connection;
        connection.bootstrapServers = QStringLiteral("127.0.0.1:9");
        KafkaReadRequest request;
        request.topic = QStringLiteral("orders");
        KafkaReader reader;
        QSignalSpy spy(&reader, &KafkaReader::finished);
        QVERIFY(reader.start(connection, request));
        QVERIFY(spy.wait(5000));
        const auto result = spy.first().first().value<KafkaReadResult>();
        QCOMPARE(result.error, KafkaError::Request);
        QVERIFY2(result.errorText.contains(QLatin1String("install librdkafka1")),
                 qPrintable(result.errorText));
    }
};

QTEST_GUILESS_MAIN(TestKafkaLibraryMissing)
#include "tst_kafka_library_missing.moc"
