// PreviewPane against a real clickhouse-server 18.16: rows, status, filter, export, JSON tree, cancel,
// errors mid-stream, and the Kafka consumption warning.
#include "ClickHouseServer.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/PreviewPane.h"
#include "clickhouse/RowJsonTree.h"
#include "preview/ResultRowModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ckstudio;

class TestPreviewPane : public QObject {
    Q_OBJECT

    test::ClickHouseServer server;
    std::unique_ptr<ClickHouseClient> client;

    void exec(const char* sql) {
        const test::QueryResult r = server.query(QString::fromUtf8(sql));
        QVERIFY2(r.ok(), r.body.constData());
    }

    // Runs the pane and waits for finished(); returns the complete flag.
    static bool runAndWait(PreviewPane& pane, int timeoutMs = 20000) {
        QSignalSpy finished(&pane, &PreviewPane::finished);
        pane.run();
        if (!finished.wait(timeoutMs))
            return false;
        return finished.first().first().toBool();
    }

private slots:
    void initTestCase() {
        QVERIFY2(server.start(), qPrintable(server.error()));
        ConnectionSettings settings;
        settings.url = server.httpUrl();
        client = std::make_unique<ClickHouseClient>(settings);
        exec("CREATE DATABASE shop");
        exec("CREATE TABLE shop.orders (id UInt64, name String, note Nullable(String), tags Array(String)) "
             "ENGINE = MergeTree ORDER BY id");
        exec("INSERT INTO shop.orders SELECT number, concat('item-', toString(number)), "
             "if(number % 3 = 0, NULL, 'n\\t' || toString(number)), [toString(number), 'x'] "
             "FROM system.numbers LIMIT 250");
        exec("CREATE VIEW shop.endless AS SELECT number FROM system.numbers WHERE number = "
             "18446744073709551615");
        exec("CREATE VIEW shop.throwing AS SELECT number, throwIf(number = 200000) AS x FROM system.numbers "
             "LIMIT 400000");
        exec("CREATE TABLE shop.queue (id UInt64, name String) ENGINE = Kafka SETTINGS "
             "kafka_broker_list = '127.0.0.1:1', kafka_topic_list = 'orders', kafka_group_name = "
             "'shop-group', "
             "kafka_format = 'JSONEachRow'");
        exec("CREATE TABLE shop.sink (id UInt64, name String) ENGINE = Memory");
        exec("CREATE MATERIALIZED VIEW shop.`queue-mv` TO shop.sink AS SELECT id, name FROM shop.queue");
    }

    void previewsMergeTreeRowsFilterTreeAndExport() {
        PreviewPane pane;
        QAbstractItemModelTester shownTester(pane.shownModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester treeTester(pane.rowTreeModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setClient(client.get());
        pane.setTable(QStringLiteral("shop.orders"));
        pane.setLimit(1000);
        QVERIFY(runAndWait(pane));
        QVERIFY(pane.isComplete());
        QCOMPARE(pane.resultModel()->loadedRows(), 250);
        QCOMPARE(pane.shownModel()->rowCount(), 250);
        QVERIFY2(pane.statusText().startsWith(QStringLiteral("250 rows ·")), qPrintable(pane.statusText()));
        QVERIFY2(pane.statusText().contains(QStringLiteral("complete")), qPrintable(pane.statusText()));
        QVERIFY(!pane.statusText().contains(QStringLiteral("INCOMPLETE")));
        // The status counts the bytes that came over the network (the reply body), not the model's memory.
        const QByteArray wire = server.queryOk(
            QStringLiteral("SELECT * FROM shop.orders LIMIT 1000 FORMAT TabSeparatedWithNamesAndTypes"));
        QVERIFY2(pane.statusText().contains(QLocale().formattedDataSize(wire.size()) +
                                            QStringLiteral(" received")),
                 qPrintable(pane.statusText()));
        QCOMPARE(pane.resultModel()->headerData(3, Qt::Horizontal, ResultRowModel::ColumnTypeRole).toString(),
                 QStringLiteral("Array(String)"));
        QVERIFY(pane.resultModel()->index(0, 2).data(ResultRowModel::IsNullRole).toBool());

        // Export of all rows is byte-identical to the server's own TabSeparated output.
        QTemporaryDir dir;
        const QString tsvPath = dir.filePath(QStringLiteral("all.tsv"));
        QCOMPARE(pane.exportShownRows(tsvPath, RowExportFormat::Tsv), QString());
        QFile tsv(tsvPath);
        QVERIFY(tsv.open(QIODevice::ReadOnly));
        QCOMPARE(tsv.readAll(), server.queryOk(QStringLiteral("SELECT * FROM shop.orders ORDER BY id FORMAT "
                                                              "TabSeparated")));

        // The filter narrows the grid and the export follows it.
        pane.setFilterText(QStringLiteral("item-12"));
        QCOMPARE(pane.shownModel()->rowCount(), 11); // item-12, item-120..129
        QVERIFY2(pane.statusText().contains(QStringLiteral("11 shown")), qPrintable(pane.statusText()));
        const QString jsonPath = dir.filePath(QStringLiteral("shown.jsonl"));
        QCOMPARE(pane.exportShownRows(jsonPath, RowExportFormat::Jsonl), QString());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = json.readAll().split('\n');
        QCOMPARE(lines.size(), 12); // 11 rows + the empty piece after the last newline
        QCOMPARE(lines.first(), QByteArray(R"({"id":"12","name":"item-12","note":null,"tags":["12","x"]})"));
        const QString csvPath = dir.filePath(QStringLiteral("shown.csv"));
        QCOMPARE(pane.exportShownRows(csvPath, RowExportFormat::Csv), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 12); // header + 11 rows

        // Selecting a row shows it as a tree: one item per column, arrays expand into elements.
        auto* grid = pane.findChild<QTableView*>();
        QVERIFY(grid);
        grid->setCurrentIndex(pane.shownModel()->index(1, 0)); // item-120
        RowJsonTreeModel* tree = pane.rowTreeModel();
        QCOMPARE(tree->rowCount(), 4);
        QCOMPARE(tree->index(0, 0).data().toString(), QStringLiteral("id"));
        QCOMPARE(tree->index(0, 2).data().toString(), QStringLiteral("120"));
        QCOMPARE(tree->index(2, 2).data().toString(), QStringLiteral("NULL"));
        QVERIFY(tree->index(2, 2).data(ResultRowModel::IsNullRole).toBool());
        const QModelIndex tags = tree->index(3, 0);
        QCOMPARE(tree->rowCount(tags), 2);
        QCOMPARE(tree->index(0, 2, tags).data().toString(), QStringLiteral("120"));

        pane.setRawView(true);
        auto* raw = pane.findChild<QPlainTextEdit*>();
        QVERIFY(raw);
        QVERIFY(raw->toPlainText().startsWith(QStringLiteral("0\titem-0\t\\N\t['0','x']\n")));
    }

    void cancelledQueryIsShownIncomplete() {
        PreviewPane pane;
        pane.setClient(client.get());
        pane.setTable(QStringLiteral("shop.endless"));
        QSignalSpy finished(&pane, &PreviewPane::finished);
        pane.run();
        QVERIFY(pane.isRunning());
        QTest::qWait(400);
        QVERIFY(pane.isRunning());
        pane.cancel(); // finished() may come synchronously (the aborted reply finishes at once) or later
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!pane.isComplete());
        QVERIFY2(pane.statusText().contains(QStringLiteral("INCOMPLETE")), qPrintable(pane.statusText()));
        QVERIFY2(pane.statusText().contains(QStringLiteral("cancelled")), qPrintable(pane.statusText()));
    }

    void errorMidStreamIsShownAsError() {
        PreviewPane pane;
        pane.setClient(client.get());
        pane.setTable(QStringLiteral("shop.throwing"));
        pane.setLimit(400000);
        QVERIFY(!runAndWait(pane, 30000));
        QVERIFY(!pane.isComplete());
        QVERIFY(pane.resultModel()->loadedRows() < 400000);
        QVERIFY2(pane.statusText().contains(QStringLiteral("INCOMPLETE (failed)")),
                 qPrintable(pane.statusText()));
        QVERIFY2(pane.statusText().contains(QStringLiteral("throwIf")), qPrintable(pane.statusText()));
    }

    void kafkaTableNeedsAnExplicitChoice() {
        PreviewPane pane;
        pane.setClient(client.get());
        pane.setTable(QStringLiteral("shop.queue"));
        QSignalSpy finished(&pane, &PreviewPane::finished);
        pane.run();
        QTRY_VERIFY_WITH_TIMEOUT(pane.isConsumptionWarningVisible(), 15000);
        QVERIFY(!pane.isRunning());
        QVERIFY(finished.isEmpty());
        QCOMPARE(pane.resultModel()->state(), ResultRowModel::State::Idle); // nothing was read
        QVERIFY(!pane.isComplete());
        QVERIFY2(pane.statusText().contains(QStringLiteral("not read")), qPrintable(pane.statusText()));

        // Running again without the explicit choice still refuses.
        pane.run();
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isRunning(), 15000);
        QVERIFY(pane.isConsumptionWarningVisible());
        QCOMPARE(pane.resultModel()->state(), ResultRowModel::State::Idle);

        // The alternatives: peek the topic, or preview the attached view (which does not consume).
        QSignalSpy peek(&pane, &PreviewPane::peekTopicRequested);
        QPushButton* peekButton = nullptr;
        for (QPushButton* b : pane.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Peek")))
                peekButton = b;
        QVERIFY(peekButton);
        peekButton->click();
        QCOMPARE(peek.size(), 1);
        QCOMPARE(peek.first().first().toStringList(), QStringList{QStringLiteral("orders")});
        QVERIFY(!pane.isConsumptionWarningVisible());
    }

    void kafkaTableThroughATwin() {
        PreviewPane pane;
        pane.setClient(client.get());
        pane.setTable(QStringLiteral("shop.queue"));
        pane.run();
        QTRY_VERIFY_WITH_TIMEOUT(pane.isConsumptionWarningVisible(), 15000);
        QPushButton* twinButton = nullptr;
        for (QPushButton* b : pane.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("twin")))
                twinButton = b;
        QVERIFY(twinButton);
        QVERIFY(twinButton->isEnabled());
        QSignalSpy finished(&pane, &PreviewPane::finished);
        QTest::mouseClick(twinButton, Qt::LeftButton);
        QVERIFY(pane.isRunning());
        QVERIFY(!pane.isConsumptionWarningVisible());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(pane.statusText()));
        // 18.16: said plainly that the twin cannot show what is already in the topic; the twin is gone.
        QVERIFY2(pane.statusText().contains(QStringLiteral("LATEST")), qPrintable(pane.statusText()));
        QVERIFY2(pane.statusText().contains(QStringLiteral("was dropped")), qPrintable(pane.statusText()));
        QCOMPARE(server.queryOk(QStringLiteral("SELECT count() FROM system.tables WHERE name LIKE "
                                               "'ckstudio_preview_%'")),
                 QByteArray("0\n"));
    }

    void withoutClientSaysNotConnected() {
        PreviewPane pane;
        pane.setTable(QStringLiteral("shop.orders"));
        pane.run();
        QVERIFY(!pane.isRunning());
        QVERIFY(pane.statusText().contains(QStringLiteral("Not connected")));
        pane.setTable(QStringLiteral("`unterminated"));
        pane.run();
        QVERIFY(pane.statusText().contains(QStringLiteral("Table name")));
    }
};

QTEST_MAIN(TestPreviewPane)
#include "tst_gui_preview_pane.moc"
