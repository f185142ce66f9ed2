// StartupWarmUp connects to the D-Bus session bus on its own thread before QApplication exists, as
// ui/shell/main.cpp does. The connection Qt then keeps must serve the GUI thread as if that thread had made
// it: calls reach objects registered from the GUI thread, and the first window (menu bar, accessibility)
// builds. Where no bus answers, start-up must still finish. CTest runs this suite twice: under
// dbus-run-session, and with no bus address.
#include "DraftStore.h"
#include "MainWindow.h"
#include "QuietPrompts.h"
#include "shell/StartupWarmUp.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingReply>
#include <QFile>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <cstdio>
#include <thread>

using namespace ckstudio;

namespace {

const QString kService = QStringLiteral("io.github.ckstudio.WarmUpTest");
const QString kInterface = QStringLiteral("io.github.ckstudio.WarmUpTest.Echo");

// Whether the warm-up alone had connected the session bus when wait() returned, before anything on the GUI
// thread asked. Qt names its default session connection "qt_default_session_bus"; looking a connection up by
// name does not create one.
bool connectedByWarmUp = false;

// Whether Qt warned, while the application was made, that it is not on Qt's main thread: Qt takes the first
// thread that touches its thread data for that, and the warm-up's thread must never be it.
bool appOffQtsMainThread = false;
void recordStartupMessage(QtMsgType, const QMessageLogContext&, const QString& message) {
    if (message.contains(QLatin1String("not created in the main() thread")))
        appOffQtsMainThread = true;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

bool busExpected() {
    return qEnvironmentVariableIntValue("CKSTUDIO_EXPECT_SESSION_BUS") == 1;
}

} // namespace

// Answers on the bus from the GUI thread and remembers where it ran.
class Echo : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.ckstudio.WarmUpTest.Echo")
public:
    QThread* ranOn = nullptr;
public slots:
    QString echo(const QString& text) {
        ranOn = QThread::currentThread();
        return text;
    }
};

class TestStartupWarmUp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(DraftStore::draftPath());
        QVERIFY2(qEnvironmentVariableIsSet("CKSTUDIO_EXPECT_SESSION_BUS"),
                 "CTest sets CKSTUDIO_EXPECT_SESSION_BUS (1 under dbus-run-session, 0 without a bus)");
    }
    void theApplicationIsOnQtsMainThread() { QVERIFY(!appOffQtsMainThread); }

    void warmUpConnectedTheSessionBus() { QCOMPARE(connectedByWarmUp, busExpected()); }

    void sessionBusIsConnectedWhereOneRuns() {
        const QDBusConnection bus = QDBusConnection::sessionBus();
        QCOMPARE(bus.isConnected(), busExpected());
        if (busExpected())
            QVERIFY(!bus.baseService().isEmpty());
    }

    void callsReachObjectsOfTheGuiThread() {
        if (!busExpected())
            QSKIP("no session bus in this run (its twin runs under dbus-run-session)");
        QDBusConnection bus = QDBusConnection::sessionBus();
        Echo echo;
        QVERIFY(bus.registerObject(QStringLiteral("/echo"), &echo, QDBusConnection::ExportAllSlots));
        QVERIFY2(bus.registerService(kService), qPrintable(bus.lastError().message()));

        // A second connection of this process calls through the bus daemon, as another program would.
        QDBusConnection peer =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("peer"));
        QVERIFY(peer.isConnected());
        QDBusMessage call = QDBusMessage::createMethodCall(kService, QStringLiteral("/echo"), kInterface,
                                                           QStringLiteral("echo"));
        call << QStringLiteral("ping");
        QDBusPendingCall pending = peer.asyncCall(call, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(pending.isFinished(), 10000);
        QDBusPendingReply<QString> reply = pending;
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        QCOMPARE(reply.value(), QStringLiteral("ping"));
        QCOMPARE(echo.ranOn, qApp->thread());

        bus.unregisterObject(QStringLiteral("/echo"));
        bus.unregisterService(kService);
        QDBusConnection::disconnectFromBus(QStringLiteral("peer"));
    }

    void firstWindowBuildsAndShows() {
        MainWindow window(std::make_shared<test::QuietPrompts>());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.menuBar()->actions().isEmpty());
    }
};

// As ui/shell/main.cpp: the warm-up starts before the application object and is waited for before the first
// widget.
int main(int argc, char* argv[]) {
    qInstallMessageHandler(recordStartupMessage);
    StartupWarmUp warmUp;
    // Another thread touching Qt before the application exists (as the warm-up's own may): the constructor
    // has already made this thread Qt's main thread.
    std::thread([] { QThread::currentThread(); }).join();
    QApplication app(argc, argv);
    qInstallMessageHandler(nullptr);
    warmUp.wait();
    connectedByWarmUp = QDBusConnection(QStringLiteral("qt_default_session_bus")).isConnected();
    TestStartupWarmUp test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_startupwarmup.moc"
