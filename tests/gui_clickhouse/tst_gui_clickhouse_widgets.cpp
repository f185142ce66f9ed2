// ConnectionPanel, DdlRunDialog (+ SqlHighlighter) and SampleCheckView against a real
// clickhouse-server 18.16.
#include "ClickHouseServer.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/ConnectionPanel.h"
#include "clickhouse/DdlRunDialog.h"
#include "clickhouse/SampleCheckView.h"
#include "clickhouse/SampleVerdictModel.h"
#include "clickhouse/SqlHighlighter.h"
#include "clickhouse/WriteBackDialog.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace ckstudio;

class TestClickHouseWidgets : public QObject {
    Q_OBJECT

    test::ClickHouseServer server;
    std::unique_ptr<ClickHouseClient> client;

    void exec(const char* sql) {
        const test::QueryResult r = server.query(QString::fromUtf8(sql));
        QVERIFY2(r.ok(), r.body.constData());
    }

    static QString reportText(const DdlRunDialog& dialog) { return dialog.report().join(QLatin1Char('\n')); }

private slots:
    void initTestCase() {
        QVERIFY2(server.start(), qPrintable(server.error()));
        ConnectionSettings settings;
        settings.url = server.httpUrl();
        client = std::make_unique<ClickHouseClient>(settings);
        exec("CREATE DATABASE src");
        exec(
            "CREATE TABLE src.raw (id UInt64, name String, amount Nullable(Decimal(18, 3))) ENGINE = Memory");
        exec("CREATE TABLE src.written (id UInt64, name String, amount Nullable(Decimal(18, 3))) ENGINE = "
             "Memory");
        exec("CREATE TABLE src.queue (id UInt64, name String) ENGINE = Kafka SETTINGS kafka_broker_list = "
             "'127.0.0.1:1', kafka_topic_list = 'orders,returns', kafka_group_name = 'g', kafka_format = "
             "'JSONEachRow'");
    }

    void writeBackInsertsGridRowsAndJsonEachRow() {
        WriteBackDialog dialog;
        QAbstractItemModelTester tester(dialog.grid(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.setClient(client.get());
        dialog.setTable(QStringLiteral("src.written"));
        QSignalSpy loaded(&dialog, &WriteBackDialog::columnsLoaded);
        dialog.loadColumns();
        QVERIFY(loaded.wait(15000));
        QVERIFY(dialog.warningText().isEmpty());
        QStandardItemModel* grid = dialog.grid();
        QCOMPARE(grid->columnCount(), 3);
        grid->setRowCount(3);
        grid->setData(grid->index(0, 0), QStringLiteral("1"));
        grid->setData(grid->index(0, 1), QStringLiteral("tab\there"));
        grid->setData(grid->index(0, 2), QStringLiteral("1.250"));
        grid->setData(grid->index(1, 0), QStringLiteral("2"));
        grid->setData(grid->index(1, 1), QStringLiteral("b"));
        grid->setData(grid->index(1, 2), QStringLiteral("\\N"));
        QCOMPARE(dialog.gridAsTsv(), QByteArray("1\ttab\\there\t1.250\n2\tb\t\\N\n")); // row 3 is blank
        QSignalSpy inserted(&dialog, &WriteBackDialog::inserted);
        dialog.insert();
        QVERIFY(inserted.wait(15000));
        QVERIFY2(inserted.first().first().toBool(), qPrintable(dialog.statusText()));
        QCOMPARE(
            server.queryOk(QStringLiteral("SELECT id, name, amount FROM src.written ORDER BY id FORMAT TSV")),
            QByteArray("1\ttab\\there\t1.250\n2\tb\t\\N\n"));

        dialog.setJsonEachRow(QStringLiteral("{\"id\": 3, \"name\": \"j\", \"amount\": null}\n"));
        inserted.clear();
        dialog.insert();
        QVERIFY(inserted.wait(15000));
        QVERIFY2(inserted.first().first().toBool(), qPrintable(dialog.statusText()));
        QCOMPARE(server.queryOk(QStringLiteral("SELECT count() FROM src.written")).trimmed(),
                 QByteArray("3"));

        dialog.setJsonEachRow(QStringLiteral("{\"id\": \"nope\"}\n"));
        inserted.clear();
        dialog.insert();
        QVERIFY(inserted.wait(15000));
        QCOMPARE(inserted.first().first().toBool(), false);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Insert failed")),
                 qPrintable(dialog.statusText()));
    }

    void writeBackToKafkaWarnsAndExplainsOldServers() {
        WriteBackDialog dialog;
        dialog.setClient(client.get());
        dialog.setTable(QStringLiteral("src.queue"));
        QSignalSpy loaded(&dialog, &WriteBackDialog::columnsLoaded);
        dialog.loadColumns();
        QVERIFY(loaded.wait(15000));
        QVERIFY2(dialog.warningText().contains(QStringLiteral("orders, returns")),
                 qPrintable(dialog.warningText()));
        QVERIFY(dialog.warningText().contains(QStringLiteral("first one only")));
        dialog.setJsonEachRow(QStringLiteral("{\"id\": 1, \"name\": \"x\"}\n"));
        QSignalSpy inserted(&dialog, &WriteBackDialog::inserted);
        dialog.insert();
        QVERIFY(inserted.wait(15000));
        QCOMPARE(inserted.first().first().toBool(), false);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("cannot INSERT into Kafka-engine tables")),
                 qPrintable(dialog.statusText()));
    }

    void connectionPanelTestsOverHttpsAndRemembersThePassword() {
        MemorySecretStore store;
        QProcessEnvironment env;
        env.insert(QStringLiteral("CLICKHOUSE_URL"), server.httpsUrl().toString());
        env.insert(QStringLiteral("CLICKHOUSE_USER"), test::ClickHouseServer::passwordUser());
        env.insert(QStringLiteral("CLICKHOUSE_PASSWORD"), test::ClickHouseServer::password());
        ConnectionPanel panel(&store, env);
        QCOMPARE(panel.settings().url, server.httpsUrl());
        QCOMPARE(panel.settings().user, test::ClickHouseServer::passwordUser());
        ConnectionSettings s = panel.settings();
        s.caFile = server.caFile();
        panel.setSettings(s);

        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        panel.test();
        QVERIFY(panel.isTesting());
        QVERIFY(connected.wait(15000));
        QVERIFY2(connected.first().at(1).toString().startsWith(QStringLiteral("18.16")),
                 qPrintable(connected.first().at(1).toString()));
        QVERIFY2(panel.resultText().contains(QStringLiteral("18.16")), qPrintable(panel.resultText()));

        // The password went to the secret store, under a key that names user and server but not the password.
        const QString key = ConnectionPanel::secretKey(panel.settings());
        QVERIFY(!key.contains(test::ClickHouseServer::password()));
        std::optional<SecretResult> stored;
        store.read(key, [&](const SecretResult& r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->ok());
        QCOMPARE(*stored->value, test::ClickHouseServer::password());

        // A second panel without the password in the environment takes it from the store.
        QProcessEnvironment noPassword = env;
        noPassword.remove(QStringLiteral("CLICKHOUSE_PASSWORD"));
        ConnectionPanel second(&store, noPassword);
        QTRY_COMPARE(second.settings().password, test::ClickHouseServer::password());
    }

    void connectionPanelReportsFailuresWithoutThePassword() {
        MemorySecretStore store;
        ConnectionPanel panel(&store, QProcessEnvironment());
        ConnectionSettings s;
        s.url = server.httpUrl();
        s.user = test::ClickHouseServer::passwordUser();
        s.password = QStringLiteral("wrong-pa55word");
        panel.setSettings(s);
        QSignalSpy failed(&panel, &ConnectionPanel::testFailed);
        QSignalSpy connected(&panel, &ConnectionPanel::connected);
        panel.test();
        QVERIFY(failed.wait(15000));
        QVERIFY(connected.isEmpty());
        QVERIFY(!panel.resultText().contains(QStringLiteral("wrong-pa55word")));
        QVERIFY2(panel.resultText().contains(QStringLiteral("failed")), qPrintable(panel.resultText()));

        s.url = QUrl(QStringLiteral("ftp://example.org/"));
        panel.setSettings(s);
        panel.test();
        QVERIFY(!panel.isTesting());
        QVERIFY(panel.resultText().contains(QStringLiteral("http")));
    }

    void ddlDialogRunsStatementsAndReports() {
        const std::vector<DdlStatement> statements = {
            {"database dest", "CREATE DATABASE IF NOT EXISTS dest"},
            {"destination table dest.events", "CREATE TABLE IF NOT EXISTS dest.events (id UInt64, name "
                                              "String) ENGINE = MergeTree ORDER BY id"},
            {"materialized view dest.events_mv", "CREATE MATERIALIZED VIEW IF NOT EXISTS dest.events_mv TO "
                                                 "dest.events AS SELECT id, name FROM src.raw"},
        };
        DdlRunDialog dialog(statements);
        dialog.setClient(client.get());
        QVERIFY(dialog.script().contains(QStringLiteral("CREATE DATABASE IF NOT EXISTS dest;")));
        QSignalSpy finished(&dialog, &DdlRunDialog::finished);
        dialog.run();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(dialog.report(), (QStringList{QStringLiteral("created: database dest"),
                                               QStringLiteral("created: destination table dest.events"),
                                               QStringLiteral("created: materialized view dest.events_mv")}));
        QCOMPARE(server.queryOk(QStringLiteral("EXISTS TABLE dest.events_mv")).trimmed(), QByteArray("1"));

        // Second run with a DDL whose table has another column: nothing created, the difference is shown.
        std::vector<DdlStatement> changed = statements;
        changed[1].sql = "CREATE TABLE IF NOT EXISTS dest.events (id UInt64, name LowCardinality(String), "
                         "note String) ENGINE = MergeTree ORDER BY id";
        DdlRunDialog again(changed);
        again.setClient(client.get());
        QSignalSpy againFinished(&again, &DdlRunDialog::finished);
        again.run();
        QVERIFY(againFinished.wait(20000));
        QCOMPARE(againFinished.first().first().toBool(), true);
        const QString report = reportText(again);
        QVERIFY2(report.contains(QStringLiteral("already existed: database dest")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("already existed: materialized view dest.events_mv")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral(
                     "differs: dest.events: column name is String, the DDL says LowCardinality(String)")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("differs: dest.events: missing column note String")),
                 qPrintable(report));
        QVERIFY(!report.contains(QStringLiteral("created:")));
    }

    void ddlDialogStopsAtAFailure() {
        const std::vector<DdlStatement> statements = {
            {"database broken", "CREATE DATABASE IF NOT EXISTS broken"},
            {"destination table broken.t", "CREATE TABLE broken.t (id UInt64) ENGINE = NoSuchEngine"},
            {"materialized view broken.mv",
             "CREATE MATERIALIZED VIEW broken.mv TO broken.t AS SELECT 1 AS id"},
        };
        DdlRunDialog dialog(statements);
        dialog.setClient(client.get());
        QSignalSpy finished(&dialog, &DdlRunDialog::finished);
        dialog.run();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        const QStringList report = dialog.report();
        QCOMPARE(report.size(), 3);
        QCOMPARE(report.at(0), QStringLiteral("created: database broken"));
        QVERIFY2(report.at(1).startsWith(QStringLiteral("failed: destination table broken.t: ")),
                 qPrintable(report.at(1)));
        QVERIFY2(report.at(1).contains(QStringLiteral("NoSuchEngine")), qPrintable(report.at(1)));
        QCOMPARE(report.at(2), QStringLiteral("not run: materialized view broken.mv"));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Stopped")));
    }

    // The Cancel button aborts the statement in flight: it is shown as cancelled (the server may still have
    // run it), what follows as not run, and Run is offered again.
    void ddlDialogCancelsTheStatementInFlight() {
        const std::vector<DdlStatement> statements = {
            {"table default.dialog_slow",
             "CREATE TABLE default.dialog_slow ENGINE = Memory AS SELECT sleep(3) AS x"},
            {"table default.dialog_after", "CREATE TABLE default.dialog_after (x UInt8) ENGINE = Memory"},
        };
        DdlRunDialog dialog(statements);
        dialog.setClient(client.get());
        QPushButton* cancel = nullptr;
        QPushButton* run = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
            if (b->accessibleName() == QStringLiteral("Cancel the DDL run"))
                cancel = b;
            if (b->accessibleName() == QStringLiteral("Run the DDL on ClickHouse"))
                run = b;
        }
        QVERIFY(cancel && run);
        QVERIFY(!cancel->isEnabled());
        QSignalSpy finished(&dialog, &DdlRunDialog::finished);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QStringLiteral("[1/2]")), 10000);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton); // the abort may answer at once, inside the click
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(dialog.report(),
                 (QStringList{QStringLiteral(
                                  "cancelled: table default.dialog_slow (the server may still have run it)"),
                              QStringLiteral("not run: table default.dialog_after")}));
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(dialog.statusText()));
        QVERIFY(run->isEnabled());
        QVERIFY(!cancel->isEnabled());
    }

    void sqlHighlighterMarksTheParts() {
        QTextDocument doc;
        SqlHighlighter highlighter(&doc);
        doc.setPlainText(QStringLiteral("SELECT `a-b`, 'it\\'s -- no' -- note\n/* multi\nline */ FROM t"));
        highlighter.rehighlight(); // the first pass after setDocument() is queued
        const auto formatAt = [&](int blockNumber, int position) {
            const QTextBlock block = doc.findBlockByNumber(blockNumber);
            for (const QTextLayout::FormatRange& r : block.layout()->formats())
                if (position >= r.start && position < r.start + r.length)
                    return r.format;
            return QTextCharFormat();
        };
        QCOMPARE(formatAt(0, 0).foreground(), highlighter.keywordFormat().foreground());    // SELECT
        QCOMPARE(formatAt(0, 8).foreground(), highlighter.identifierFormat().foreground()); // `a-b`
        QCOMPARE(formatAt(0, 20).foreground(),
                 highlighter.stringFormat().foreground()); // inside 'it\'s -- no'
        QCOMPARE(formatAt(0, 32).foreground(), highlighter.commentFormat().foreground()); // -- note
        QCOMPARE(formatAt(2, 1).foreground(),
                 highlighter.commentFormat().foreground()); // line */ (second line of the block comment)
        QCOMPARE(formatAt(2, 9).foreground(),
                 highlighter.keywordFormat().foreground()); // FROM after the comment
    }

    void sampleCheckGivesPerMessageVerdicts() {
        SampleCheckView view;
        QAbstractItemModelTester tester(view.verdicts(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setClient(client.get());
        view.setTable(QStringLiteral("src.raw"));
        view.setFormat(QStringLiteral("JSONEachRow"));
        view.setSamples({QStringLiteral(R"({"id": 1, "name": "a"})"),
                         QStringLiteral(R"({"id": "not a number", "name": "b"})"),
                         QStringLiteral("not json at all"),
                         QStringLiteral(R"({"id": 2, "name": "c", "amount": null})")});
        QSignalSpy finished(&view, &SampleCheckView::finished);
        view.run();
        QVERIFY(view.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        SampleVerdictModel* verdicts = view.verdicts();
        QCOMPARE(verdicts->rowCount(), 4);
        QVERIFY2(verdicts->index(0, 0).data(SampleVerdictModel::OkRole).toBool(),
                 qPrintable(verdicts->index(0, SampleVerdictModel::ErrorColumn).data().toString()));
        QCOMPARE(verdicts->index(1, 0).data(SampleVerdictModel::OkRole).toBool(), false);
        QCOMPARE(verdicts->index(2, 0).data(SampleVerdictModel::OkRole).toBool(), false);
        QVERIFY2(verdicts->index(3, 0).data(SampleVerdictModel::OkRole).toBool(),
                 qPrintable(verdicts->index(3, SampleVerdictModel::ErrorColumn).data().toString()));
        QVERIFY(!verdicts->index(1, SampleVerdictModel::ErrorColumn).data().toString().isEmpty());
        QCOMPARE(verdicts->index(2, SampleVerdictModel::MessageColumn).data().toString(),
                 QStringLiteral("not json at all"));
        QVERIFY2(view.statusText().contains(QStringLiteral("2 of 4")), qPrintable(view.statusText()));
    }
};

QTEST_MAIN(TestClickHouseWidgets)
#include "tst_gui_clickhouse_widgets.moc"
