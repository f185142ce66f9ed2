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
        : m_store(store) {}
    virtual ~ResultStreamParser() = default;
    ResultStreamParser(const ResultStreamParser&) = delete;
    ResultStreamParser& operator=(const ResultStreamParser&) = delete;

    static std::unique_ptr<ResultStreamParser> create(WireFormat format, RowStore& store);

    // Stops storing rows once the store holds maxRows (the rest of the stream is ignored).
    void setRowCap(qsizetype maxRows) { m_rowCap = maxRows; }
    bool capReached() const { return m_store.rowCount() >= m_rowCap; }

    void feed(std::string_view chunk);
    void finish(); // the stream ended normally (as far as the transport knows)

    bool headerComplete() const { return m_headerLines == 2; }
    const ResultColumns& columns() const { return m_columns; }
    const std::optional<StreamError>& error() const { return m_error; }

protected:
    // One complete line without its '\n'. Returns false when the line is not a valid row.
    virtual bool parseHeaderLine(std::string_view line, std::vector<std::string>& values) = 0;
    virtual bool parseRowLine(std::string_view line) = 0;

    RowStore& m_store;
    ResultColumns m_columns;
    std::vector<ResultColumn::ValueClass> m_classes;

private:
    void processLine(std::string_view line);
    void failFormat(const QString& message);
    void beginServerError(std::string_view text);

    std::string m_carry; // an incomplete line from the previous chunk
    int m_headerLines = 0;
    qsizetype m_lineNumber = 0;
    qsizetype m_rowCap = std::numeric_limits<qsizetype>::max();
    bool m_inServerError = false; // everything from here on is the server's error text
    bool m_crLine = false;        // the last line ended in a raw CR (see processLine)
    std::string m_errorText;
    // A one-column row that looks like an error message: an error only if the stream ends soon after it.
    std::vector<std::string> m_suspectLines;
    std::size_t m_suspectBytes = 0;
    std::optional<StreamError> m_error;
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
