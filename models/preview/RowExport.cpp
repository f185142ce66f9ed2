#include "preview/RowExport.h"

#include "preview/ResultRowModel.h"
#include "preview/ResultStreamParser.h"
#include "text/TsvCodec.h"

#include <algorithm>
#include <array>
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
        : m_text(text)
        , m_out(out) {}
    bool run() {
        if (!value())
            return false;
        return m_pos == m_text.size();
    }

private:
    bool value() {
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '\'')
            return quoted();
        if (c == '[')
            return sequence(']', '[', ']');
        if (c == '(')
            return sequence(')', '[', ']');
        if (c == '{')
            return map();
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != ']' &&
               m_text[m_pos] != ')' && m_text[m_pos] != '}' && m_text[m_pos] != ':')
            ++m_pos;
        const auto word = m_text.substr(start, m_pos - start);
        if (word.empty())
            return false;
        if (word == "NULL")
            m_out += "null";
        else if (word == "true" || word == "false" || isJsonNumber(word))
            m_out.append(word);
        else
            appendJsonString(word, m_out); // inf, nan, ...
        return true;
    }
    bool quoted() {
        std::string raw;
        ++m_pos;
        for (;;) {
            if (m_pos >= m_text.size())
                return false;
            const char c = m_text[m_pos++];
            if (c == '\'')
                break;
            if (c == '\\') {
                if (m_pos >= m_text.size())
                    return false;
                raw += '\\';
                raw += m_text[m_pos++];
            } else {
                raw += c;
            }
        }
        std::string unescaped;
        appendTsvUnescaped(raw, unescaped); // same escape set as TSV
        appendJsonString(unescaped, m_out);
        return true;
    }
    bool sequence(char close, char jsonOpen, char jsonClose) {
        ++m_pos;
        m_out += jsonOpen;
        if (m_pos < m_text.size() && m_text[m_pos] == close) {
            ++m_pos;
            m_out += jsonClose;
            return true;
        }
        for (;;) {
            if (!value())
                return false;
            if (m_pos >= m_text.size())
                return false;
            if (m_text[m_pos] == close) {
                ++m_pos;
                m_out += jsonClose;
                return true;
            }
            if (m_text[m_pos] != ',')
                return false;
            ++m_pos;
            m_out += ',';
        }
    }
    bool map() {
        ++m_pos;
        m_out += '{';
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            m_out += '}';
            return true;
        }
        for (;;) {
            // JSON keys are strings: render the key's JSON and quote it when it is not already a string.
            const std::size_t before = m_pos;
            std::string keyJson;
            {
                LiteralToJson sub(m_text, keyJson);
                sub.m_pos = before;
                if (!sub.value())
                    return false;
                m_pos = sub.m_pos;
            }
            if (keyJson.empty() || keyJson.front() != '"')
                appendJsonString(keyJson, m_out);
            else
                m_out += keyJson;
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return false;
            ++m_pos;
            m_out += ':';
            if (!value() || m_pos >= m_text.size())
                return false;
            if (m_text[m_pos] == '}') {
                ++m_pos;
                m_out += '}';
                return true;
            }
            if (m_text[m_pos] != ',')
                return false;
            ++m_pos;
            m_out += ',';
        }
    }

    std::string_view m_text;
    std::string& m_out;
    std::size_t m_pos = 0;
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
    constexpr std::size_t kFlushBytes = std::size_t{1} << 18;
    std::string buf;
    buf.reserve(kFlushBytes + 4096);
    const auto flush = [&](bool force) {
        if (force || buf.size() >= kFlushBytes) {
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
    rowCount = store.columnCount() == n ? std::min(rowCount, store.rowCount()) : 0; // cells match columns
    for (qsizetype r = 0; r < rowCount; ++r) {
        switch (format) {
        case RowExportFormat::Tsv:
            store.forEachCell(r, [&](int c, const CellRef& cell) {
                if (c)
                    buf += '\t';
                if (cell.isNull())
                    buf += "\\N";
                else if (cell.kind == CellKind::Text)
                    appendTsvEscaped(cell.bytes, buf);
                else
                    buf.append(cell.bytes);
            });
            buf += '\n';
            break;
        case RowExportFormat::Jsonl:
            buf += '{';
            store.forEachCell(r, [&](int c, const CellRef& cell) {
                if (c)
                    buf += ',';
                buf += jsonKeys[static_cast<std::size_t>(c)];
                appendJsonValue(classes[static_cast<std::size_t>(c)], cell, buf);
            });
            buf += "}\n";
            break;
        case RowExportFormat::Csv:
            store.forEachCell(r, [&](int c, const CellRef& cell) {
                const VC cls = classes[static_cast<std::size_t>(c)];
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
            });
            buf += '\n';
            break;
        }
        flush(false);
    }
    flush(true);
}

void writeRows(const ResultRowModel& model, RowExportFormat format, std::ostream& out) {
    writeRows(model.columns(), model.store(), model.rowCount(), format, out);
}

} // namespace ckstudio
