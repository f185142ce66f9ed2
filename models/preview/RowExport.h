#pragma once
// Writing preview rows out.
//  - Tsv: ClickHouse's TabSeparated escaping (\b \f \n \r \t \0 \\ \'), NULL as \N, composites as the server
//    printed them: byte-identical to the server's own FORMAT TabSeparated for rows read as TSV. (Composites
//    read from a JSON wire format are written as their JSON text.)
//  - Jsonl: one JSON object per row, keys in column order. NULL is null. 64-bit and wider integers and
//    Decimals are JSON strings holding the exact digits (as ClickHouse's JSONEachRow quotes them), other
//    numbers are JSON numbers, inf/nan are strings, Bool is true/false, arrays/tuples are JSON arrays, maps
//    objects (numbers inside them keep the server's exact digits).
//  - Csv: a header line of column names, then RFC 4180 rows; text quoted, numbers bare, NULL as \N (as
//    ClickHouse's CSV writes it).
#include "preview/ResultColumn.h"
#include "preview/RowStore.h"
#include "text/JsonEscape.h" // appendJsonString, used by the exporters and their tests
#include "text/TsvCodec.h"

#include <QString>
#include <iosfwd>
#include <optional>
#include <string>

namespace ckstudio {

class ResultRowModel;

enum class RowExportFormat { Tsv, Jsonl, Csv };
std::optional<RowExportFormat> rowExportFormatFromName(const QString& name); // tsv, jsonl (json), csv

// Rows [0, rowCount) of store.
void writeRows(const ResultColumns& columns, const RowStore& store, qsizetype rowCount,
               RowExportFormat format, std::ostream& out);
// The rows the model shows.
void writeRows(const ResultRowModel& model, RowExportFormat format, std::ostream& out);

// Pieces, exposed for tests and for the GUI's "copy cell".
// A ClickHouse literal ([1,'a\'b',NULL], ('x',1), {'k':2}) as JSON; false when it cannot be read.
bool appendLiteralAsJson(std::string_view literal, std::string& out);

} // namespace ckstudio
