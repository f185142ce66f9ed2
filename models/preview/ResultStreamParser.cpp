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
    if (mError)
        return;
    if (mInServerError) {
        if (mErrorText.size() < kErrorTextLimit)
            mErrorText.append(chunk.substr(0, kErrorTextLimit - mErrorText.size()));
        return;
    }
    while (!chunk.empty() && !mError && !mInServerError) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            mCarry.append(chunk);
            return;
        }
        if (mCarry.empty()) {
            processLine(chunk.substr(0, nl));
        } else {
            mCarry.append(chunk.substr(0, nl));
            std::string line;
            line.swap(mCarry);
            processLine(line);
        }
        chunk.remove_prefix(nl + 1);
    }
    if (mInServerError && !chunk.empty())
        mErrorText.append(chunk.substr(0, kErrorTextLimit - std::min(kErrorTextLimit, mErrorText.size())));
}

void ResultStreamParser::finish() {
    if (mError)
        return;
    if (!mInServerError && !mCarry.empty()) {
        std::string line;
        line.swap(mCarry);
        processLine(line);
    }
    if (mError)
        return;
    if (mCrLine && !mInServerError) { // a line ending in a raw CR and nothing after it: not a row
        --mLineNumber;
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(mColumns.size()));
        return;
    }
    if (!mInServerError && !mSuspectLines.empty()) {
        for (auto& l : mSuspectLines)
            mErrorText += l + '\n';
        mInServerError = true;
    }
    if (mInServerError) {
        StreamError e{StreamError::Kind::Server, {}, 0};
        const std::size_t start = findServerErrorStart(mErrorText);
        std::string_view text(mErrorText);
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
        mError = e;
        return;
    }
    if (mHeaderLines < 2 && !capReached())
        failFormat(QStringLiteral("the response ended before the column names and types"));
}

void ResultStreamParser::failFormat(const QString& message) {
    mError = StreamError{StreamError::Kind::Format,
                         QStringLiteral("line %1: %2").arg(mLineNumber).arg(message), 0};
}

void ResultStreamParser::beginServerError(std::string_view text) {
    mInServerError = true;
    for (auto& l : mSuspectLines)
        mErrorText += l + '\n';
    mSuspectLines.clear();
    mErrorText.append(text);
    mErrorText += '\n';
}

void ResultStreamParser::processLine(std::string_view line) {
    ++mLineNumber;
    if (mCrLine) {
        // A 25.11+ exception frame starts with "\r\n", so the line before its marker ends in a CR: either
        // empty (the last row was complete) or a row the exception cut short.
        mCrLine = false;
        if (line.substr(0, 13) == "__exception__") {
            beginServerError(line);
            return;
        }
        --mLineNumber;
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(mColumns.size()));
        return;
    }
    if (mHeaderLines == 2 && !line.empty() && line.back() == '\r' && mSuspectLines.empty()) {
        // TabSeparated escapes CR and JSON strings cannot hold one raw: decide with the next line.
        if (const std::size_t at = findServerErrorStart(line); at != std::string_view::npos) {
            beginServerError(line.substr(at)); // 24.11-25.10: "__exception__\r\n" right after a cut row
            return;
        }
        mCrLine = true;
        return;
    }
    if (capReached() && mHeaderLines == 2)
        return;
    if (!mSuspectLines.empty()) {
        // More data after a suspicious one-column row: keep collecting; it was data if a lot follows.
        mSuspectLines.emplace_back(line);
        mSuspectBytes += line.size() + 1;
        if (mSuspectBytes > kSuspectLimit) {
            auto lines = std::move(mSuspectLines);
            mSuspectLines.clear();
            mSuspectBytes = 0;
            for (const auto& l : lines) {
                if (!parseRowLine(l)) {
                    failFormat(QStringLiteral("a row does not match the %1 columns").arg(mColumns.size()));
                    return;
                }
            }
        }
        return;
    }
    if (mHeaderLines < 2) {
        if (looksLikeServerError(line)) {
            beginServerError(line);
            return;
        }
        std::vector<std::string> values;
        if (!parseHeaderLine(line, values)) {
            failFormat(mHeaderLines == 0 ? QStringLiteral("cannot read the column names")
                                         : QStringLiteral("cannot read the column types"));
            return;
        }
        if (mHeaderLines == 0) {
            mColumns.clear();
            for (auto& v : values)
                mColumns.push_back(ResultColumn{QString::fromStdString(v), {}});
        } else {
            if (values.size() != mColumns.size()) {
                failFormat(
                    QStringLiteral("%1 column types for %2 columns").arg(values.size()).arg(mColumns.size()));
                return;
            }
            mClasses.clear();
            for (std::size_t i = 0; i < values.size(); ++i) {
                mColumns[i].type = QString::fromStdString(values[i]);
                mClasses.push_back(mColumns[i].valueClass());
            }
            mStore.reset(static_cast<int>(mColumns.size()));
        }
        ++mHeaderLines;
        return;
    }
    if (looksLikeServerError(line)) {
        // With one column the line could be a value; decide when the stream ends (see finish()).
        if (mColumns.size() == 1 && line.substr(0, 13) != "__exception__") {
            mSuspectLines.emplace_back(line);
            mSuspectBytes = line.size() + 1;
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
        mSuspectLines.emplace_back(line);
        mSuspectBytes = line.size() + 1;
        return;
    }
    if (!parseRowLine(line)) {
        const std::size_t errorStart = findServerErrorStart(line);
        if (errorStart != std::string_view::npos) { // error text appended right after a partial row
            beginServerError(line.substr(errorStart));
            return;
        }
        failFormat(QStringLiteral("a row does not match the %1 columns").arg(mColumns.size()));
    }
}

} // namespace ckstudio
