// The fixture itself: a real server answers over HTTP and HTTPS (with the fixture's CA) and stops cleanly.
#include "ClickHouseServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslCertificate>
#include <QTest>

using namespace ckstudio::test;

class TestClickHouseFixture : public QObject {
    Q_OBJECT
    ClickHouseServer server;
private slots:
    void initTestCase() { QVERIFY2(server.start(), qPrintable(server.error())); }
    void httpAnswers() {
        const auto r = server.query(QStringLiteral("SELECT 40 + 2"));
        QVERIFY2(r.ok(), r.body.constData());
        QCOMPARE(r.body, QByteArray("42\n"));
    }
    void httpsNeedsTheCa() {
        auto get = [&](bool withCa) {
            QNetworkAccessManager nam; // fresh each time: no connection reuse between the two cases
            QNetworkRequest req(server.httpsUrl());
            if (withCa) {
                auto conf = QSslConfiguration::defaultConfiguration();
                conf.addCaCertificates(QSslCertificate::fromPath(server.caFile()));
                req.setSslConfiguration(conf);
            }
            std::unique_ptr<QNetworkReply> reply(nam.post(req, QByteArray("SELECT 1")));
            QSignalSpy spy(reply.get(), &QNetworkReply::finished);
            if (!reply->isFinished())
                spy.wait(10000);
            if (reply->error() != QNetworkReply::NoError)
                qInfo("%s", qPrintable(reply->errorString()));
            return std::make_pair(reply->error(), reply->readAll());
        };
        auto refused = get(false);
        QCOMPARE(refused.first, QNetworkReply::SslHandshakeFailedError);
        auto accepted = get(true);
        QCOMPARE(accepted.first, QNetworkReply::NoError);
        QCOMPARE(accepted.second, QByteArray("1\n"));
    }
    void stops() {
        server.stop();
        QVERIFY(!server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestClickHouseFixture)
#include "tst_clickhouse_fixture.moc"
