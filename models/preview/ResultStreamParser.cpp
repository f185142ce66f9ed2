#include "preview/ResultStreamParser.h"

#include <limits>

namespace ckstudio {
namespace {
constexpr std::size_t kSuspectLimit = 64 * 1024; // an error message is shorter than this
constexpr std::size_t kErrorTextLimit = 64 * 1024;
} // namespace

QString wireFormatName(WireFormat format) {
    return format == WireFormat::TabSeparatedWithNamesAndTypes
               ? QStringLiteral("TabSeparatedWithNamesAndTypes")
               : QStringLiteral("JSONCompactEachRowWithNamesAndTypes");
}

std::unique_ptr<ResultStreamParser> ResultStreamParser::create(WireFormat format, RowStore& store) {
    if (format == WireFormat::TabSeparatedWithNamesAndTypes)
        return std::make_unique<TsvStreamParser>(store);
    return std::make_unique<JsonCompactStreamParser>(store);
}

void ResultStreamParser::feed(std::string_view chunk) {
    if (m_error)
        return;
    if (m_inServerError) {
        if (m_errorText.size() < kErrorTextLimit)
            m_errorText.append(chunk.substr(0, kErrorTextLimit - m_errorText.size()));
        return;
    }
    while (!chunk.empty() && !m_error && !m_inServerError) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_carry.append(chunk);
            return;
        }
        if (m_carry.empty()) {
            processLine(chunk.substr(0, nl));
        } else {
            m_carry.append(chunk.substr(0, nl));
            std::string line;
            line.swap(m_carry);
            processLine(line);
        }
        chunk.remove_prefix(nl + 1);
    }
    if (m_inServerError && !chunk.empty())
        m_errorText.append(chunk.substr(0, kErrorTextLimit - std::min(kErrorTextLimit, m_errorText.size())));
}

void ResultStreamParser::finish() {
    if (m_error)
        return;
    if (!m_inServerError && !m_carry.empty()) {
        std::string line;
        line.swap(m_carry);
        processLine(line);
    }
    if (m_error)
        return;
    if (m_crLine && !m_inServerError) { // a line ending in a raw CR and nothing after it: not a row
        --m_lineNumber;
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(m_columns.size()));
        return;
    }
    if (!m_inServerError && !m_suspectLines.empty()) {
        for (auto& l : m_suspectLines)
            m_errorText += l + '\n';
        m_inServerError = true;
    }
    if (m_inServerError) {
        StreamError e{StreamError::Kind::Server, {}, 0};
        const std::size_t start = findServerErrorStart(m_errorText);
        std::string_view text(m_errorText);
        if (start != std::string_view::npos)
            text.remove_prefix(start);
        if (const auto block = findExceptionBlock(text)) {
            e.serverCode = block->error.code;
            e.message = block->error.message;
        } else if (auto parsed = parseServerErrorText(text)) {
            e.serverCode = parsed->code;
            e.message = parsed->message;
        } else {
            e.message = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed();
        }
        m_error = e;
        return;
    }
    if (m_headerLines < 2 && !capReached())
        failFormat(QStringLiteral("the response ended before the column names and types"));
}

void ResultStreamParser::failFormat(const QString& message) {
    m_error = StreamError{StreamError::Kind::Format,
                         QStringLiteral("line %1: %2").arg(m_lineNumber).arg(message), 0};
}

void ResultStreamParser::beginServerError(std::string_view text) {
    m_inServerError = true;
    for (auto& l : m_suspectLines)
        m_errorText += l + '\n';
    m_suspectLines.clear();
    m_errorText.append(text);
    m_errorText += '\n';
}

void ResultStreamParser::processLine(std::string_view line) {
    ++m_lineNumber;
    if (m_crLine) {
        // A 25.11+ exception frame starts with "\r\n", so the line before its marker ends in a CR: either
        // empty (the last row was complete) or a row the exception cut short.
        m_crLine = false;
        if (line.substr(0, 13) == "__exception__") {
            beginServerError(line);
            return;
        }
        --m_lineNumber;
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(m_columns.size()));
        return;
    }
    if (m_headerLines == 2 && !line.empty() && line.back() == '\r' && m_suspectLines.empty()) {
        // TabSeparated escapes CR and JSON strings cannot hold one raw: decide with the next line.
        if (const std::size_t at = findServerErrorStart(line); at != std::string_view::npos) {
            beginServerError(line.substr(at)); // 24.11-25.10: "__exception__\r\n" right after a cut row
            return;
        }
        m_crLine = true;
        return;
    }
    if (capReached() && m_headerLines == 2)
        return;
    if (!m_suspectLines.empty()) {
        // More data after a suspicious one-column row: keep collecting; it was data if a lot follows.
        m_suspectLines.emplace_back(line);
        m_suspectBytes += line.size() + 1;
        if (m_suspectBytes > kSuspectLimit) {
            auto lines = std::move(m_suspectLines);
            m_suspectLines.clear();
            m_suspectBytes = 0;
            for (const auto& l : lines) {
                if (!parseRowLine(l)) {
                    failFormat(QStringLiteral("a row does not match the %1 columns").arg(m_columns.size()));
                    return;
                }
            }
        }
        return;
    }
    if (m_headerLines < 2) {
        if (looksLikeServerError(line)) {
            beginServerError(line);
            return;
        }
        std::vector<std::string> values;
        if (!parseHeaderLine(line, values)) {
            failFormat(m_headerLines == 0 ? QStringLiteral("cannot read the column names")
                                         : QStringLiteral("cannot read the column types"));
            return;
        }
        if (m_headerLines == 0) {
            m_columns.clear();
            for (auto& v : values)
                m_columns.push_back(ResultColumn{QString::fromStdString(v), {}});
        } else {
            if (values.size() != m_columns.size()) {
                failFormat(
                    QStringLiteral("%1 column types for %2 columns").arg(values.size()).arg(m_columns.size()));
                return;
            }
            m_classes.clear();
            for (std::size_t i = 0; i < values.size(); ++i) {
                m_columns[i].type = QString::fromStdString(values[i]);
                m_classes.push_back(m_columns[i].valueClass());
            }
            m_store.reset(static_cast<int>(m_columns.size()));
        }
        ++m_headerLines;
        return;
    }
    if (looksLikeServerError(line)) {
        // With one column the line could be a value; decide when the stream ends (see finish()).
        if (m_columns.size() == 1 && line.substr(0, 13) != "__exception__") {
            m_suspectLines.emplace_back(line);
            m_suspectBytes = line.size() + 1;
            return;
        }
        beginServerError(line);
        return;
    }
    // "DB::Exception" first: rare in data, so most rows skip the marker search.
    if (const std::size_t at = line.find("DB::Exception") == std::string_view::npos
                                   ? std::string_view::npos
                                   : findServerErrorStart(line);
        at != std::string_view::npos && line.find("DB::Exception", at) != std::string_view::npos) {
        // <= 24.10 appends its error to whatever it had written, so a row cut short plus the error can
        // still read as a row ("3\troCode: 241. DB::Exception: ..."): an error if the stream ends soon.
        m_suspectLines.emplace_back(line);
        m_suspectBytes = line.size() + 1;
        return;
    }
    if (!parseRowLine(line)) {
        const std::size_t errorStart = findServerErrorStart(line);
        if (errorStart != std::string_view::npos) { // error text appended right after a partial row
            beginServerError(line.substr(errorStart));
            return;
        }
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(m_columns.size()));
    }
}

} // namespace ckstudio
