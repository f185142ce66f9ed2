// `ckstudio-cli export`, run as a process: each format equals the library's output, errors exit 2.
#include "CliProcess.h"
#include "domain/JsonText.h"
#include "export/Exporters.h"

#include <QProcess>
#include <QTest>

using namespace ckstudio;

namespace {

test::CliRun runCli(const QStringList& args) {
    return test::runCli(QStringList{QStringLiteral("export")} + args);
}

#define FIXTURE_CONFIG CKSTUDIO_FIXTURES_DIR "/export/config.json"
const QString kConfig = QStringLiteral(FIXTURE_CONFIG);

QStringList strings(const QByteArrayList& list) {
    QStringList out;
    for (const auto& item : list)
        out << QString::fromUtf8(item);
    return out;
}

UserConfig fixture() {
    return userConfigFromJson(*readJsonFile(kConfig).value);
}

} // namespace

class TestExportCli : public QObject {
    Q_OBJECT
private slots:
    void help() {
        const auto r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Usage: ckstudio-cli export CONFIG.json --as json|avn|terraform"));
    }

    void json() {
        const auto r = runCli({kConfig, QStringLiteral("--as"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray::fromStdString(exportUserConfigJson(fixture())));
        QVERIFY(r.out.contains("\"x-unknown\": {\n")); // unknown keys survive
    }

    void avn() {
        const auto r =
            runCli({kConfig, QStringLiteral("--as=avn"), QStringLiteral("--project"), QStringLiteral("proj"),
                    QStringLiteral("--integration-id"), QStringLiteral("id-1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray::fromStdString(exportAvnCommand(fixture(), "proj", "id-1") + "\n"));
        QVERIFY(r.out.startsWith("avn service integration-update id-1 --project proj --user-config-json '{"));
    }

    void terraform() {
        const auto r = runCli({kConfig, QStringLiteral("--as"), QStringLiteral("terraform"),
                               QStringLiteral("--project"), QStringLiteral("proj")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray::fromStdString(exportTerraform(fixture(), "proj", "")));
        QVERIFY(r.out.contains("      name = \"1st-table`\\\\ ü\"\n"));
    }

    void errors_data() {
        QTest::addColumn<QByteArrayList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("bad format") << QByteArrayList{FIXTURE_CONFIG, "--as", "yaml"}
                                    << QByteArray("--as must be json, avn or terraform");
        QTest::newRow("unknown option")
            << QByteArrayList{FIXTURE_CONFIG, "--nope"} << QByteArray("unknown option --nope");
        QTest::newRow("missing value")
            << QByteArrayList{FIXTURE_CONFIG, "--as"} << QByteArray("--as needs a value");
        QTest::newRow("no config") << QByteArrayList{"--as", "json"}
                                   << QByteArray("missing CONFIG.json");
        QTest::newRow("broken json") << QByteArrayList{CKSTUDIO_FIXTURES_DIR "/ddl/broken.json", "--as",
                                                       "json"}
                                     << QByteArray(CKSTUDIO_FIXTURES_DIR "/ddl/broken.json:3:");
        QTest::newRow("missing file") << QByteArrayList{CKSTUDIO_FIXTURES_DIR "/export/none.json"}
                                      << QByteArray(CKSTUDIO_FIXTURES_DIR "/export/none.json: ");
    }
    void errors() {
        QFETCH(QByteArrayList, args);
        QFETCH(QByteArray, message);
        const auto r = runCli(strings(args));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
