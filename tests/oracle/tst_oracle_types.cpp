// Oracle: the type parser (models/types) against ClickHouse 26.5 (the embedded engine) with default settings.
// Every type string of tests/types (TypeCorpus.h), the fixtures' column types and fuzz seeds, and several
// thousand generated ones (random types from the grammar and one-token mutations of valid ones, from a fixed
// seed) are each created as `CREATE TABLE db.t_N (c TYPE) ENGINE = Memory`, then read back from
// system.columns. For each:
// - we accept, no warning: 26.5 accepts, and system.columns.type is our canonical form;
// - we accept with a warning (a suspicious type): 26.5 refuses by default, accepts with the
//   allow_suspicious_* settings, and prints our canonical form;
// - we refuse: 26.5 refuses too, unless the refusal is one of the deliberate lints, which
//   docs/types-and-inference.md lists with the same names as kDeliberateLints below.
// We never accept what 26.5 refuses.
#include "../types/TypeCorpus.h"
#include "engine/EmbeddedClickHouse.h"
#include "types/ClickHouseType.h"
#include "types/ServerNames.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace ckstudio;

namespace {

// The refusals of types 26.5 accepts (TypeCheckResult::lint), each with its reason. The documentation's
// "Deliberate differences" table must name exactly these; the test fails when the two lists diverge.
const std::map<std::string, std::string> kDeliberateLints = {
    {"enum-value-wraps", "26.5 wraps an Enum value out of range around (Enum8('a' = 200) stores -56)"},
    {"argument-ignored", "26.5 drops the argument (DateTime('UTC', 3) is DateTime('UTC'))"},
};

const QString kDatabase = QStringLiteral("oracle_types");
constexpr std::size_t kGeneratedTypes = 2500;
constexpr std::size_t kMutations = 3000;

// ---- the corpus ----

struct Case {
    std::string type;
    std::string origin; // tests, fixture, generated, mutation
};

// Random types from the grammar the parser and the server share, valid and not: every family, alias
// spellings, argument counts and ranges around the limits, nesting of every wrapper.
class TypeGenerator {
public:
    explicit TypeGenerator(std::uint32_t seed)
        : m_random(seed) {}

    std::string type(int depth = 0) {
        if (depth >= 4 || chance(45))
            return scalar();
        switch (pick(10)) {
        case 0:
            return "Nullable(" + type(depth + 1) + ")";
        case 1:
            return "LowCardinality(" + (chance(50) ? "Nullable(" + scalar() + ")" : type(depth + 1)) + ")";
        case 2:
        case 3:
            return "Array(" + type(depth + 1) + ")";
        case 4:
            return "Tuple(" + elements(depth, chance(50)) + ")";
        case 5:
            return "Map(" + type(depth + 1) + ", " + type(depth + 1) + ")";
        case 6:
            return "Nested(" + elements(depth, true) + ")";
        case 7: {
            std::string members;
            for (int i = 0, n = 1 + pick(3); i < n; ++i)
                members += (i ? ", " : "") + type(depth + 1);
            return "Variant(" + members + ")";
        }
        case 8:
            return aggregate(depth);
        default:
            return json(depth);
        }
    }

private:
    bool chance(int percent) { return pick(100) < percent; }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    template <typename T> const T& oneOf(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
    }
    std::string number(int low, int high) {
        return std::to_string(std::uniform_int_distribution<int>(low, high)(m_random));
    }

    std::string name() {
        static const std::vector<std::string> names = {"a",     "b",     "x1",     "id",
                                                       "`k y`", "value", "String", "_t"};
        return oneOf(names);
    }

    std::string elements(int depth, bool named) {
        std::string out;
        for (int i = 0, n = 1 + pick(3); i < n; ++i)
            out += (i ? ", " : "") + (named ? name() + " " : std::string()) + type(depth + 1);
        return out;
    }

    std::string zone() {
        static const std::vector<std::string> zones = {"'UTC'", "'Europe/Berlin'", "'America/New_York'", "''",
                                                       "'Asia/Kolkata'"};
        return oneOf(zones);
    }

    std::string enumType() {
        static const std::vector<std::string> families = {"Enum8", "Enum16", "Enum", "enum"};
        const std::string family = oneOf(families);
        static const std::vector<std::string> names = {"'a'", "'b'", "'c d'", "'it''s'", "''", "'a'"};
        std::string out = family + "(";
        for (int i = 0, n = 1 + pick(4); i < n; ++i) {
            out += (i ? ", " : "") + oneOf(names);
            if (chance(80)) {
                static const std::vector<std::pair<int, int>> ranges = {
                    {-3, 10}, {120, 130}, {-130, -126}, {32760, 32770}, {-40000, 40000}};
                const auto [low, high] = oneOf(ranges);
                out += " = " + number(low, high);
            }
        }
        return out + ")";
    }

    std::string scalar() {
        switch (pick(16)) {
        case 0: {
            static const std::vector<std::string> ints = {"Int8",   "Int16",  "Int32",   "Int64",
                                                          "Int128", "Int256", "UInt8",   "UInt16",
                                                          "UInt32", "UInt64", "UInt128", "UInt256"};
            return oneOf(ints) + (chance(10) ? "(" + number(0, 300) + ")" : "");
        }
        case 1: {
            static const std::vector<std::string> floats = {"Float32", "Float64", "BFloat16"};
            return oneOf(floats);
        }
        case 2: {
            static const std::vector<std::string> aliases = {"BIGINT",
                                                             "int",
                                                             "INT UNSIGNED",
                                                             "DOUBLE PRECISION",
                                                             "varchar(255)",
                                                             "TEXT",
                                                             "BOOLEAN",
                                                             "INET6",
                                                             "CHARACTER VARYING",
                                                             "TINYINT SIGNED",
                                                             "BINARY(8)",
                                                             "timestamp",
                                                             "REAL",
                                                             "NUMERIC(10, 2)",
                                                             "Byte",
                                                             "YEAR",
                                                             "bit",
                                                             "national char varying",
                                                             "BLOB",
                                                             "SET"};
            return oneOf(aliases);
        }
        case 3:
            switch (pick(4)) {
            case 0:
                return "Decimal(" + number(0, 80) + ", " + number(-1, 40) + ")";
            case 1:
                return "Decimal(" + number(1, 76) + ")";
            case 2:
                return "Decimal";
            default: {
                static const std::vector<std::string> fixed = {"Decimal32", "Decimal64", "Decimal128",
                                                               "Decimal256", "decimal64"};
                return oneOf(fixed) + "(" + number(0, 80) + ")";
            }
            }
        case 4:
            return chance(30) ? "String(" + number(0, 1000) + ")" : "String";
        case 5: {
            static const std::vector<int> sizes = {0, 1, 16, 256, 257, 100000};
            return "FixedString(" + std::to_string(oneOf(sizes)) + ")";
        }
        case 6: {
            static const std::vector<std::string> plain = {"UUID", "IPv4",   "IPv6", "Bool",
                                                           "Date", "Date32", "Time"};
            return oneOf(plain) + (chance(5) ? "()" : "");
        }
        case 7:
            switch (pick(5)) {
            case 0:
                return "DateTime";
            case 1:
                return "DateTime(" + zone() + ")";
            case 2:
                return "DateTime(" + number(0, 10) + (chance(50) ? ", " + zone() : "") + ")";
            case 3:
                return "DateTime64(" + number(-1, 10) + (chance(50) ? ", " + zone() : "") + ")";
            default:
                return "DateTime64";
            }
        case 8:
            return chance(70) ? "Time64(" + number(0, 10) + ")" : "Time64";
        case 9:
            return enumType();
        case 10: {
            static const std::vector<std::string> intervals = {
                "IntervalSecond", "IntervalDay", "IntervalYear", "IntervalNanosecond", "Nothing"};
            return oneOf(intervals);
        }
        case 11: {
            static const std::vector<std::string> geo = {
                "Point", "Ring", "Polygon", "MultiPolygon", "LineString", "MultiLineString", "Geometry"};
            return oneOf(geo);
        }
        case 12:
            return chance(50) ? "Dynamic" : "Dynamic(max_types=" + number(0, 300) + ")";
        case 13:
            return chance(50) ? "JSON" : json(3);
        case 14:
            return "Tuple()";
        default:
            return "String";
        }
    }

    std::string json(int depth) {
        std::string out;
        for (int i = 0, n = pick(4); i < n; ++i) {
            out += i ? ", " : "";
            switch (pick(5)) {
            case 0:
                out += "max_dynamic_paths=" + number(0, 12000);
                break;
            case 1:
                out += "max_dynamic_types=" + number(0, 300);
                break;
            case 2:
                out += "SKIP " + oneOf(std::vector<std::string>{"a", "a.b", "`x y`", "c"});
                break;
            case 3:
                out += "SKIP REGEXP " + oneOf(std::vector<std::string>{"'x.*'", "'^a'", "'b+'"});
                break;
            default:
                out += oneOf(std::vector<std::string>{"a", "a.b", "b", "`k y`.z", "skip"}) + " " +
                       (depth < 4 ? type(depth + 1) : scalar());
            }
        }
        return "JSON(" + out + ")";
    }

    std::string aggregate(int depth) {
        // Functions whose argument may be of any type, so that the type decides the verdict.
        static const std::vector<std::string> any = {
            "any", "anyLast", "uniq", "count", "groupArray", "min", "max", "argMax", "quantiles(0.5, 0.9)"};
        static const std::vector<std::string> simple = {"any",  "anyLast",         "min",   "max", "sum",
                                                        "uniq", "groupArrayArray", "sumMap"};
        if (chance(50))
            return "SimpleAggregateFunction(" + oneOf(simple) + ", " + type(depth + 1) + ")";
        const std::string f = oneOf(any);
        std::string out = "AggregateFunction(" + f;
        for (int i = 0, n = f == "argMax" ? 2 : (f == "count" ? pick(2) : 1); i < n; ++i)
            out += ", " + type(depth + 1);
        return out + ")";
    }

    std::mt19937 m_random;
};

// Tokens of a type string: words, numbers, quoted strings and identifiers, single punctuation.
std::vector<std::string> tokens(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        std::size_t j = i + 1;
        if (c == ' ') {
            ++i;
            continue;
        }
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
        } else if (c == '\'' || c == '`') {
            while (j < s.size() && s[j] != c)
                j += s[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, s.size());
        }
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join(const std::vector<std::string>& t) {
    std::string out;
    for (const auto& x : t) {
        const bool word = !x.empty() && (std::isalnum(static_cast<unsigned char>(x[0])) || x[0] == '_');
        const bool prevWord =
            !out.empty() && (std::isalnum(static_cast<unsigned char>(out.back())) || out.back() == '_');
        out += (word && prevWord ? " " : "") + x;
    }
    return out;
}

// One-token edits of a valid type: drop or duplicate a token, change a number, swap the case of a word,
// remove a parenthesis, insert a space inside a word.
std::string mutate(const std::string& type, std::mt19937& random) {
    std::vector<std::string> t = tokens(type);
    if (t.empty())
        return type;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    const std::size_t at = pick(t.size());
    switch (pick(6)) {
    case 0:
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(at));
        break;
    case 1:
        t.insert(t.begin() + static_cast<std::ptrdiff_t>(at), t[at]);
        break;
    case 2: {
        std::vector<std::size_t> numbers;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (std::isdigit(static_cast<unsigned char>(t[i][0])))
                numbers.push_back(i);
        if (numbers.empty())
            return type + " "; // a trailing space: still the same type
        static const std::vector<std::string> values = {"0",   "1",     "9",     "10",         "38",
                                                        "76",  "77",    "127",   "128",        "255",
                                                        "256", "10001", "65536", "99999999999"};
        t[numbers[pick(numbers.size())]] = values[pick(values.size())];
        break;
    }
    case 3:
        for (char& c : t[at])
            c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c))
                                                            : static_cast<char>(std::toupper(c));
        break;
    case 4: {
        std::vector<std::size_t> parens;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (t[i] == "(" || t[i] == ")")
                parens.push_back(i);
        if (parens.empty())
            return type + "()";
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(parens[pick(parens.size())]));
        break;
    }
    default:
        if (t[at].size() > 1 && std::isalpha(static_cast<unsigned char>(t[at][0])))
            t[at].insert(1 + pick(t[at].size() - 1), " ");
        else
            t.insert(t.begin() + static_cast<std::ptrdiff_t>(at), " ");
        break;
    }
    return join(t);
}

// Column types of the fixtures (every "columns": [{"type": ...}] in a JSON file) and the type fuzzer's seeds.
std::vector<std::string> fixtureTypes() {
    std::vector<std::string> out;
    const QString root = QStringLiteral(CKSTUDIO_FIXTURES_DIR);
    QDirIterator seeds(root + QStringLiteral("/fuzz/fuzz_type_parser"), {QStringLiteral("*.txt")},
                       QDir::Files);
    while (seeds.hasNext()) {
        QFile f(seeds.next());
        if (f.open(QIODevice::ReadOnly))
            out.push_back(f.readAll().toStdString());
    }
    std::function<void(const QJsonValue&)> walk = [&](const QJsonValue& v) {
        if (v.isArray()) {
            for (const auto& x : v.toArray())
                walk(x);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QJsonValue columns = o.value(QStringLiteral("columns"));
            if (columns.isArray())
                for (const auto& c : columns.toArray())
                    if (c.toObject().value(QStringLiteral("type")).isString())
                        out.push_back(c.toObject().value(QStringLiteral("type")).toString().toStdString());
            for (const auto& x : o)
                walk(x);
        }
    };
    QDirIterator json(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (json.hasNext()) {
        QFile f(json.next());
        if (f.open(QIODevice::ReadOnly))
            walk(QJsonDocument::fromJson(f.readAll()).object());
    }
    return out;
}

// The names in the documentation's "Deliberate differences" table: rows that start with | `name` |.
std::set<std::string> documentedLints(QString* error) {
    QFile doc(QStringLiteral(CKSTUDIO_SOURCE_DIR "/docs/types-and-inference.md"));
    if (!doc.open(QIODevice::ReadOnly)) {
        *error = doc.fileName() + QStringLiteral(": ") + doc.errorString();
        return {};
    }
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("### Deliberate differences"));
    if (start < 0) {
        *error = QStringLiteral("docs/types-and-inference.md has no \"### Deliberate differences\" section");
        return {};
    }
    const qsizetype end = text.indexOf(QStringLiteral("\n#"), start + 4);
    const QString section = text.mid(start, end < 0 ? -1 : end - start);
    std::set<std::string> names;
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z-]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(section); it.hasNext();)
        names.insert(it.next().captured(1).toStdString());
    return names;
}

// What the engine made of one CREATE TABLE.
struct Verdict {
    bool accepted = false;
    int code = 0;
    QString message;
    std::vector<std::pair<QString, QString>> columns; // name, type from system.columns
};

bool containsAggregateFunction(const ClickHouseType& t) {
    if (t.family == "AggregateFunction" || t.family == "SimpleAggregateFunction")
        return true;
    return std::any_of(t.arguments.begin(), t.arguments.end(),
                       [](const auto& a) { return a.type && containsAggregateFunction(*a.type); });
}

// The one thing the parser leaves to the server (docs/types-and-inference.md): whether an aggregate function
// takes the argument types and parameters given (quantiles' levels in 0..1, sumMap of a Map, sum of a number,
// the state type of a SimpleAggregateFunction, whether a JSON among the arguments gets its typed paths
// checked...). 26.5 answers with one of these codes, naming the function
// or its combinator.
bool aggregateFunctionRefusal(const ClickHouseType& ours, const Verdict& v) {
    static const std::set<int> codes = {12, 35, 36, 42, 43, 386};
    static const QRegularExpression about(QStringLiteral(
        "aggregate function|Aggregate function|quantile|Quantile|level|argument|groupArrayLast|max_elems|"
        "JSON serialization|Map key type"));
    return containsAggregateFunction(ours) && codes.count(v.code) && about.match(v.message).hasMatch();
}

// The columns a type we accept becomes: one column c, or c.field Array(T) per field of a top-level Nested
// (flatten_nested = 1).
std::vector<std::pair<QString, QString>> expectedColumns(const ClickHouseType& type) {
    if (type.family != "Nested")
        return {{QStringLiteral("c"), QString::fromStdString(type.toString())}};
    std::vector<std::pair<QString, QString>> out;
    for (const auto& field : type.arguments)
        out.emplace_back(QStringLiteral("c.") + QString::fromStdString(field.text),
                         QStringLiteral("Array(%1)").arg(QString::fromStdString(field.type->toString())));
    return out;
}

QString describe(const std::vector<std::pair<QString, QString>>& columns) {
    QStringList parts;
    for (const auto& [name, type] : columns)
        parts << name + QStringLiteral(" ") + type;
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestOracleTypes : public QObject {
    Q_OBJECT
    std::unique_ptr<EmbeddedClickHouse> m_engine;
    int m_batch = 0;

    EngineReply run(const QString& sql) { return m_engine->query(sql.toUtf8(), "JSONCompactEachRow"); }

    // Creates one table per type in a fresh database, reads every table's columns back in one query.
    std::vector<Verdict> createAll(const std::vector<std::string>& types) {
        std::vector<Verdict> out(types.size());
        constexpr std::size_t kBatch = 400;
        for (std::size_t first = 0; first < types.size(); first += kBatch) {
            const QString db = kDatabase + QString::number(++m_batch);
            run(QStringLiteral("CREATE DATABASE %1").arg(db));
            const std::size_t last = std::min(types.size(), first + kBatch);
            for (std::size_t i = first; i < last; ++i) {
                const EngineReply r = run(QStringLiteral("CREATE TABLE %1.t_%2 (c %3) ENGINE = Memory")
                                              .arg(db)
                                              .arg(i)
                                              .arg(QString::fromStdString(types[i])));
                out[i].accepted = r.ok();
                if (!r.ok()) {
                    out[i].code = r.error->serverCode;
                    out[i].message = r.error->message.left(300);
                }
            }
            const EngineReply columns = run(
                QStringLiteral("SELECT toUInt32(substring(table, 3)), name, type FROM system.columns WHERE "
                               "database = '%1' ORDER BY table, position")
                    .arg(db));
            if (columns.ok()) {
                for (const QByteArray& line : columns.data.split('\n')) {
                    const QJsonArray row = QJsonDocument::fromJson(line).array();
                    if (row.size() != 3)
                        continue;
                    const auto index = static_cast<std::size_t>(row[0].toInteger());
                    if (index < out.size())
                        out[index].columns.emplace_back(row[1].toString(), row[2].toString());
                }
            }
            run(QStringLiteral("DROP DATABASE %1").arg(db));
        }
        return out;
    }

private slots:
    void initTestCase() {
        if (!EmbeddedClickHouse::loadError().isEmpty())
            QSKIP(qPrintable(EmbeddedClickHouse::loadError()));
        ClickHouseError error;
        m_engine = EmbeddedClickHouse::open(QString(), &error);
        QVERIFY2(m_engine, qPrintable(error.toString()));
        QVERIFY2(m_engine->version().startsWith(QLatin1String("26.5")), qPrintable(m_engine->version()));
    }

    void cleanupTestCase() { m_engine.reset(); }

    void lintsAreDocumented() {
        QString error;
        const std::set<std::string> documented = documentedLints(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        std::set<std::string> ours;
        for (const auto& [name, reason] : kDeliberateLints)
            ours.insert(name);
        for (const auto& name : ours)
            QVERIFY2(documented.count(name),
                     qPrintable(QStringLiteral("lint %1 is not in docs/types-and-inference.md")
                                    .arg(QString::fromStdString(name))));
        for (const auto& name : documented)
            QVERIFY2(ours.count(name), qPrintable(QStringLiteral("the doc lists %1, the oracle does not")
                                                      .arg(QString::fromStdString(name))));
    }

    // The names the parser checks against (models/types/ServerNames.cpp) are the engine's own.
    void namesAreTheEngines() {
        auto column = [this](const char* sql) {
            QStringList out;
            for (const QByteArray& line : m_engine->query(sql, "TabSeparated").data.split('\n'))
                if (!line.isEmpty())
                    out << QString::fromUtf8(line);
            return out;
        };
        QStringList zones;
        for (const auto z : types::serverTimeZones())
            zones << QString::fromUtf8(z.data(), qsizetype(z.size()));
        QCOMPARE(zones, column("SELECT time_zone FROM system.time_zones ORDER BY time_zone"));
        QStringList functions;
        for (const auto& f : types::serverAggregateFunctions())
            functions << QStringLiteral("%1\t%2\t%3")
                             .arg(QString::fromUtf8(f.name.data(), qsizetype(f.name.size())))
                             .arg(f.caseInsensitive ? 1 : 0)
                             .arg(QString::fromUtf8(f.aliasTo.data(), qsizetype(f.aliasTo.size())));
        QCOMPARE(functions, column("SELECT name, case_insensitive, alias_to FROM system.functions WHERE "
                                   "is_aggregate ORDER BY name"));
        QStringList combinators;
        for (const auto c : types::serverAggregateCombinators())
            combinators << QString::fromUtf8(c.data(), qsizetype(c.size()));
        QCOMPARE(combinators,
                 column("SELECT name FROM system.aggregate_function_combinators ORDER BY name"));
    }

    void parserAgreesWithServer() {
        std::vector<Case> cases;
        std::set<std::string> seen;
        auto add = [&](const std::string& type, const char* origin) {
            if (seen.insert(type).second)
                cases.push_back({type, origin});
        };
        test::forEachValidType([&](const char* in, const char* canonical) {
            add(in, "tests");
            add(canonical, "tests");
        });
        test::forEachInvalidType([&](const char*, const char* in, int, const char*) { add(in, "tests"); });
        for (const char* t : test::typesProbedOn1816())
            add(t, "tests");
        for (const auto& t : fixtureTypes())
            add(t, "fixture");
        const std::size_t handWritten = cases.size();

        // Fixed seeds, so that a run is repeatable; CKSTUDIO_ORACLE_SEED=N explores another corpus.
        const int seed = qEnvironmentVariableIntValue("CKSTUDIO_ORACLE_SEED");
        TypeGenerator generator(seed ? std::uint32_t(seed) : 20261207u);
        for (std::size_t n = 0; n < kGeneratedTypes * 4 && cases.size() < handWritten + kGeneratedTypes; ++n)
            add(generator.type(), "generated");
        std::vector<std::string> valid;
        for (const auto& c : cases)
            if (checkClickHouseType(c.type))
                valid.push_back(c.type);
        std::mt19937 random(seed ? std::uint32_t(seed) + 1 : 7u);
        const std::size_t target = cases.size() + kMutations;
        for (std::size_t n = 0; n < kMutations * 4 && cases.size() < target; ++n)
            add(mutate(valid[std::uniform_int_distribution<std::size_t>(0, valid.size() - 1)(random)],
                       random),
                "mutation");
        QVERIFY2(cases.size() >= handWritten + 5000, qPrintable(QString::number(cases.size())));

        std::vector<std::string> types;
        for (const auto& c : cases)
            types.push_back(c.type);
        QElapsedTimer timer;
        timer.start();
        const std::vector<Verdict> verdicts = createAll(types);

        // Suspicious types once more, with the settings their warnings name.
        std::vector<std::size_t> warned;
        std::vector<std::string> warnedTypes;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto r = checkClickHouseType(cases[i].type);
            if (r && !r.warnings.empty()) {
                warned.push_back(i);
                warnedTypes.push_back(cases[i].type);
            }
        }
        run(QStringLiteral("SET allow_suspicious_low_cardinality_types = 1, allow_suspicious_fixed_string_types = "
                           "1, allow_suspicious_variant_types = 1"));
        const std::vector<Verdict> permissive = createAll(warnedTypes);
        run(QStringLiteral("SET allow_suspicious_low_cardinality_types = 0, allow_suspicious_fixed_string_types = "
                           "0, allow_suspicious_variant_types = 0"));
        const qint64 elapsed = timer.elapsed();

        std::map<std::string, int> counts;
        QStringList failures;
        auto failure = [&](const Case& c, const QString& what) {
            const QString line =
                QStringLiteral("[%1] %2: %3").arg(QString::fromStdString(c.origin), QString::fromStdString(c.type), what);
            if (failures.size() < 300) // QVERIFY2 cuts long messages: each one on its own line
                qWarning("%s", qPrintable(line));
            if (failures.size() < 10)
                failures << line;
            ++counts["failures"];
        };
        std::size_t w = 0;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const Case& c = cases[i];
            const Verdict& v = verdicts[i];
            const TypeCheckResult ours = checkClickHouseType(c.type);
            ++counts[c.origin];
            const QString server = v.accepted
                                       ? QStringLiteral("26.5 accepts it as ") + describe(v.columns)
                                       : QStringLiteral("26.5: Code %1. %2").arg(v.code).arg(v.message);
            if (!ours) {
                if (!v.accepted) {
                    ++counts["both refuse"];
                } else if (!ours.lint.empty() && kDeliberateLints.count(ours.lint)) {
                    ++counts["deliberate lint"];
                } else {
                    failure(
                        c,
                        QStringLiteral("we refuse (%1), %2").arg(QString::fromStdString(ours.error), server));
                }
                continue;
            }
            const auto expected = expectedColumns(*ours.type);
            const Verdict* p = ours.warnings.empty() ? nullptr : &permissive[w++];
            if (!v.accepted && aggregateFunctionRefusal(*ours.type, v)) {
                ++counts["aggregate function arguments (the server's to check)"];
                continue;
            }
            if (ours.warnings.empty()) {
                if (!v.accepted) {
                    failure(c, QStringLiteral("we accept as %1, %2").arg(describe(expected), server));
                } else if (v.columns != expected) {
                    failure(c, QStringLiteral("we print %1, %2").arg(describe(expected), server));
                } else {
                    ++counts["both accept"];
                }
                continue;
            }
            if (v.accepted)
                failure(c, QStringLiteral("we warn (%1), 26.5 accepts it by default")
                               .arg(QString::fromStdString(ours.warnings.front())));
            else if (v.code != 455 && v.code != 44 && v.code != 386) // 386: intervals of different units
                failure(c, QStringLiteral("we warn (%1), %2")
                               .arg(QString::fromStdString(ours.warnings.front()), server));
            else if (!p->accepted)
                failure(c, QStringLiteral("we warn (%1), 26.5 refuses it even with the settings: Code %2. %3")
                               .arg(QString::fromStdString(ours.warnings.front()))
                               .arg(p->code)
                               .arg(p->message));
            else if (p->columns != expected)
                failure(c, QStringLiteral("we print %1, 26.5 with the settings %2")
                               .arg(describe(expected), describe(p->columns)));
            else
                ++counts["warned, accepted with the setting"];
        }
        QStringList summary;
        for (const auto& [what, n] : counts)
            summary << QStringLiteral("%1: %2").arg(QString::fromStdString(what)).arg(n);
        qInfo("%zu types (%zu hand-written), %zu statements in %lld ms; %s", cases.size(), handWritten,
              cases.size() + warned.size(), static_cast<long long>(elapsed),
              qPrintable(summary.join(QStringLiteral(", "))));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 disagreements, the first:\n").arg(counts["failures"]) +
                            failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestOracleTypes)
#include "tst_oracle_types.moc"
