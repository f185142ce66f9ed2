// Crash safety: an edit made in the real main window survives a SIGKILL. The editing process is killed once
// its autosaved draft is on disk; a second instance must offer the draft and restore the edit.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class CrashSafetyTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void editSurvivesSigkill();
    void noDraftAfterCleanStart();

private:
    QProcessEnvironment isolatedEnvironment() const;
    QString writeConfig() const;

    QTemporaryDir m_home;
    QString m_editor;
};

void CrashSafetyTest::initTestCase() {
    QVERIFY(m_home.isValid());
    m_editor = QStringLiteral(CKSTUDIO_BIN_DIR "/crash_editor");
    QVERIFY2(QFile::exists(m_editor), qPrintable(m_editor));
}

QProcessEnvironment CrashSafetyTest::isolatedEnvironment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QDir().mkpath(m_home.filePath(QStringLiteral("runtime")));
    QFile::setPermissions(m_home.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return env;
}

QString CrashSafetyTest::writeConfig() const {
    const QString path = m_home.filePath(QStringLiteral("orders.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(R"({
  "tables": [
    {
      "name": "orders",
      "columns": [{"name": "id", "type": "UInt64"}],
      "topics": [{"name": "orders"}],
      "data_format": "JSONEachRow",
      "group_name": "clickhouse",
      "x_keep_me": true
    }
  ]
}
)");
    return path;
}

void CrashSafetyTest::editSurvivesSigkill() {
    const QString config = writeConfig();
    QVERIFY(!config.isEmpty());

    QProcess editor;
    editor.setProcessEnvironment(isolatedEnvironment());
    editor.start(m_editor, {QStringLiteral("edit"), config, QStringLiteral("_v2")});
    QVERIFY2(editor.waitForStarted(10000), qPrintable(editor.errorString()));
    QByteArray out;
    QTRY_VERIFY2_WITH_TIMEOUT((out += editor.readAllStandardOutput()).contains("draft-written"),
                              (out + editor.readAllStandardError()).constData(), 20000);
    editor.kill(); // SIGKILL: no close event, no chance to clean up
    QVERIFY(editor.waitForFinished(10000));
    QCOMPARE(editor.exitStatus(), QProcess::CrashExit);

    // The file on disk is untouched: only the draft holds the edit.
    QFile original(config);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(original.readAll().contains("\"orders\","));

    QProcess second;
    second.setProcessEnvironment(isolatedEnvironment());
    second.start(m_editor, {QStringLiteral("recover"), config});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 0);
    const QByteArray line = second.readAllStandardOutput().trimmed();
    const QJsonObject report = QJsonDocument::fromJson(line).object();
    QVERIFY2(!report.isEmpty(), line.constData());
    QVERIFY2(report.value(QStringLiteral("offered")).toBool(), line.constData());
    QVERIFY2(report.value(QStringLiteral("description")).toString().contains(QStringLiteral("orders.json")),
             line.constData());
    QCOMPARE(report.value(QStringLiteral("tableName")).toString(), QStringLiteral("orders_v2"));
    QVERIFY(report.value(QStringLiteral("modified")).toBool());
    QCOMPARE(report.value(QStringLiteral("filePath")).toString(), config);
    QCOMPARE(report.value(QStringLiteral("errors")).toString(), QString());
}

void CrashSafetyTest::noDraftAfterCleanStart() {
    // The recovered draft was taken over by the window above; a fresh home has nothing to offer.
    QTemporaryDir otherHome;
    QVERIFY(otherHome.isValid());
    QProcessEnvironment env = isolatedEnvironment();
    env.insert(QStringLiteral("HOME"), otherHome.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), otherHome.filePath(QStringLiteral("data")));
    QProcess instance;
    instance.setProcessEnvironment(env);
    instance.start(m_editor, {QStringLiteral("recover"), writeConfig()});
    QVERIFY(instance.waitForFinished(20000));
    const QJsonObject report = QJsonDocument::fromJson(instance.readAllStandardOutput().trimmed()).object();
    QVERIFY(!report.isEmpty());
    QVERIFY(!report.value(QStringLiteral("offered")).toBool());
    QCOMPARE(report.value(QStringLiteral("tableName")).toString(), QStringLiteral("orders"));
    QVERIFY(!report.value(QStringLiteral("modified")).toBool());
}

QTEST_GUILESS_MAIN(CrashSafetyTest)
#include "tst_crash_safety.moc"
