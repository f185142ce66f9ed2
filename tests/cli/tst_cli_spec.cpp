// cli/CommandSpec: parsing, usage errors, --help and synopses from one table, and that every command's table
// says what `ckstudio-cli --help` and DESIGN.md §3 promise.
#include "cli/Cli.h"
#include "cli/CommandSpec.h"

#include <QFile>
#include <QTest>
#include <sstream>

using namespace ckstudio::cli;

namespace {

CommandSpec sample() {
    CommandSpec s;
    s.name = QStringLiteral("sample");
    s.summary = QStringLiteral("a command for the tests");
    s.positionals = {{QStringLiteral("FILE"), QStringLiteral("the input")}};
    OptionSpec table{QStringLiteral("table"), QStringLiteral("NAME"), QStringLiteral("the table")};
    table.required = true;
    OptionSpec limit{QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("how many")};
    limit.defaultValue = QStringLiteral("10");
    OptionSpec tag{QStringLiteral("tag"), QStringLiteral("T"), QStringLiteral("a tag")};
    tag.repeatable = true;
    tag.show = OptionSpec::Show::Full;
    OptionSpec as{QStringLiteral("as"), {}, QStringLiteral("the form")};
    as.choices = {QStringLiteral("json"), QStringLiteral("avn"), QStringLiteral("terraform")};
    OptionSpec output{QStringLiteral("output"), QStringLiteral("FILE"), QStringLiteral("where to")};
    output.shortName = QLatin1Char('o');
    output.shortInSynopsis = true;
    OptionSpec fromOffset{QStringLiteral("from-offset"), QStringLiteral("N"),
                          QStringLiteral("from an offset")};
    fromOffset.exclusiveGroup = QStringLiteral("start");
    OptionSpec fromTime{QStringLiteral("from-time"), QStringLiteral("ISO"), QStringLiteral("from a time")};
    fromTime.exclusiveGroup = QStringLiteral("start");
    OptionSpec nonEmpty{QStringLiteral("schema"), QStringLiteral("FILE"), QStringLiteral("a schema")};
    nonEmpty.allowEmpty = false;
    nonEmpty.show = OptionSpec::Show::HelpOnly;
    s.options = {table,    limit,    tag,
                 as,       output,   fromOffset,
                 fromTime, nonEmpty, {QStringLiteral("dry-run"), {}, QStringLiteral("send nothing")}};
    for (auto& o : clickHouseConnectionOptions())
        s.options.push_back(o);
    s.description = QStringLiteral("Does nothing, carefully.\n");
    s.footer = QStringLiteral("Exit codes: 0 ok.\n");
    return s;
}

QStringList words(const char* text) {
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

Run runCommand(const QStringList& args) {
    std::ostringstream out, err;
    CliIo io{out, err};
    Run r;
    const auto code = runCli(args, io, [&r](int c) { r.exitCode = c; });
    if (code)
        r.exitCode = *code;
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

class TestCliSpec : public QObject {
    Q_OBJECT
private slots:
    void parsesValuesFlagsAndPositionals() {
        const CommandSpec spec = sample();
        const ParseResult r = parse(spec, words("in.json --table t --limit=5 -o out.txt --dry-run --as avn"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.help);
        QCOMPARE(r.args.positional(QStringLiteral("FILE")), QStringLiteral("in.json"));
        QCOMPARE(r.args.value(QStringLiteral("table")), QStringLiteral("t"));
        QCOMPARE(r.args.value(QStringLiteral("limit")), QStringLiteral("5"));
        QCOMPARE(r.args.value(QStringLiteral("output")), QStringLiteral("out.txt"));
        QCOMPARE(r.args.value(QStringLiteral("as")), QStringLiteral("avn"));
        QVERIFY(r.args.isSet(QStringLiteral("dry-run")));
        QVERIFY(!r.args.isSet(QStringLiteral("from-time")));
        QCOMPARE(r.args.optionalValue(QStringLiteral("from-time")), std::nullopt);
    }

    void defaultsAndOptionalValues() {
        const CommandSpec spec = sample();
        const ParseResult r = parse(spec, words("--table t -"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.args.positional(QStringLiteral("FILE")),
                 QStringLiteral("-")); // '-' is stdin, not an option
        QCOMPARE(r.args.value(QStringLiteral("limit")), QStringLiteral("10"));
        QVERIFY(!r.args.isSet(QStringLiteral("limit")));
        QCOMPARE(r.args.optionalValue(QStringLiteral("limit")), std::nullopt);
        QCOMPARE(r.args.value(QStringLiteral("output")), QString());
    }

    void doubleDashEndsTheOptions() {
        const CommandSpec spec = sample();
        const ParseResult r = parse(spec, words("--table t -- --help"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.help);
        QCOMPARE(r.args.positional(QStringLiteral("FILE")), QStringLiteral("--help"));
    }

    void repeatedValues() {
        const CommandSpec spec = sample();
        const ParseResult ok = parse(spec, words("f --table t --tag a --tag=b"));
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QCOMPARE(ok.args.values(QStringLiteral("tag")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        const ParseResult twice = parse(spec, words("f --table t --table u"));
        QCOMPARE(twice.error, QStringLiteral("--table is given twice; it takes one value"));
    }

    void usageErrors_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown long") << "f --table t --colour"
                                      << "unknown option --colour";
        QTest::newRow("unknown with value") << "f --table t --colour=red"
                                            << "unknown option --colour";
        QTest::newRow("unknown short") << "f --table t -x"
                                       << "unknown option -x";
        QTest::newRow("missing value") << "f --table"
                                       << "--table needs a value";
        QTest::newRow("missing short value") << "f --table t -o"
                                             << "-o needs a value";
        QTest::newRow("empty refused") << "f --table t --schema="
                                       << "--schema needs a value";
        QTest::newRow("flag with value") << "f --table t --dry-run=yes"
                                         << "--dry-run takes no value";
        QTest::newRow("required option") << "f"
                                         << "missing --table NAME";
        QTest::newRow("missing positional") << "--table t"
                                            << "missing FILE";
        QTest::newRow("extra positional") << "f g --table t"
                                          << "unexpected argument 'g' (one FILE at a time)";
        QTest::newRow("choices") << "f --table t --as yaml"
                                 << "--as must be json, avn or terraform, not 'yaml'";
        QTest::newRow("exclusive") << "f --table t --from-offset 1 --from-time 0"
                                   << "--from-offset and --from-time cannot be used together";
        QTest::newRow("password")
            << "f --table t --password x"
            << "--password is not accepted (it would be visible in the process list): set "
               "CLICKHOUSE_PASSWORD instead";
    }
    void usageErrors() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        const ParseResult r = parse(sample(), args.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QCOMPARE(r.error, error);
        QVERIFY(!r.help);
    }

    void helpWinsAnywhere() {
        QVERIFY(parse(sample(), words("--colour --help")).help);
        QVERIFY(parse(sample(), words("f -h")).help);
        QVERIFY(parse(sample(), {}).error == QStringLiteral("missing --table NAME"));
    }

    void synopses() {
        const CommandSpec spec = sample();
        QCOMPARE(spec.synopsis(),
                 QStringLiteral("sample FILE --table NAME [--limit N] [--as json|avn|terraform] [-o FILE] "
                                "[--from-offset N | --from-time ISO] [--dry-run]"));
        // The full one adds Show::Full options; HelpOnly and the refused --password stay out of both.
        const QString full = spec.synopsis(false);
        QVERIFY2(full.contains(QStringLiteral("[--tag T]")), qPrintable(full));
        QVERIFY(!full.contains(QStringLiteral("--schema")));
        QVERIFY(!full.contains(QStringLiteral("--clickhouse-url")));
        QVERIFY(!full.contains(QStringLiteral("--password")));
    }

    void fullSynopsisWraps() {
        CommandSpec spec = sample();
        for (auto& o : spec.options)
            if (o.show == OptionSpec::Show::HelpOnly)
                o.show = OptionSpec::Show::Full;
        const QStringList lines =
            (QStringLiteral("Usage: ckstudio-cli ") + spec.synopsis(false)).split(QLatin1Char('\n'));
        QVERIFY(lines.size() > 1);
        for (const QString& line : lines)
            QVERIFY2(line.size() <= 100, qPrintable(line));
        const QString indent(27,
                             QLatin1Char(' ')); // under the first word after "Usage: ckstudio-cli sample "
        QVERIFY2(lines[1].startsWith(indent) && lines[1][27] != QLatin1Char(' '), qPrintable(lines[1]));
    }

    void helpText() {
        const QString help = sample().helpText();
        QVERIFY2(help.startsWith(QStringLiteral("Usage: ckstudio-cli sample FILE --table NAME")),
                 qPrintable(help));
        QVERIFY(help.contains(QStringLiteral("\nDoes nothing, carefully.\n")));
        QVERIFY(help.contains(QStringLiteral("  -o, --output FILE")));
        QVERIFY(help.contains(QStringLiteral("how many (default: 10)")));
        QVERIFY(help.contains(QStringLiteral("a tag; may be repeated")));
        QVERIFY(help.contains(QStringLiteral("--clickhouse-url URL")));
        QVERIFY(help.contains(QStringLiteral("(default: $CLICKHOUSE_URL)")));
        QVERIFY(help.contains(QStringLiteral("$CLICKHOUSE_PASSWORD")));
        QVERIFY(!help.contains(QStringLiteral("--password")));
        QVERIFY(help.contains(QStringLiteral("  -h, --help")));
        QVERIFY(help.endsWith(QStringLiteral("Exit codes: 0 ok.\n")));
    }

    // What `ckstudio-cli --help` lists comes from the specs, and each command's --help lists every option its
    // spec accepts.
    void everyCommandHelpsFromItsSpec() {
        const Run top = runCommand({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(!commands().empty());
        for (const Command& c : commands()) {
            const CommandSpec& spec = c.spec();
            QVERIFY2(top.out.find("  " + spec.synopsis().toStdString()) != std::string::npos,
                     qPrintable(spec.name));
            QVERIFY(top.out.find(spec.summary.toStdString()) != std::string::npos);
            const Run help = runCommand({spec.name, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.rfind("Usage: ckstudio-cli " + spec.name.toStdString() + " ", 0) == 0,
                     help.out.c_str());
            for (const OptionSpec& o : spec.options)
                if (o.show != OptionSpec::Show::Hidden)
                    QVERIFY2(help.out.find("--" + o.name.toStdString()) != std::string::npos,
                             qPrintable(spec.name + QStringLiteral(" --") + o.name));
        }
    }

    // DESIGN.md §3's table, as `ckstudio-cli --help` shows it.
    void commandTableMatchesTheContract() {
        const Run top = runCommand({QStringLiteral("--help")});
        for (const char* synopsis : {
                 "validate CONFIG.json [--schema FILE]",
                 "format CONFIG.json",
                 "export CONFIG.json --as json|avn|terraform [--project P] [--integration-id ID]",
                 "ddl CONFIG.json --kafka-service SVC [--table NAME] [--target-database DB] [--engine "
                 "ENGINE] "
                 "[--order-by a,b] [--execute]",
                 "infer --format FORMAT SAMPLES_FILE",
                 "integrations --project P --service CH",
                 "pull --project P --integration ID [-o FILE]",
                 "push --project P --integration ID CONFIG.json [--dry-run] [--force]",
                 "peek --project P --service KAFKA --topic T [--limit N]",
                 "peek --bootstrap HOST:PORT[,HOST:PORT] --topic T [--limit N] [--from-offset N | "
                 "--from-time ISO]",
                 "preview --table DB.TABLE [--limit N] [--format tsv|jsonl|csv] [--output FILE] [--consume | "
                 "--twin]",
                 "insert --table DB.TABLE --format FORMAT FILE",
             })
            QVERIFY2(top.out.find(synopsis) != std::string::npos, synopsis);
    }

    // README.md shows `ckstudio-cli --help`; the specs must not drift from it.
    void readmeShowsTheHelpAsPrinted() {
        QFile readme(QStringLiteral(CKSTUDIO_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("    Usage: ckstudio-cli COMMAND [OPTIONS]\n"));
        const qsizetype end = text.indexOf(QStringLiteral("for a command's options.\n"), start);
        QVERIFY(start >= 0 && end > start);
        QString shown = text.mid(start, end - start).replace(QStringLiteral("\n    "), QStringLiteral("\n"));
        shown = shown.mid(4); // the first line's indent
        const Run top = runCommand({QStringLiteral("--help")});
        const QString printed = QString::fromStdString(top.out);
        const qsizetype from = printed.indexOf(QStringLiteral("Usage: ckstudio-cli COMMAND"));
        QCOMPARE(printed.mid(from, shown.size()), shown);
    }

    void usageErrorsNameTheCommandAndExitTwo() {
        const Run r =
            runCommand({QStringLiteral("pull"), QStringLiteral("--integration"), QStringLiteral("i")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.rfind("ckstudio-cli pull: missing --project P\nUsage: ckstudio-cli pull ", 0) == 0,
                 r.err.c_str());
        const Run unknown = runCommand({QStringLiteral("integrations"), QStringLiteral("--colour")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.rfind("ckstudio-cli integrations: unknown option --colour\n", 0) == 0,
                 unknown.err.c_str());
    }

    // peek --bootstrap and preview still parse by hand; their specs must already say what they accept.
    void specsForTheHandParsedCommands() {
        const ParseResult direct = parse(
            peekDirectSpec(),
            words("--bootstrap b:9092 --topic t --limit 5 --from-time 0 --partition 1 --security-protocol "
                  "sasl_ssl "
                  "--sasl-mechanism SCRAM-SHA-256 --sasl-username u --ca-file c --cert-file c --key-file k "
                  "--format jsonl --timeout 5"));
        QVERIFY2(direct.error.isEmpty(), qPrintable(direct.error));
        QCOMPARE(parse(peekDirectSpec(), words("--bootstrap b --topic t --security-protocol tls")).error,
                 QStringLiteral(
                     "--security-protocol must be plaintext, ssl, sasl_plaintext or sasl_ssl, not 'tls'"));
        const ParseResult preview =
            parse(previewSpec(), words("--table db.t --limit 3 --format jsonl -o f --twin --twin-database x "
                                       "--clickhouse-url http://h:8123/ --user u --ca-file c"));
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QCOMPARE(parse(previewSpec(), words("--table db.t --consume --twin")).error,
                 QStringLiteral("--consume and --twin cannot be used together"));
    }
};

QTEST_GUILESS_MAIN(TestCliSpec)
#include "tst_cli_spec.moc"
