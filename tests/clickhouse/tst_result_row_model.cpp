// ResultRowModel: checked by QAbstractItemModelTester while rows stream in; batches, live count, cap, cancel,
// header data, NULL roles; and the compact storage budget.
#include "preview/ResultRowModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ckstudio;

class TestResultRowModel : public QObject {
    Q_OBJECT
private slots:
    void streamsUnderTheTester() {
        ResultRowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchSize(50);
        QSignalSpy loaded(&model, &ResultRowModel::rowsLoaded);
        model.begin(WireFormat::TabSeparatedWithNamesAndTypes, 1000000);
        QCOMPARE(model.state(), ResultRowModel::State::Loading);
        model.appendBytes("id\tname\tv\nUInt64\tNullable(String)\tFloat64\n");
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id\nUInt64"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, ResultRowModel::ColumnTypeRole).toString(),
                 QStringLiteral("Nullable(String)"));
        QByteArray rows;
        for (int i = 0; i < 230; ++i)
            rows += QByteArray::number(i) + (i % 3 ? "\tn" + QByteArray::number(i) : QByteArray("\t\\N")) +
                    "\t1.5\n";
        // Arbitrary chunking, including inside a row.
        for (qsizetype i = 0; i < rows.size(); i += 37)
            model.appendBytes(rows.mid(i, 37));
        QCOMPARE(model.loadedRows(), 230);
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(loaded.last().first().toLongLong(), 230);
        QCOMPARE(model.rowCount(), 50); // the first batch is shown by itself
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 100);
        model.endOfStream();
        QCOMPARE(model.state(), ResultRowModel::State::Finished);
        model.fetchAll();
        QCOMPARE(model.rowCount(), 230);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.data(model.index(3, 1)).toString(), QStringLiteral("NULL"));
        QVERIFY(model.data(model.index(3, 1), ResultRowModel::IsNullRole).toBool());
        QVERIFY(!model.data(model.index(3, 1), Qt::EditRole).isValid());
        QCOMPARE(model.data(model.index(4, 1)).toString(), QStringLiteral("n4"));
        QVERIFY(!model.data(model.index(4, 1), ResultRowModel::IsNullRole).toBool());
        QCOMPARE(model.data(model.index(4, 0), Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
                 int(Qt::AlignRight));
    }

    void serverErrorInStreamFails() {
        ResultRowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.begin(WireFormat::TabSeparatedWithNamesAndTypes, 1000);
        model.appendBytes("a\tb\nUInt8\tUInt8\n1\t2\n");
        model.appendBytes("Code: 395, e.displayText() = DB::Exception: boom, e.what() = DB::Exception\n");
        model.endOfStream();
        QCOMPARE(model.state(), ResultRowModel::State::Failed);
        QCOMPARE(model.serverErrorCode(), 395);
        QCOMPARE(model.errorMessage(), QStringLiteral("boom"));
    }

    void capAndCancel() {
        ResultRowModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy cap(&model, &ResultRowModel::capReached);
        QSignalSpy cancelled(&model, &ResultRowModel::cancelRequested);
        model.begin(WireFormat::JSONCompactEachRowWithNamesAndTypes, 5);
        model.appendBytes("[\"n\"]\n[\"UInt64\"]\n");
        for (int i = 0; i < 20; ++i)
            model.appendBytes("[\"" + QByteArray::number(i) + "\"]\n");
        QCOMPARE(cap.size(), 1);
        QCOMPARE(model.loadedRows(), 5);
        QVERIFY(model.isCapped());
        model.cancel();
        QCOMPARE(model.state(), ResultRowModel::State::Cancelled);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(model.rowCount(), 5); // rows so far stay
        // A new result resets everything.
        model.begin(WireFormat::TabSeparatedWithNamesAndTypes, 10);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void storageIsCompact() {
        // 200k rows x 5 columns: the store must stay within twice the TSV bytes.
        ResultRowModel model;
        model.begin(WireFormat::TabSeparatedWithNamesAndTypes, 10000000);
        model.appendBytes("a\tb\tc\td\te\nUInt64\tString\tUInt32\tString\tDate\n");
        qint64 tsvBytes = 0;
        QByteArray chunk;
        for (int i = 0; i < 200000; ++i) {
            chunk += QByteArray::number(i * 7919ULL) + "\tuser_" + QByteArray::number(i % 1000) + "\t" +
                     QByteArray::number(i % 65536) + "\t" + (i % 2 ? "click" : "view") + "\t2024-01-0" +
                     QByteArray::number(i % 9 + 1) + "\n";
            if (chunk.size() > 65536) {
                tsvBytes += chunk.size();
                model.appendBytes(chunk);
                chunk.clear();
            }
        }
        tsvBytes += chunk.size();
        model.appendBytes(chunk);
        model.endOfStream();
        QCOMPARE(model.loadedRows(), 200000);
        const double ratio = double(model.memoryBytes()) / double(tsvBytes);
        qInfo("store %lld bytes for %lld TSV bytes: %.2fx", model.memoryBytes(), tsvBytes, ratio);
        QVERIFY2(ratio < 2.0, qPrintable(QString::number(ratio)));
    }
};

QTEST_GUILESS_MAIN(TestResultRowModel)
#include "tst_result_row_model.moc"
