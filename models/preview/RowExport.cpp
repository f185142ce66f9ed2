#include "preview/RowExport.h"

#include "preview/ResultRowModel.h"
#include "preview/ResultStreamParser.h"
#include "text/TsvCodec.h"

#include <ostream>

namespace ckstudio {
namespace {

bool isJsonNumber(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-')
        ++i;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i > start;
    };
    if (i < s.size() && s[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == s.size();
}

// Reads ClickHouse's quoted-literal text (as in Values/TSV output of composites) and writes JSON.
class LiteralToJson {
public:
    LiteralToJson(std::string_view text, std::string& out)
        : mText(text)
        , mOut(out) {}
    bool run() {
        if (!value())
            return false;
        return mPos == mText.size();
    }

private:
    bool value() {
        if (mPos >= mText.size())
            return false;
        const char c = mText[mPos];
        if (c == '\'')
            return quoted();
        if (c == '[')
            return sequence(']', '[', ']');
        if (c == '(')
            return sequence(')', '[', ']');
        if (c == '{')
            return map();
        const std::size_t start = mPos;
        while (mPos < mText.size() && mText[mPos] != ',' && mText[mPos] != ']' && mText[mPos] != ')' &&
               mText[mPos] != '}' && mText[mPos] != ':')
            ++mPos;
        const auto word = mText.substr(start, mPos - start);
        if (word.empty())
            return false;
        if (word == "NULL")
            mOut += "null";
        else if (word == "true" || word == "false" || isJsonNumber(word))
            mOut.append(word);
        else
            appendJsonString(word, mOut); // inf, nan, ...
        return true;
    }
    bool quoted() {
        std::string raw;
        ++mPos;
        for (;;) {
            if (mPos >= mText.size())
                return false;
            const char c = mText[mPos++];
            if (c == '\'')
                break;
            if (c == '\\') {
                if (mPos >= mText.size())
                    return false;
                raw += '\\';
                raw += mText[mPos++];
            } else {
                raw += c;
            }
        }
        std::string unescaped;
        appendTsvUnescaped(raw, unescaped); // same escape set as TSV
        appendJsonString(unescaped, mOut);
        return true;
    }
    bool sequence(char close, char jsonOpen, char jsonClose) {
        ++mPos;
        mOut += jsonOpen;
        if (mPos < mText.size() && mText[mPos] == close) {
            ++mPos;
            mOut += jsonClose;
            return true;
        }
        for (;;) {
            if (!value())
                return false;
            if (mPos >= mText.size())
                return false;
            if (mText[mPos] == close) {
                ++mPos;
                mOut += jsonClose;
                return true;
            }
            if (mText[mPos] != ',')
                return false;
            ++mPos;
            mOut += ',';
        }
    }
    bool map() {
        ++mPos;
        mOut += '{';
        if (mPos < mText.size() && mText[mPos] == '}') {
            ++mPos;
            mOut += '}';
            return true;
        }
        for (;;) {
            // JSON keys are strings: render the key's JSON and quote it when it is not already a string.
            const std::size_t before = mPos;
            std::string keyJson;
            {
                LiteralToJson sub(mText, keyJson);
                sub.mPos = before;
                if (!sub.value())
                    return false;
                mPos = sub.mPos;
            }
            if (keyJson.empty() || keyJson.front() != '"')
                appendJsonString(keyJson, mOut);
            else
                mOut += keyJson;
            if (mPos >= mText.size() || mText[mPos] != ':')
                return false;
            ++mPos;
            mOut += ':';
            if (!value() || mPos >= mText.size())
                return false;
            if (mText[mPos] == '}') {
                ++mPos;
                mOut += '}';
                return true;
            }
            if (mText[mPos] != ',')
                return false;
            ++mPos;
            mOut += ',';
        }
    }

    std::string_view mText;
    std::string& mOut;
    std::size_t mPos = 0;
};

void appendJsonValue(const ResultColumn::ValueClass cls, const CellRef& cell, std::string& out) {
    using VC = ResultColumn::ValueClass;
    if (cell.isNull()) {
        out += "null";
        return;
    }
    if (cell.kind == CellKind::JsonText) {
        out.append(cell.bytes);
        return;
    }
    if (cell.kind == CellKind::Literal) {
        const std::size_t mark = out.size();
        if (!appendLiteralAsJson(cell.bytes, out)) {
            out.resize(mark);
            appendJsonString(cell.bytes, out);
        }
        return;
    }
    switch (cls) {
    case VC::SmallInteger:
    case VC::Float:
        if (isJsonNumber(cell.bytes))
            out.append(cell.bytes);
        else
            appendJsonString(cell.bytes, out);
        return;
    case VC::Bool:
        if (cell.bytes == "true" || cell.bytes == "false")
            out.append(cell.bytes);
        else
            appendJsonString(cell.bytes, out);
        return;
    default:
        appendJsonString(cell.bytes, out);
        return;
    }
}

void appendCsvField(std::string_view value, std::string& out) {
    out += '"';
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::optional<RowExportFormat> rowExportFormatFromName(const QString& name) {
    const QString n = name.toLower();
    if (n == QLatin1String("tsv") || n == QLatin1String("tabseparated"))
        return RowExportFormat::Tsv;
    if (n == QLatin1String("jsonl") || n == QLatin1String("json") || n == QLatin1String("jsoneachrow") ||
        n == QLatin1String("ndjson"))
        return RowExportFormat::Jsonl;
    if (n == QLatin1String("csv"))
        return RowExportFormat::Csv;
    return std::nullopt;
}

void appendTsvEscaped(std::string_view value, std::string& out) {
    for (char c : value) {
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
            out += c;
            break;
        }
    }
}

void appendJsonString(std::string_view value, std::string& out) {
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
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
                out += ch;
            }
        }
    }
    out += '"';
}

bool appendLiteralAsJson(std::string_view literal, std::string& out) {
    return LiteralToJson(literal, out).run();
}

void writeRows(const ResultColumns& columns, const RowStore& store, qsizetype rowCount,
               RowExportFormat format, std::ostream& out) {
    using VC = ResultColumn::ValueClass;
    const int n = static_cast<int>(columns.size());
    std::vector<VC> classes;
    std::vector<std::string> jsonKeys;
    for (const auto& c : columns) {
        classes.push_back(c.valueClass());
        std::string key;
        appendJsonString(c.name.toStdString(), key);
        key += ':';
        jsonKeys.push_back(std::move(key));
    }
    std::string buf;
    const auto flush = [&](bool force) {
        if (force || buf.size() > (1u << 16)) {
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
            buf.clear();
        }
    };
    if (format == RowExportFormat::Csv) {
        for (int c = 0; c < n; ++c) {
            if (c)
                buf += ',';
            appendCsvField(columns[static_cast<std::size_t>(c)].name.toStdString(), buf);
        }
        buf += '\n';
    }
    for (qsizetype r = 0; r < rowCount; ++r) {
        if (format == RowExportFormat::Jsonl)
            buf += '{';
        for (int c = 0; c < n; ++c) {
            const CellRef cell = store.cell(r, c);
            const VC cls = classes[static_cast<std::size_t>(c)];
            switch (format) {
            case RowExportFormat::Tsv:
                if (c)
                    buf += '\t';
                if (cell.isNull())
                    buf += "\\N";
                else if (cell.kind == CellKind::Text)
                    appendTsvEscaped(cell.bytes, buf);
                else
                    buf.append(cell.bytes);
                break;
            case RowExportFormat::Jsonl:
                if (c)
                    buf += ',';
                buf += jsonKeys[static_cast<std::size_t>(c)];
                appendJsonValue(cls, cell, buf);
                break;
            case RowExportFormat::Csv:
                if (c)
                    buf += ',';
                if (cell.isNull())
                    buf += "\\N";
                else if (cell.kind == CellKind::Text &&
                         (cls == VC::SmallInteger || cls == VC::WideInteger || cls == VC::Float ||
                          cls == VC::Decimal || cls == VC::Bool))
                    buf.append(cell.bytes);
                else
                    appendCsvField(cell.bytes, buf);
                break;
            }
        }
        buf += format == RowExportFormat::Jsonl ? "}\n" : "\n";
        flush(false);
    }
    flush(true);
}

void writeRows(const ResultRowModel& model, RowExportFormat format, std::ostream& out) {
    writeRows(model.columns(), model.store(), model.rowCount(), format, out);
}

} // namespace ckstudio
