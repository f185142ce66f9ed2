#pragma once
// Incremental parsers for the two wire formats a preview uses. Bytes arrive in chunks cut anywhere (inside a
// row, an escape sequence or a UTF-8 sequence); rows go straight into a RowStore. An error the server appends
// to the stream after the first rows is reported as an error, never as a short result.
#include "preview/ResultColumn.h"
#include "preview/RowStore.h"
#include "preview/ServerErrorText.h"

#include <QString>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

enum class WireFormat {
    TabSeparatedWithNamesAndTypes,       // every server; TSV escaping, NULL as \N
    JSONCompactEachRowWithNamesAndTypes, // ClickHouse >= 20.1
};
QString wireFormatName(WireFormat format);

struct StreamError {
    enum class Kind { Format, Server } kind = Kind::Format;
    QString message;
    int serverCode = 0;
};

class ResultStreamParser {
public:
    explicit ResultStreamParser(RowStore& store)
        : mStore(store) {}
    virtual ~ResultStreamParser() = default;
    ResultStreamParser(const ResultStreamParser&) = delete;
    ResultStreamParser& operator=(const ResultStreamParser&) = delete;

    static std::unique_ptr<ResultStreamParser> create(WireFormat format, RowStore& store);

    // Stops storing rows once the store holds maxRows (the rest of the stream is ignored).
    void setRowCap(qsizetype maxRows) { mRowCap = maxRows; }
    bool capReached() const { return mStore.rowCount() >= mRowCap; }

    void feed(std::string_view chunk);
    void finish(); // the stream ended normally (as far as the transport knows)

    bool headerComplete() const { return mHeaderLines == 2; }
    const ResultColumns& columns() const { return mColumns; }
    const std::optional<StreamError>& error() const { return mError; }

protected:
    // One complete line without its '\n'. Returns false when the line is not a valid row.
    virtual bool parseHeaderLine(std::string_view line, std::vector<std::string>& values) = 0;
    virtual bool parseRowLine(std::string_view line) = 0;

    RowStore& mStore;
    ResultColumns mColumns;
    std::vector<ResultColumn::ValueClass> mClasses;

private:
    void processLine(std::string_view line);
    void failFormat(const QString& message);
    void beginServerError(std::string_view text);

    std::string mCarry; // an incomplete line from the previous chunk
    int mHeaderLines = 0;
    qsizetype mLineNumber = 0;
    qsizetype mRowCap = std::numeric_limits<qsizetype>::max();
    bool mInServerError = false; // everything from here on is the server's error text
    bool mCrLine = false;        // the last line ended in a raw CR (see processLine)
    std::string mErrorText;
    // A one-column row that looks like an error message: an error only if the stream ends soon after it.
    std::vector<std::string> mSuspectLines;
    std::size_t mSuspectBytes = 0;
    std::optional<StreamError> mError;
};

class TsvStreamParser final : public ResultStreamParser {
public:
    using ResultStreamParser::ResultStreamParser;

protected:
    bool parseHeaderLine(std::string_view line, std::vector<std::string>& values) override;
    bool parseRowLine(std::string_view line) override;
};

class JsonCompactStreamParser final : public ResultStreamParser {
public:
    using ResultStreamParser::ResultStreamParser;

protected:
    bool parseHeaderLine(std::string_view line, std::vector<std::string>& values) override;
    bool parseRowLine(std::string_view line) override;
};

} // namespace ckstudio
