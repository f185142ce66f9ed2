// Streaming parsers, row storage and exporters of the preview, without a server. Every parser test feeds the
// same bytes split at every possible point and must get the same rows.
#include "clickhouse/ServerCapabilities.h"
#include "clickhouse/TableInspector.h"
#include "clickhouse/TableName.h"
#include "preview/ResultStreamParser.h"
#include "preview/RowExport.h"
#include "preview/ServerErrorText.h"

#include <QTest>
#include <array>
#include <iterator>
#include <sstream>

using namespace ckstudio;

namespace {

struct Parsed {
    ResultColumns columns;
    std::vector<std::vector<std::pair<CellKind, std::string>>> rows;
    std::optional<StreamError> error;
};

Parsed parseChunks(WireFormat format, const std::vector<std::string_view>& chunks, qsizetype cap = 1 << 30) {
    RowStore store;
    auto parser = ResultStreamParser::create(format, store);
    parser->setRowCap(cap);
    for (auto c : chunks)
        parser->feed(c);
    parser->finish();
    Parsed p;
    p.columns = parser->columns();
    p.error = parser->error();
    for (qsizetype r = 0; r < store.rowCount(); ++r) {
        p.rows.emplace_back();
        for (int c = 0; c < store.columnCount(); ++c) {
            const auto cell = store.cell(r, c);
            p.rows.back().emplace_back(cell.kind, std::string(cell.bytes));
        }
    }
    return p;
}

// Parses `text` whole, then split in two at every position, then in single bytes; all must agree.
Parsed parseEverySplit(WireFormat format, std::string_view text) {
    const Parsed whole = parseChunks(format, {text});
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const Parsed split = parseChunks(format, {text.substr(0, i), text.substr(i)});
        if (split.rows != whole.rows || split.error.has_value() != whole.error.has_value()) {
            qWarning("split at %zu differs", i);
            return Parsed{
                {}, {}, StreamError{StreamError::Kind::Format, QStringLiteral("split mismatch"), -1}};
        }
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < text.size(); ++i)
        bytes.push_back(text.substr(i, 1));
    const Parsed single = parseChunks(format, bytes);
    if (single.rows != whole.rows)
        return Parsed{
            {}, {}, StreamError{StreamError::Kind::Format, QStringLiteral("byte-wise mismatch"), -1}};
    return whole;
}

using Cell = std::pair<CellKind, std::string>;
Cell text(std::string s) {
    return {CellKind::Text, std::move(s)};
}
Cell null() {
    return {CellKind::Null, {}};
}

} // namespace

class TestPreviewParsers : public QObject {
    Q_OBJECT
private slots:
    void tsvUnescapesAndKeepsNullDistinct() {
        const std::string tsv = "s\tn\ta\tu\n"
                                "String\tNullable(String)\tArray(String)\tUInt64\n"
                                "tab\\there\\nnew\\\\back\\'q\t\\N\t['a\\'b','c']\t18446744073709551615\n"
                                "\\\\N\t\t[]\t0\n"
                                "emoji \xF0\x9F\x98\x80\tnull\t[NULL]\t1\n";
        const auto p = parseEverySplit(WireFormat::TabSeparatedWithNamesAndTypes, tsv);
        QVERIFY2(!p.error, p.error ? qPrintable(p.error->message) : "");
        QCOMPARE(p.columns.size(), 4u);
        QCOMPARE(p.columns[1].type, QStringLiteral("Nullable(String)"));
        QCOMPARE(p.rows.size(), 3u);
        QCOMPARE(p.rows[0][0], text("tab\there\nnew\\back'q"));
        QCOMPARE(p.rows[0][1], null());
        QCOMPARE(p.rows[0][2], Cell(CellKind::Literal, "['a\\'b','c']"));
        QCOMPARE(p.rows[0][3], text("18446744073709551615"));
        QCOMPARE(p.rows[1][0], text("\\N")); // the string backslash-N is not NULL
        QCOMPARE(p.rows[1][1], text(""));    // empty is not NULL
        QCOMPARE(p.rows[2][0], text("emoji \xF0\x9F\x98\x80"));
        QCOMPARE(p.rows[2][1], text("null")); // the string "null" is not NULL
    }

    void tsvTypesLineIsUnescaped() {
        const auto p = parseEverySplit(WireFormat::TabSeparatedWithNamesAndTypes,
                                       "e\nEnum8(\\'a\\' = 1, \\'b\\' = 2)\na\n");
        QVERIFY(!p.error);
        QCOMPARE(p.columns[0].type, QStringLiteral("Enum8('a' = 1, 'b' = 2)"));
        QCOMPARE(p.rows.size(), 1u);
    }

    void tsvErrorAfterRowsIsAnError() {
        const std::string body =
            "n\tx\nUInt64\tUInt8\n1\t0\n2\t0\n"
            "Code: 395, e.displayText() = DB::Exception: Value passed to 'throwIf' function is "
            "non zero, e.what() = DB::Exception\n";
        const auto p = parseEverySplit(WireFormat::TabSeparatedWithNamesAndTypes, body);
        QVERIFY(p.error);
        QCOMPARE(p.error->kind, StreamError::Kind::Server);
        QCOMPARE(p.error->serverCode, 395);
        QVERIFY(p.error->message.startsWith(QStringLiteral("Value passed to 'throwIf'")));
    }

    void tsvOneColumnErrorVersusData() {
        // One String column: a trailing "Code: N" line is an error...
        const auto err = parseChunks(WireFormat::TabSeparatedWithNamesAndTypes,
                                     {"s\nString\nok\nCode: 60. DB::Exception: boom. (UNKNOWN_TABLE)\n"});
        QVERIFY(err.error);
        QCOMPARE(err.error->serverCode, 60);
        QCOMPARE(err.rows.size(), 1u);
        // ...but a value that merely looks like one, followed by lots of data, is data.
        std::string data = "s\nString\nCode: 1, e.displayText() = DB::Exception: not really\n";
        for (int i = 0; i < 20000; ++i)
            data += "row " + std::to_string(i) + "\n";
        const auto ok = parseChunks(WireFormat::TabSeparatedWithNamesAndTypes, {data});
        QVERIFY2(!ok.error, ok.error ? qPrintable(ok.error->message) : "");
        QCOMPARE(ok.rows.size(), 20001u);
        QCOMPARE(ok.rows[0][0], text("Code: 1, e.displayText() = DB::Exception: not really"));
    }

    void tsvWrongFieldCountIsFormatError() {
        const auto p = parseChunks(WireFormat::TabSeparatedWithNamesAndTypes, {"a\tb\nUInt8\tUInt8\n1\n"});
        QVERIFY(p.error);
        QCOMPARE(p.error->kind, StreamError::Kind::Format);
        QVERIFY(p.error->message.contains(QStringLiteral("line 3")));
    }

    void jsonCompactParsesValues() {
        const std::string json =
            "[\"u\",\"s\",\"n\",\"a\",\"d\",\"b\"]\n"
            "[\"UInt64\",\"String\",\"Nullable(String)\",\"Array(String)\",\"Decimal(18, 3)\",\"UInt8\"]\n"
            "[\"18446744073709551615\",\"tab\\there \\\"q\\\" \\\\N \\u00e9 "
            "\\ud83d\\ude00\",null,[\"a\\\"b\",\"c\"],\"123.456\",7]\n"
            "[\"0\", \"null\" , \"\", [], \"-1.000\", 0]\n";
        const auto p = parseEverySplit(WireFormat::JSONCompactEachRowWithNamesAndTypes, json);
        QVERIFY2(!p.error, p.error ? qPrintable(p.error->message) : "");
        QCOMPARE(p.columns[4].type, QStringLiteral("Decimal(18, 3)"));
        QCOMPARE(p.rows.size(), 2u);
        QCOMPARE(p.rows[0][0], text("18446744073709551615"));
        QCOMPARE(p.rows[0][1], text("tab\there \"q\" \\N \xC3\xA9 \xF0\x9F\x98\x80"));
        QCOMPARE(p.rows[0][2], null());
        QCOMPARE(p.rows[0][3], Cell(CellKind::JsonText, "[\"a\\\"b\",\"c\"]"));
        QCOMPARE(p.rows[0][5], text("7"));
        QCOMPARE(p.rows[1][1], text("null"));
        QCOMPARE(p.rows[1][2], text(""));
    }

    void jsonCompactErrorAppendedMidRow() {
        const std::string body =
            "[\"n\"]\n[\"UInt64\"]\n[\"1\"]\n[\"2\"]\n[\"3Code: 395, e.displayText() = "
            "DB::Exception: Value passed to 'throwIf' function is non zero, e.what() = DB::Exception\n";
        const auto p = parseEverySplit(WireFormat::JSONCompactEachRowWithNamesAndTypes, body);
        QVERIFY(p.error);
        QCOMPARE(p.error->kind, StreamError::Kind::Server);
        QCOMPARE(p.error->serverCode, 395);
        QCOMPARE(p.rows.size(), 2u);
    }

    // 25.11+ (src/Server/HTTP/HTTP1/HTTP1ServerResponse.cpp): "\r\n__exception__\r\nTAG\r\n" message
    // LEN " " TAG "\r\n__exception__\r\n", cut anywhere by the transport.
    void exceptionTagFrameIsAnError() {
        const std::string message = "Code: 241. DB::Exception: Memory limit. (MEMORY_LIMIT_EXCEEDED)\n";
        const std::string frame = "\r\n__exception__\r\nABCDEFGH12345678\r\n" + message +
                                  std::to_string(message.size()) + " ABCDEFGH12345678\r\n__exception__\r\n";
        for (const auto format :
             {WireFormat::TabSeparatedWithNamesAndTypes, WireFormat::JSONCompactEachRowWithNamesAndTypes}) {
            const bool tsv = format == WireFormat::TabSeparatedWithNamesAndTypes;
            for (const std::string& rows :
                 {tsv ? std::string("s\nString\na\nb\n")
                      : std::string("[\"s\"]\n[\"String\"]\n[\"a\"]\n[\"b\"]\n"),
                  tsv ? std::string("s\tn\nString\tUInt8\na\t1\nb\t2\n")
                      : std::string("[\"s\",\"n\"]\n[\"String\",\"UInt8\"]\n[\"a\",\"1\"]\n[\"b\",\"2\"]\n"),
                  tsv ? std::string("s\tn\nString\tUInt8\na\t1\nb\t2\nc\t")
                      : std::string(
                            "[\"s\",\"n\"]\n[\"String\",\"UInt8\"]\n[\"a\",\"1\"]\n[\"b\",\"2\"]\n[\"c")}) {
                const auto p = parseEverySplit(format, rows + frame);
                QVERIFY2(p.error, rows.c_str());
                QCOMPARE(p.error->kind, StreamError::Kind::Server);
                QCOMPARE(p.error->serverCode, 241);
                QCOMPARE(p.error->message, QStringLiteral("Memory limit. (MEMORY_LIMIT_EXCEEDED)"));
                QCOMPARE(p.rows.size(), 2u); // the two complete rows; no "\r" row, no cut row
            }
        }
    }

    // 24.11-25.10: "__exception__\r\n" message, right after whatever had been written.
    void exceptionMarkerIsAnError() {
        const std::string block =
            "__exception__\r\nCode: 159. DB::Exception: Timeout exceeded. (TIMEOUT_EXCEEDED)\n";
        for (const std::string& rows :
             {std::string("s\nString\na\nb\n"), std::string("s\nString\na\nb\nc")}) {
            const auto p = parseEverySplit(WireFormat::TabSeparatedWithNamesAndTypes, rows + block);
            QVERIFY(p.error);
            QCOMPARE(p.error->serverCode, 159);
            QCOMPARE(p.error->message, QStringLiteral("Timeout exceeded. (TIMEOUT_EXCEEDED)"));
            QCOMPARE(p.rows.size(), 2u);
        }
    }

    // A line ending in a raw CR is not a row of either format, with or without a frame after it.
    void rawCarriageReturnLineIsNotARow() {
        const auto p = parseEverySplit(WireFormat::TabSeparatedWithNamesAndTypes, "s\nString\na\n\r\n");
        QVERIFY(p.error);
        QCOMPARE(p.error->kind, StreamError::Kind::Format);
        QCOMPARE(p.rows.size(), 1u);
    }

    void findExceptionBlockReadsEveryLayout() {
        const std::string message =
            "Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero: "
            "while executing 'FUNCTION throwIf(...)'.\n42 lines\n(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)\n";
        const std::string tagged = "[\"9\"]\n\r\n__exception__\r\nabcdefghijklmnop\r\n" + message +
                                   std::to_string(message.size()) + " abcdefghijklmnop\r\n__exception__\r\n";
        for (const std::string_view tag : {std::string_view("abcdefghijklmnop"), std::string_view()}) {
            const auto block = findExceptionBlock(tagged, tag);
            QVERIFY(block);
            QVERIFY(block->tagged);
            QCOMPARE(block->start, std::size_t(6));
            QCOMPARE(block->error.code, 395);
            QVERIFY(block->error.message.endsWith(
                QStringLiteral("42 lines\n(FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)")));
        }
        QVERIFY(!findExceptionBlock(tagged, "otherotherother1")); // a header tag that is not in the body
        const std::string cut =
            "[\"9\"]\n\r\n__exception__\r\nabcdefghijklmnop\r\nCode: 241. DB::Exception: Mem";
        const auto partial = findExceptionBlock(cut, "abcdefghijklmnop");
        QVERIFY(partial);
        QCOMPARE(partial->error.code, 241);
        const auto marker = findExceptionBlock("1\n2__exception__\r\nCode: 241. DB::Exception: x. (Y)\n");
        QVERIFY(marker);
        QVERIFY(!marker->tagged);
        QCOMPARE(marker->start, std::size_t(3));
        QCOMPARE(marker->error.message, QStringLiteral("x. (Y)"));
        QVERIFY(!findExceptionBlock("a\tb\n__exception__ in data\n"));
    }

    // 21.12+ commit nothing on a direct SELECT unless kafka_commit_on_select is on (PR #31053).
    void kafkaPreviewPlanSaysWhatASelectDoesOnThatVersion() {
        TableInfo info;
        info.name = TableName{QStringLiteral("service_kafka"), QStringLiteral("events")};
        info.exists = true;
        info.engine = QStringLiteral("Kafka");
        info.engineFull =
            QStringLiteral("Kafka SETTINGS kafka_broker_list = 'b:9092', kafka_topic_list = 'ev', "
                           "kafka_group_name = 'g1', kafka_format = 'JSONEachRow'");
        info.topics = {QStringLiteral("ev")};
        info.consumerGroup = QStringLiteral("g1");
        const PreviewPlan old = planPreview(info, {18, 16});
        QVERIFY(old.consumes);
        QVERIFY(old.commitsOffsets);
        QVERIFY(old.explanation().contains(QStringLiteral("CONSUMES messages as consumer group 'g1'")));
        const PreviewPlan modern = planPreview(info, {26, 5});
        QVERIFY(modern.consumes);
        QVERIFY(!modern.commitsOffsets);
        QVERIFY2(modern.explanation().contains(QStringLiteral("committed offsets stay")),
                 qPrintable(modern.explanation()));
        info.attachedViews = {QStringLiteral("default.events_mv")};
        QVERIFY2(planPreview(info, {25, 8})
                     .explanation()
                     .contains(QStringLiteral(
                         "refuses the read while materialized view default.events_mv is attached")),
                 qPrintable(planPreview(info, {25, 8}).explanation()));
        info.engineFull += QStringLiteral(", kafka_commit_on_select = 1");
        QVERIFY(planPreview(info, {26, 5}).commitsOffsets);
    }

    void truncatedHeaderIsFormatError() {
        const auto p = parseChunks(WireFormat::TabSeparatedWithNamesAndTypes, {"a\tb\n"});
        QVERIFY(p.error);
        QCOMPARE(p.error->kind, StreamError::Kind::Format);
    }

    void rowCapStopsStoring() {
        std::string tsv = "n\nUInt64\n";
        for (int i = 0; i < 100; ++i)
            tsv += std::to_string(i) + "\n";
        const auto p = parseChunks(WireFormat::TabSeparatedWithNamesAndTypes, {tsv}, 10);
        QVERIFY(!p.error);
        QCOMPARE(p.rows.size(), 10u);
    }

    void serverErrorTextBothStyles() {
        auto old =
            parseServerErrorText("Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist., "
                                 "e.what() = DB::Exception\n");
        QVERIFY(old);
        QCOMPARE(old->code, 60);
        QCOMPARE(old->message, QStringLiteral("Table default.x doesn't exist."));
        auto modern =
            parseServerErrorText("Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) "
                                 "(version 24.8.1.1 (official build))");
        QVERIFY(modern);
        QCOMPARE(modern->code, 60);
        QVERIFY(modern->message.startsWith(QStringLiteral("Table default.x does not exist.")));
        QVERIFY(!parseServerErrorText("Codes: 1"));
    }

    void tsvExportEscapesLikeClickHouse() {
        std::string out;
        appendTsvEscaped(std::string_view("a\tb\nc\\d'e\0f\b\x0c\r", 14), out);
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("a\\tb\\nc\\\\d\\'e\\0f\\b\\f\\r"));
    }

    void exportRoundTrip() {
        const std::string tsv =
            "u\ti\ts\tn\ta\td\tf\n"
            "UInt64\tInt32\tString\tNullable(String)\tArray(Nullable(String))\tDecimal(18, 3)\tFloat64\n"
            "18446744073709551615\t-5\tq\\'\\t\\\\\t\\N\t['a\\'b',NULL,'\\\\N']\t-0.001\tinf\n"
            "0\t1\t\\\\N\tnull\t[]\t1.500\t1.5\n";
        RowStore store;
        auto parser = ResultStreamParser::create(WireFormat::TabSeparatedWithNamesAndTypes, store);
        parser->feed(tsv);
        parser->finish();
        QVERIFY(!parser->error());
        std::ostringstream t;
        writeRows(parser->columns(), store, store.rowCount(), RowExportFormat::Tsv, t);
        QCOMPARE(t.str(),
                 tsv.substr(tsv.find('\n', tsv.find('\n') + 1) + 1)); // data lines back, byte for byte
        std::ostringstream j;
        writeRows(parser->columns(), store, store.rowCount(), RowExportFormat::Jsonl, j);
        QCOMPARE(
            QByteArray::fromStdString(j.str()),
            QByteArray(
                "{\"u\":\"18446744073709551615\",\"i\":-5,\"s\":\"q'\\t\\\\\",\"n\":null,"
                "\"a\":[\"a'b\",null,\"\\\\N\"],\"d\":\"-0.001\",\"f\":\"inf\"}\n"
                "{\"u\":\"0\",\"i\":1,\"s\":\"\\\\N\",\"n\":\"null\",\"a\":[],\"d\":\"1.500\",\"f\":1.5}\n"));
        std::ostringstream c;
        writeRows(parser->columns(), store, store.rowCount(), RowExportFormat::Csv, c);
        QCOMPARE(QByteArray::fromStdString(c.str()),
                 QByteArray("\"u\",\"i\",\"s\",\"n\",\"a\",\"d\",\"f\"\n"
                            "18446744073709551615,-5,\"q'\t\\\",\\N,\"['a\\'b',NULL,'\\\\N']\",-0.001,inf\n"
                            "0,1,\"\\N\",\"null\",\"[]\",1.500,1.5\n"));
    }

    void rowStoreKeepsEveryCellSizeAndKind() {
        // Lengths around the varint steps (32 and 4096 bytes take a second and third header byte), an
        // empty cell, a cell larger than an arena block, and more rows than one page of row pointers.
        const std::size_t sizes[] = {0, 1, 31, 32, 33, 127, 4095, 4096, 4097, (std::size_t{1} << 20) + 7};
        const CellKind kinds[] = {CellKind::Text, CellKind::Null, CellKind::Literal, CellKind::JsonText};
        RowStore store;
        store.reset(3);
        std::vector<std::array<Cell, 3>> expected;
        for (int r = 0; r < 9000; ++r) {
            std::array<Cell, 3> row;
            for (int c = 0; c < 3; ++c) {
                const std::size_t size = sizes[static_cast<std::size_t>(r * 3 + c) % std::size(sizes)];
                const CellKind kind = kinds[static_cast<std::size_t>(r + c) % std::size(kinds)];
                // Bytes that vary by row and column, including zero bytes and bytes >= 0x80.
                std::string bytes(kind == CellKind::Null ? 0 : size, '\0');
                for (std::size_t i = 0; i < bytes.size(); ++i)
                    bytes[i] = static_cast<char>((i * 131 + static_cast<std::size_t>(r) * 7 + c) & 0xff);
                store.pendingBytes().append(bytes);
                store.endCell(kind);
                row[static_cast<std::size_t>(c)] = {kind, std::move(bytes)};
            }
            QVERIFY(store.commitRow());
            expected.push_back(std::move(row));
            if (r % 1000 == 0) { // a row with the wrong number of cells is dropped and leaves no trace
                store.pendingBytes().append("stray");
                store.endCell(CellKind::Text);
                QVERIFY(!store.commitRow());
            }
        }
        QCOMPARE(store.rowCount(), qsizetype(expected.size()));
        for (qsizetype r = 0; r < store.rowCount(); ++r) {
            const auto& row = expected[static_cast<std::size_t>(r)];
            for (int c = 0; c < 3; ++c) {
                const CellRef cell = store.cell(r, c);
                if (cell.kind != row[static_cast<std::size_t>(c)].first ||
                    cell.bytes != row[static_cast<std::size_t>(c)].second)
                    QFAIL(qPrintable(QStringLiteral("cell(%1, %2) differs").arg(r).arg(c)));
            }
            int seen = 0;
            store.forEachCell(r, [&](int c, const CellRef& cell) {
                if (c == seen && cell.kind == row[static_cast<std::size_t>(c)].first &&
                    cell.bytes == row[static_cast<std::size_t>(c)].second)
                    ++seen;
            });
            QCOMPARE(seen, 3);
        }
        QVERIFY(store.memoryBytes() > 0);
    }

    void escapersEqualTheByteByByteRules() {
        // The escapers copy runs of plain bytes at once; each byte must still come out as the rules say.
        const auto tsvByte = [](unsigned char c, std::string& out) {
            switch (c) {
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\0':
                out += "\\0";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\'':
                out += "\\'";
                break;
            default:
                out += static_cast<char>(c);
            }
        };
        const auto jsonByte = [](unsigned char c, std::string& out) {
            static const char hex[] = "0123456789abcdef";
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xf];
                } else {
                    out += static_cast<char>(c);
                }
            }
        };
        std::vector<std::string> values = {"", "plain", "ü€😀 UTF-8", std::string(1, '\0')};
        for (int c = 0; c < 256; ++c) // every byte alone, at the start, in the middle and at the end
            for (const char* shape : {"%", "%ab", "ab%", "a%b%%c"}) {
                std::string v;
                for (const char* p = shape; *p; ++p)
                    v += *p == '%' ? static_cast<char>(c) : *p;
                values.push_back(v);
            }
        for (const auto& v : values) {
            std::string tsvExpected, jsonExpected = "\"";
            for (const char ch : v) {
                tsvByte(static_cast<unsigned char>(ch), tsvExpected);
                jsonByte(static_cast<unsigned char>(ch), jsonExpected);
            }
            jsonExpected += '"';
            std::string tsv = "prefix:", json = "prefix:";
            appendTsvEscaped(v, tsv);
            appendJsonString(v, json);
            QCOMPARE(QByteArray::fromStdString(tsv), QByteArray::fromStdString("prefix:" + tsvExpected));
            QCOMPARE(QByteArray::fromStdString(json), QByteArray::fromStdString("prefix:" + jsonExpected));
        }
    }

    void tsvExportEqualsTheStreamAtEverySplit() {
        // What `preview --format tsv` writes is the server's TabSeparated data lines, whatever the chunks:
        // escapes, NULL, \N as text, composites, empty fields and UTF-8 cut anywhere.
        const std::string data = "1\tq\\'\\t\\\\x\\n\t\\N\t['a\\'b',NULL]\tÄpfel 😀\n"
                                 "2\t\t\\\\N\t[]\t\\0\\b\\f\\r\n"
                                 "3\t€\tnull\t[NULL]\t\n";
        const std::string tsv = "id\ts\tn\ta\tu\nUInt8\tString\tNullable(String)\tArray(Nullable(String))\t"
                                "String\n" +
                                data;
        for (std::size_t cut = 0; cut <= tsv.size(); ++cut) {
            for (std::size_t piece : {std::size_t{1}, std::size_t{3}, tsv.size()}) {
                RowStore store;
                auto parser = ResultStreamParser::create(WireFormat::TabSeparatedWithNamesAndTypes, store);
                parser->feed(std::string_view(tsv).substr(0, cut));
                for (std::size_t at = cut; at < tsv.size(); at += piece)
                    parser->feed(std::string_view(tsv).substr(at, piece));
                parser->finish();
                QVERIFY(!parser->error());
                std::ostringstream out;
                writeRows(parser->columns(), store, store.rowCount(), RowExportFormat::Tsv, out);
                if (out.str() != data)
                    QFAIL(qPrintable(QStringLiteral("cut at %1, pieces of %2: %3")
                                         .arg(cut)
                                         .arg(piece)
                                         .arg(QString::fromStdString(out.str()))));
            }
        }
    }

    void literalsAsJson() {
        std::string out;
        QVERIFY(appendLiteralAsJson("[('x',1),('y\\'z',-2)]", out));
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("[[\"x\",1],[\"y'z\",-2]]"));
        out.clear();
        QVERIFY(appendLiteralAsJson("{'k':[1,2],'n':NULL}", out));
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("{\"k\":[1,2],\"n\":null}"));
        out.clear();
        QVERIFY(!appendLiteralAsJson("['unterminated", out));
    }

    void capabilitiesFromBootstrap() {
        const auto caps = ServerCapabilities::fromBootstrapResult(
            "version\t19.14.3.3\nsetting\treadonly\nsetting\tcancel_http_readonly_queries_on_client_close\n"
            "format\tJSONCompactEachRowWithNamesAndTypes\n");
        QVERIFY(caps);
        QCOMPARE(caps->version().minor, 14);
        QVERIFY(caps->hasSetting(QStringLiteral("readonly")));
        QVERIFY(caps->hasJsonCompactEachRow());
        QVERIFY(!caps->cancelOnCloseUsable()); // hangs on 19.13.5 - 19.17
        const auto fixed = ServerCapabilities::fromBootstrapResult(
            "version\t20.3.1\nsetting\tcancel_http_readonly_queries_on_client_close\n");
        QVERIFY(fixed && fixed->cancelOnCloseUsable());
        QVERIFY(
            !ServerCapabilities::fromBootstrapResult("Code: 81, e.displayText() = DB::Exception: nope\n"));
    }

    void tableNames() {
        QString error;
        auto plain = TableName::parse(QStringLiteral("db.events"), &error);
        QVERIFY(plain);
        QCOMPARE(plain->database, QStringLiteral("db"));
        QCOMPARE(plain->table, QStringLiteral("events"));
        auto quoted = TableName::parse(QStringLiteral("`service_my-kafka`.`ev.ents`"), &error);
        QVERIFY(quoted);
        QCOMPARE(quoted->database, QStringLiteral("service_my-kafka"));
        QCOMPARE(quoted->table, QStringLiteral("ev.ents"));
        QCOMPARE(quoted->quoted(), QStringLiteral("`service_my-kafka`.`ev.ents`"));
        auto escaped = TableName::parse(QStringLiteral("`a\\`b`.\"c\"\"d\""), &error);
        QVERIFY(escaped);
        QCOMPARE(escaped->database, QStringLiteral("a`b"));
        QCOMPARE(escaped->table, QStringLiteral("c\"d"));
        QCOMPARE(escaped->quoted(), QStringLiteral("`a\\`b`.`c\"d`"));
        QVERIFY(!TableName::parse(QStringLiteral("service_my-kafka.events"), &error));
        QVERIFY2(error.contains(QStringLiteral("backquotes")), qPrintable(error));
        QVERIFY(!TableName::parse(QStringLiteral("events"), &error));
        QVERIFY(!TableName::parse(QStringLiteral("`db.events"), &error));
    }
};

QTEST_GUILESS_MAIN(TestPreviewParsers)
#include "tst_preview_parsers.moc"
