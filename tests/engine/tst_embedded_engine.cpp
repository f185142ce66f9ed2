// The embedded ClickHouse 26 engine (app/engine): chDB loaded at run time, its errors as values, its data
// directory, the one-engine-per-process rule, and EngineWorker's delivery. Skips (with the install hint) only
// when the library is not installed; the missing-library case runs in a child process of this binary, since
// the library is loaded once per process.
#include "engine/EmbeddedClickHouse.h"
#include "engine/EngineWorker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <cstdio>

using namespace ckstudio;

namespace {

const char kMissingLibraryChild[] = "--child-missing-library";
const char kLibraryPathChild[] = "--child-library-path";
const QString kMissingLibrary = QStringLiteral("/nonexistent/ckstudio-test/libchdb.so");

// Child: what a process without the library sees, printed one item a line for the parent to check.
int missingLibraryChild(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::printf("loadError=%s\n", qPrintable(EmbeddedClickHouse::loadError()));
    ClickHouseError error;
    const bool opened = EmbeddedClickHouse::open(QString(), &error) != nullptr;
    std::printf("opened=%d kind=%d\nopenError=%s\n", opened, static_cast<int>(error.kind),
                qPrintable(error.message));
    EngineWorker worker;
    QString workerError;
    bool answered = false;
    worker.query("SELECT 1", "TabSeparated", &app, [&](const EngineReply& reply) {
        answered = true;
        workerError = reply.ok() ? QStringLiteral("(ok)") : reply.error->message;
        app.quit();
    });
    QTimer::singleShot(60000, &app,
                       &QCoreApplication::quit); // bounds a broken run; the parent checks `answered`
    app.exec();
    std::printf("workerAnswered=%d\nworkerError=%s\n", answered, qPrintable(workerError));
    return 0;
}

int libraryPathChild(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::printf("%s\n", qPrintable(EmbeddedClickHouse::libraryPath()));
    return 0;
}

struct ChildRun {
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QStringList lines;
};

ChildRun runChild(const char* mode, const QProcessEnvironment& environment) {
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(mode)});
    ChildRun run;
    if (!child.waitForFinished(120000))
        return run;
    run.status = child.exitStatus();
    run.exitCode = child.exitCode();
    run.lines = QString::fromLocal8Bit(child.readAllStandardOutput()).split(QLatin1Char('\n'));
    return run;
}

QString valueOf(const QStringList& lines, const QString& key) {
    for (const QString& line : lines) {
        if (line.startsWith(key + QLatin1Char('=')))
            return line.mid(key.size() + 1);
    }
    return QStringLiteral("(no line %1)").arg(key);
}

} // namespace

class TestEmbeddedEngine : public QObject {
    Q_OBJECT

    void requireLibrary() {
        if (!EmbeddedClickHouse::loadError().isEmpty())
            QSKIP(qPrintable(EmbeddedClickHouse::loadError()));
    }

    std::unique_ptr<EmbeddedClickHouse> openEngine(const QString& directory = QString()) {
        ClickHouseError error;
        auto engine = EmbeddedClickHouse::open(directory, &error);
        if (!engine)
            qWarning("open failed: %s", qPrintable(error.toString()));
        return engine;
    }

private slots:
    void versionIs26() {
        requireLibrary();
        const auto engine = openEngine();
        QVERIFY(engine);
        QVERIFY2(engine->version().startsWith(QLatin1String("26.")), qPrintable(engine->version()));
        // read once at open, and what the engine says
        QCOMPARE(QString::fromUtf8(engine->query("SELECT version()").data).trimmed(), engine->version());
    }

    void badStatementGivesTheEnginesCodeAndMessage() {
        requireLibrary();
        const auto engine = openEngine();
        QVERIFY(engine);
        const EngineReply reply =
            engine->query("CREATE TABLE t (c Tuple(DOUBLE PRECISION, INT UNSIGNED)) ENGINE=Memory");
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ClickHouseError::Kind::Server);
        QCOMPARE(reply.error->serverCode, 50);
        QCOMPARE(reply.error->message, QStringLiteral("Unknown data type family: PRECISION. (UNKNOWN_TYPE)"));
        QVERIFY(reply.data.isEmpty());
        // The engine is still usable after an error.
        QCOMPARE(engine->query("SELECT 1 + 1").data, QByteArray("2\n"));
    }

    void dataSurvivesBetweenStatements() {
        requireLibrary();
        const auto engine = openEngine();
        QVERIFY(engine);
        QVERIFY(
            engine->query("CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id").ok());
        QVERIFY(engine->query("INSERT INTO kept VALUES (2, 'b'), (1, 'a')").ok());
        const EngineReply reply =
            engine->query("SELECT id, name FROM kept ORDER BY id", "JSONCompactEachRow");
        QVERIFY2(reply.ok(), qPrintable(reply.error ? reply.error->toString() : QString()));
        QCOMPARE(reply.data, QByteArray("[1, \"a\"]\n[2, \"b\"]\n"));
    }

    void temporaryDataDirectoryIsRemovedAfterDestroy() {
        requireLibrary();
        auto engine = openEngine();
        QVERIFY(engine);
        const QString directory = engine->dataDirectory();
        QVERIFY(!directory.isEmpty());
        QVERIFY(engine->query("CREATE TABLE on_disk (x UInt8) ENGINE = MergeTree ORDER BY x").ok());
        QVERIFY(engine->query("INSERT INTO on_disk VALUES (1)").ok());
        QVERIFY2(QFileInfo(directory + QLatin1String("/metadata")).isDir(),
                 qPrintable(directory)); // really used
        engine.reset();
        QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory));
    }

    // A given directory is kept, and a later engine (chDB allows reopening after close) finds its tables.
    void givenDirectoryIsKeptAndReopened() {
        requireLibrary();
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString directory = parent.filePath(QStringLiteral("data"));
        {
            auto engine = openEngine(directory);
            QVERIFY(engine);
            QCOMPARE(engine->dataDirectory(), directory);
            QVERIFY(engine->query("CREATE TABLE durable (x UInt8) ENGINE = MergeTree ORDER BY x").ok());
            QVERIFY(engine->query("INSERT INTO durable VALUES (7)").ok());
        }
        QVERIFY(QFileInfo(directory + QLatin1String("/metadata")).isDir());
        auto engine = openEngine(directory);
        QVERIFY(engine);
        QCOMPARE(engine->query("SELECT x FROM durable").data, QByteArray("7\n"));
    }

    void secondConcurrentEngineIsRefused() {
        requireLibrary();
        auto first = openEngine();
        QVERIFY(first);
        ClickHouseError error;
        QVERIFY(!EmbeddedClickHouse::open(QString(), &error));
        QCOMPARE(error.kind, ClickHouseError::Kind::Usage);
        QVERIFY2(error.message.contains(QLatin1String("one engine per process")), qPrintable(error.message));
        QVERIFY2(error.message.contains(first->dataDirectory()),
                 qPrintable(error.message));    // names the open one
        QVERIFY(first->query("SELECT 1").ok()); // the open one is unaffected
        first.reset();
        QVERIFY(openEngine()); // free again
    }

    void workerDeliversOnTheCallersThreadInOrder() {
        requireLibrary();
        EngineWorker worker;
        QList<QByteArray> answers;
        bool onCallersThread = true;
        bool loopRanMeanwhile = false;
        // The first statement takes a second on the engine's thread: the caller's loop serves its timer
        // meanwhile.
        worker.query("SELECT sleep(1)", "TabSeparated", this, [&](const EngineReply& reply) {
            onCallersThread = onCallersThread && QThread::currentThread() == thread();
            answers.append(reply.ok() ? QByteArray("slept") : reply.error->message.toUtf8());
        });
        worker.query("SELECT 40 + 2", "TabSeparated", this, [&](const EngineReply& reply) {
            onCallersThread = onCallersThread && QThread::currentThread() == thread();
            answers.append(reply.data);
        });
        worker.query("SELECT nope()", "TabSeparated", this, [&](const EngineReply& reply) {
            onCallersThread = onCallersThread && QThread::currentThread() == thread();
            answers.append(reply.ok() ? QByteArray("(ok)") : QByteArray::number(reply.error->serverCode));
        });
        QVERIFY(answers.isEmpty()); // query() returned without running anything here
        QTimer::singleShot(0, this, [&] { loopRanMeanwhile = answers.isEmpty(); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 60000);
        QVERIFY(loopRanMeanwhile);
        QVERIFY(onCallersThread);
        QCOMPARE(answers, (QList<QByteArray>{"slept", "42\n", "46"})); // 46: UNKNOWN_FUNCTION
    }

    void workerDropsTheCallbackOfADeadContext() {
        requireLibrary();
        EngineWorker worker;
        bool deadCalled = false;
        bool aliveCalled = false;
        auto* context = new QObject;
        worker.query("SELECT sleep(1)", "TabSeparated", context,
                     [&](const EngineReply&) { deadCalled = true; });
        delete context; // while its statement is queued or running
        worker.query("SELECT 1", "TabSeparated", this, [&](const EngineReply&) { aliveCalled = true; });
        QTRY_VERIFY_WITH_TIMEOUT(aliveCalled, 60000); // statements run in order: the first one has finished
        QCoreApplication::processEvents();
        QVERIFY(!deadCalled);
    }

    void workerCancelsQueuedStatementsOnDestroy() {
        requireLibrary();
        int started = 0;
        QList<int> called;
        {
            EngineWorker worker;
            for (int i = 0; i < 4; ++i) {
                ++started;
                worker.query(i == 0 ? "SELECT sleep(1)" : "SELECT 1", "TabSeparated", this,
                             [&called, i](const EngineReply&) { called.append(i); });
            }
        } // destroyed at once: at most the first statement (a second long) was running
        QCOMPARE(started, 4);
        QCoreApplication::processEvents(); // a reply of the running one may be posted; the queued ones never
                                           // are
        QVERIFY2(called.isEmpty() || called == QList<int>{0}, qPrintable(QString::number(called.size())));
        // The engine was closed with the worker: a new one opens.
        QVERIFY(openEngine());
    }

    void missingLibraryIsAClearErrorNotACrash() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CKSTUDIO_CHDB_LIBRARY"), kMissingLibrary);
        const ChildRun run = runChild(kMissingLibraryChild, environment);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 0);
        const QString error = valueOf(run.lines, QStringLiteral("loadError"));
        QVERIFY2(error.startsWith(QLatin1String("ClickHouse 26 (chDB) is not installed at ") +
                                  kMissingLibrary + QLatin1String(" (")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("No such file or directory")), qPrintable(error)); // dlerror()
        QVERIFY2(error.endsWith(QLatin1String("): run `bash packaging/install-deps.sh`")), qPrintable(error));
        QCOMPARE(run.lines.filter(QStringLiteral("opened=")).value(0),
                 QStringLiteral("opened=0 kind=%1").arg(static_cast<int>(ClickHouseError::Kind::Usage)));
        QCOMPARE(valueOf(run.lines, QStringLiteral("openError")), error);
        QCOMPARE(valueOf(run.lines, QStringLiteral("workerAnswered")), QStringLiteral("1"));
        QCOMPARE(valueOf(run.lines, QStringLiteral("workerError")), error);
    }

    void libraryPathFollowsTheInstallCache() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("CKSTUDIO_CHDB_LIBRARY"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("/tmp/ckstudio-test-cache"));
        ChildRun run = runChild(kLibraryPathChild, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(
            run.lines.value(0),
            QStringLiteral("/tmp/ckstudio-test-cache/ckstudio/chdb/" CKSTUDIO_CHDB_VERSION "/libchdb.so"));
        environment.remove(QStringLiteral("XDG_CACHE_HOME"));
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/tmp/ckstudio-test-home"));
        run = runChild(kLibraryPathChild, environment);
        QCOMPARE(run.lines.value(0),
                 QStringLiteral("/tmp/ckstudio-test-home/.cache/ckstudio/chdb/" CKSTUDIO_CHDB_VERSION
                                "/libchdb.so"));
    }
};

int main(int argc, char** argv) {
    if (argc == 2 && qstrcmp(argv[1], kMissingLibraryChild) == 0)
        return missingLibraryChild(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], kLibraryPathChild) == 0)
        return libraryPathChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestEmbeddedEngine test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_embedded_engine.moc"
