// ckstudio-cli infer: connector-table columns from sample messages (DESIGN.md §3).
#include "cli/Cli.h"
#include "domain/Json.h"
#include "inference/ColumnInference.h"

#include <QFile>
#include <ostream>

namespace ckstudio::cli {
namespace {

constexpr qint64 kMaxSampleBytes = 64 * 1024 * 1024;

const char* const kUsage = "Usage: ckstudio-cli infer --format FORMAT SAMPLES_FILE\n";

void printInferHelp(std::ostream& out) {
    out << kUsage << "\n"
        << "Infers a table's columns from sample messages and prints them as a JSON array of\n"
        << "{\"name\", \"type\"} objects, ready to paste as a table's \"columns\". SAMPLES_FILE '-' reads "
           "stdin.\n"
        << "FORMAT: ";
    const auto& formats = inferenceFormats();
    for (std::size_t i = 0; i < formats.size(); ++i)
        out << (i ? ", " : "") << formats[i];
    out << ".\n"
        << "JSONEachRow: one JSON object per line. CSV, TSV: a header line with the column names first.\n"
        << "Warnings (mixed types, nested objects, skipped lines) go to stderr as 'line N: ...' or 'field: "
           "...'.\n"
        << "Exit 0 when columns were inferred, 1 when nothing could be inferred, 2 for usage or I/O "
           "errors.\n";
}

int usageError(CliIo& io, const std::string& message) {
    io.err << "ckstudio-cli infer: " << message << "\n" << kUsage;
    return ExitUsage;
}

} // namespace

std::optional<int> runInfer(const QStringList& args, CliIo& io, const Finish&) {
    QString path;
    std::optional<QString> format;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printInferHelp(io.out);
            return ExitOk;
        }
        if (a == QLatin1String("--format")) {
            if (i + 1 >= args.size())
                return usageError(io, "--format needs a value");
            format = args[++i];
        } else if (a.startsWith(QLatin1String("--format="))) {
            format = a.mid(9);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return usageError(io, "unknown option '" + a.toStdString() + "'");
        } else if (!path.isEmpty()) {
            return usageError(io,
                              "unexpected argument '" + a.toStdString() + "' (one SAMPLES_FILE at a time)");
        } else {
            path = a;
        }
    }
    if (!format)
        return usageError(io, "missing --format FORMAT");
    if (path.isEmpty())
        return usageError(io, "missing SAMPLES_FILE");
    if (!isInferenceFormat(format->toStdString())) {
        std::string supported;
        for (const auto& f : inferenceFormats())
            supported += (supported.empty() ? "" : ", ") + f;
        return usageError(io, "unsupported format '" + format->toStdString() + "' (supported: " + supported +
                                  ")");
    }

    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        io.err << "ckstudio-cli infer: cannot read " << path.toStdString() << ": "
               << file.errorString().toStdString() << "\n";
        return ExitUsage;
    }
    const QByteArray samples = file.read(kMaxSampleBytes + 1);
    if (samples.size() > kMaxSampleBytes) {
        io.err << "ckstudio-cli infer: " << path.toStdString()
               << " is larger than 64 MiB; give a smaller sample\n";
        return ExitUsage;
    }

    const InferenceResult result =
        inferColumns(std::string_view(samples.constData(), static_cast<std::size_t>(samples.size())),
                     format->toStdString());
    for (const Problem& p : result.problems) {
        if (p.path.empty())
            io.err << (p.isError() ? "error: " : "warning: ") << p.message << "\n";
        else
            io.err << p.toLine() << "\n";
    }
    if (result.columns.empty() || hasErrors(result.problems))
        return ExitInvalid;

    // One column per line, so the output diffs well and pastes into a config as is.
    io.out << "[\n";
    for (std::size_t i = 0; i < result.columns.size(); ++i) {
        Json column = Json::object();
        column["name"] = result.columns[i].name;
        column["type"] = result.columns[i].type;
        io.out << "  " << column.dump(-1, ' ', false, Json::error_handler_t::replace)
               << (i + 1 < result.columns.size() ? ",\n" : "\n");
    }
    io.out << "]\n";
    io.out.flush();
    return io.out ? ExitOk : ExitUsage;
}

} // namespace ckstudio::cli
