// Exporters: JSON keeps everything, the avn command line survives a real POSIX shell with hostile content,
// the Terraform text is exact and escapes HCL's specials.
#include "domain/JsonText.h"
#include "export/Exporters.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ckstudio;

namespace {

// Everything a shell or HCL could trip over, in names, types, topics and an unknown key.
Json hostileConfig() {
    const std::string nasty =
        "it's \"q\" '\\'' $(touch pwned) `id` ${HOME} %{x} $$ !! \\ \n\t ü 名 😀 \x01 ;|&><*";
    Json table = {{"name", "t-" + nasty},
                  {"columns", Json::array({Json{{"name", nasty}, {"type", "String"}},
                                           Json{{"name", "n"}, {"type", "Nullable(UInt64)"}}})},
                  {"topics", Json::array({Json{{"name", "topic.1"}}})},
                  {"data_format", "JSONEachRow"},
                  {"group_name", nasty},
                  {"num_consumers", 2},
                  {"thread_per_consumer", true},
                  {"x-future", Json{{"deep", Json::array({nasty, nullptr, 1.5})}}}};
    return Json{{"tables", Json::array({table})}, {"future_top", nasty}};
}

// Runs terraform offline (no update check, no CLI config) in `dir`; returns exit code, stdout in `out`.
int runTerraform(const QString& dir, const QStringList& args, QByteArray* out = nullptr) {
    QProcess tf;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
    env.insert(QStringLiteral("TF_IN_AUTOMATION"), QStringLiteral("1"));
    env.insert(QStringLiteral("TF_CLI_CONFIG_FILE"), dir + QStringLiteral("/empty.tfrc"));
    tf.setProcessEnvironment(env);
    tf.setWorkingDirectory(dir);
    tf.start(QStringLiteral("terraform"), args + QStringList{QStringLiteral("-no-color")});
    if (!tf.waitForFinished(60000))
        return -1;
    if (out)
        *out = tf.readAllStandardOutput();
    if (tf.exitCode() != 0)
        qWarning("terraform %s: %s%s", qPrintable(args.join(QLatin1Char(' '))),
                 tf.readAllStandardOutput().constData(), tf.readAllStandardError().constData());
    return tf.exitCode();
}

bool writeFile(const QString& path, const std::string& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace

class TestExporters : public QObject {
    Q_OBJECT
private slots:
    void jsonKeepsUnknownKeysAndOrder() {
        const Json in = hostileConfig();
        const std::string out = exportUserConfigJson(userConfigFromJson(in));
        const auto parsed = parseJsonText(out);
        QVERIFY(parsed);
        QCOMPARE(parsed.value->dump(), in.dump());
        QVERIFY(out.find("\n  \"tables\": [\n") != std::string::npos); // pretty
    }

    void shellQuote_data() {
        QTest::addColumn<QByteArray>("word");
        QTest::addColumn<QByteArray>("quoted");
        QTest::newRow("safe") << QByteArray("abc-1.2_x/y:z@q") << QByteArray("abc-1.2_x/y:z@q");
        QTest::newRow("empty") << QByteArray("") << QByteArray("''");
        QTest::newRow("space") << QByteArray("a b") << QByteArray("'a b'");
        QTest::newRow("quote") << QByteArray("it's") << QByteArray("'it'\\''s'");
        QTest::newRow("dollar") << QByteArray("$HOME") << QByteArray("'$HOME'");
    }
    void shellQuote() {
        QFETCH(QByteArray, word);
        QFETCH(QByteArray, quoted);
        QCOMPARE(QByteArray::fromStdString(ckstudio::shellQuote(word.toStdString())), quoted);
    }

    void avnCommandShape() {
        const auto config = userConfigFromJson(Json::parse(R"({"tables":[]})"));
        QCOMPARE(exportAvnCommand(config, "proj", "abc-123"),
                 std::string("avn service integration-update abc-123 --project proj --user-config-json "
                             "'{\"tables\":[]}'"));
        QCOMPARE(exportAvnCommand(config, "", ""),
                 std::string("avn service integration-update INTEGRATION_ID --project PROJECT_NAME "
                             "--user-config-json '{\"tables\":[]}'"));
    }

    // The produced line, run by bash with a fake avn on PATH, hands avn exactly the intended arguments.
    void avnCommandSurvivesBash() {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString argsFile = dir.filePath(QStringLiteral("argv"));
        QFile fake(dir.filePath(QStringLiteral("avn")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$AVN_ARGV_FILE\"\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        const Json config = hostileConfig();
        const std::string project = "my proj's $(x)";
        const std::string id = "id;`rm -rf /`\n2";
        const std::string command = exportAvnCommand(userConfigFromJson(config), project, id);
        // One line to paste unless an argument itself holds a line break (kept verbatim inside the quotes).
        QVERIFY(exportAvnCommand(userConfigFromJson(config), "p", "i").find('\n') == std::string::npos);

        QProcess bash;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), dir.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("AVN_ARGV_FILE"), argsFile);
        bash.setProcessEnvironment(env);
        bash.setWorkingDirectory(dir.path());
        bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), QString::fromStdString(command)});
        QVERIFY(bash.waitForFinished(10000));
        QCOMPARE(bash.exitCode(), 0);

        QFile out(argsFile);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QList<QByteArray> argv = out.readAll().split('\0');
        QCOMPARE(argv.takeLast(), QByteArray()); // after the final NUL
        QCOMPARE(argv.size(), 7);
        QCOMPARE(argv[0], QByteArray("service"));
        QCOMPARE(argv[1], QByteArray("integration-update"));
        QCOMPARE(argv[2], QByteArray::fromStdString(id));
        QCOMPARE(argv[3], QByteArray("--project"));
        QCOMPARE(argv[4], QByteArray::fromStdString(project));
        QCOMPARE(argv[5], QByteArray("--user-config-json"));
        const auto parsed = parseJsonText(argv[6].toStdString());
        QVERIFY(parsed);
        QCOMPARE(parsed.value->dump(), config.dump());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).size() == 2); // nothing but avn and argv was created
    }

    void hclString_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("hcl");
        QTest::newRow("plain") << QByteArray("events") << QByteArray("\"events\"");
        QTest::newRow("quote backslash") << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("interpolation") << QByteArray("${var.x}") << QByteArray("\"$${var.x}\"");
        QTest::newRow("directive") << QByteArray("%{if x}") << QByteArray("\"%%{if x}\"");
        QTest::newRow("lone dollar") << QByteArray("$x % y") << QByteArray("\"$x % y\"");
        QTest::newRow("escaped already") << QByteArray("$${x}") << QByteArray("\"$$${x}\"");
        QTest::newRow("control") << QByteArray("a\nb\tc\rd\x01") << QByteArray("\"a\\nb\\tc\\rd\\u0001\"");
        QTest::newRow("unicode") << QByteArray("ü名😀") << QByteArray("\"ü名😀\"");
    }
    void hclString() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, hcl);
        QCOMPARE(QByteArray::fromStdString(ckstudio::hclString(text.toStdString())), hcl);
    }

    void terraformExact() {
        const auto config = userConfigFromJson(Json::parse(R"({
          "tables": [{
            "name": "events", "columns": [{"name": "id", "type": "UInt64"}, {"name": "ts", "type": "DateTime"}],
            "topics": [{"name": "events"}, {"name": "more"}], "data_format": "JSONEachRow",
            "group_name": "clickhouse", "num_consumers": 2, "thread_per_consumer": true,
            "auto_offset_reset": "earliest", "x-unknown": 1,
            "materialized_view": {"view_name": "events_mv", "order_by": ["id", "ts"], "ttl_column": "ts",
                                  "ttl_days": 30, "engine_params": []}
          }],
          "extra_top": {"a": 1}
        })"));
        const std::string expected =
            R"(# clickhouse_kafka integration (terraform-provider-aiven; materialized_view needs v4.54.0+).
# Set source_service_name (the Kafka service) and destination_service_name (ClickHouse).
# Adopt the existing integration first: terraform import aiven_service_integration.clickhouse_kafka p1/abc
resource "aiven_service_integration" "clickhouse_kafka" {
  project                  = "p1"
  integration_type         = "clickhouse_kafka"
  source_service_name      = "KAFKA_SERVICE_NAME"
  destination_service_name = "CLICKHOUSE_SERVICE_NAME"
  clickhouse_kafka_user_config {
    tables {
      name = "events"
      columns {
        name = "id"
        type = "UInt64"
      }
      columns {
        name = "ts"
        type = "DateTime"
      }
      topics {
        name = "events"
      }
      topics {
        name = "more"
      }
      data_format         = "JSONEachRow"
      group_name          = "clickhouse"
      num_consumers       = 2
      thread_per_consumer = true
      auto_offset_reset   = "earliest"
      # note: "x-unknown" is not known to the Terraform provider; left out
      materialized_view {
        view_name     = "events_mv"
        engine_params = []
        order_by      = ["id", "ts"]
        ttl_column    = "ts"
        ttl_days      = 30
      }
    }
    # note: "extra_top" is not known to the Terraform provider; left out
  }
}
)";
        QCOMPARE(QString::fromStdString(exportTerraform(config, "p1", "abc")),
                 QString::fromStdString(expected));
    }

    void terraformEscapesAndNotes() {
        const std::string out = exportTerraform(userConfigFromJson(hostileConfig()), "", "");
        QVERIFY(out.find("  project                  = \"PROJECT_NAME\"\n") != std::string::npos);
        QVERIFY(out.find("terraform import") == std::string::npos);
        QVERIFY(out.find("$${HOME}") != std::string::npos);
        QVERIFY(out.find("%%{x}") != std::string::npos);
        QVERIFY(out.find("${HOME}") == out.find("$${HOME}") + 1); // only the escaped form
        QVERIFY(out.find("# note: \"x-future\" is not known") != std::string::npos);
        QVERIFY(out.find("# note: \"future_top\" is not known") != std::string::npos);
        // Every line is either structure, an attribute with a one-line value, or a comment: no raw newline
        // leaked.
        for (const auto& line : QString::fromStdString(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto t = line.trimmed();
            QVERIFY2(t.startsWith(QLatin1Char('#')) || t.endsWith(QLatin1Char('{')) ||
                         t == QLatin1String("}") || t.contains(QStringLiteral(" = ")),
                     qPrintable(line));
        }
    }

    // Terraform itself parses the export and finds it formatted the way `terraform fmt` would.
    void terraformFmtAcceptsTheExport() {
        if (QStandardPaths::findExecutable(QStringLiteral("terraform")).isEmpty())
            QSKIP("terraform is not installed");
        QTemporaryDir dir;
        Json config = hostileConfig();
        config["tables"][0]["materialized_view"] =
            Json{{"view_name", "v"}, {"order_by", {"a"}}, {"engine_params", Json::array()}, {"zzz", 1}};
        config["tables"].push_back(5);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.tfrc")), ""));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("main.tf")),
                          exportTerraform(userConfigFromJson(config), "p\"x", "a\nb")));
        QCOMPARE(runTerraform(dir.path(), {QStringLiteral("fmt"), QStringLiteral("-check"),
                                           QStringLiteral("-diff"), QStringLiteral("main.tf")}),
                 0);
    }

    // Terraform decodes every exported string back to the original bytes.
    void terraformDecodesStringsExactly() {
        if (QStandardPaths::findExecutable(QStringLiteral("terraform")).isEmpty())
            QSKIP("terraform is not installed");
        const std::vector<std::string> texts = {"${HOME}",
                                                "%{ if true }x%{ endif }",
                                                "$${x}",
                                                "%%{y}",
                                                "$",
                                                "%",
                                                "$$",
                                                "{}",
                                                "\\",
                                                "\"",
                                                "a\nb\r\tc",
                                                "\x01\x1f\x7f",
                                                "ü名😀",
                                                "",
                                                "it's `id` $(x) \\${y}",
                                                "}${"};
        std::string tf = "locals {\n";
        for (std::size_t i = 0; i < texts.size(); ++i)
            tf += "  v" + std::to_string(i) + " = " + ckstudio::hclString(texts[i]) + "\n";
        tf += "}\noutput \"all\" {\n  value = [";
        for (std::size_t i = 0; i < texts.size(); ++i)
            tf += (i ? ", local.v" : "local.v") + std::to_string(i);
        tf += "]\n}\n";
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.tfrc")), ""));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("main.tf")), tf));
        QCOMPARE(runTerraform(dir.path(), {QStringLiteral("init"), QStringLiteral("-input=false")}), 0);
        QCOMPARE(runTerraform(dir.path(), {QStringLiteral("apply"), QStringLiteral("-auto-approve"),
                                           QStringLiteral("-input=false")}),
                 0);
        QByteArray out;
        QCOMPARE(runTerraform(dir.path(),
                              {QStringLiteral("output"), QStringLiteral("-json"), QStringLiteral("all")},
                              &out),
                 0);
        const auto parsed = parseJsonText(out.toStdString());
        QVERIFY2(parsed && parsed.value->is_array(), out.constData());
        QCOMPARE(parsed.value->size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(QByteArray::fromStdString((*parsed.value)[i].get<std::string>()),
                     QByteArray::fromStdString(texts[i]));
    }

    void terraformNotesWrongShapes() {
        const auto config = userConfigFromJson(Json::parse(
            R"({"tables": [7, {"name": "a", "columns": [{"name": "c", "type": "String", "codec": "x"}, 3],
                "topics": "nope", "num_consumers": {"x": 1}}]})"));
        const std::string out = exportTerraform(config, "p", "");
        QVERIFY(out.find("# note: tables[0] is not a JSON object; left out") != std::string::npos);
        QVERIFY(out.find("# note: \"codec\" is not known") != std::string::npos);
        QVERIFY(out.find("# note: columns[1] is not a JSON object; left out") != std::string::npos);
        QVERIFY(out.find("# note: topics is not a JSON array; left out") != std::string::npos);
        QVERIFY(out.find("nope") == std::string::npos);
        QVERIFY(out.find("# note: \"num_consumers\" has a value Terraform cannot take (object); left out") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
