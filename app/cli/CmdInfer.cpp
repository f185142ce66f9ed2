// ckstudio-cli infer: connector-table columns from sample messages (DESIGN.md §3).
#include "cli/Cli.h"
#include "domain/Json.h"
#include "inference/ColumnInference.h"

#include <QFile>
#include <ostream>

namespace ckstudio::cli {
namespace {

constexpr qint64 kMaxSampleBytes = 64 * 1024 * 1024;

} // namespace

const CommandSpec& inferSpec() {
    static const CommandSpec spec = [] {
        CommandSpec s;
        s.name = QStringLiteral("infer");
        s.summary = QStringLiteral("infer columns from sample messages (JSON array)");
        s.positionals = {
            {QStringLiteral("SAMPLES_FILE"), QStringLiteral("sample messages; '-' reads stdin")}};
        s.positionalsFirst = false;
        QString formats;
        for (const auto& f : inferenceFormats())
            formats += (formats.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(f);
        OptionSpec format{QStringLiteral("format"), QStringLiteral("FORMAT"),
                          QStringLiteral("the messages' format: %1").arg(formats)};
        format.required = true;
        s.options = {format};
        s.description =
            QStringLiteral(
                "Infers a table's columns from sample messages and prints them as a JSON array of\n"
                "{\"name\", \"type\"} objects, ready to paste as a table's \"columns\". SAMPLES_FILE '-' "
                "reads "
                "stdin.\n"
                "FORMAT: %1.\n"
                "JSONEachRow: one JSON object per line. CSV, TSV: a header line with the column names "
                "first.\n"
                "Warnings (mixed types, nested objects, skipped lines) go to stderr as 'line N: ...' or "
                "'field: "
                "...'.\n")
                .arg(formats);
        s.footer =
            QStringLiteral("Exit 0 when columns were inferred, 1 when nothing could be inferred, 2 for "
                           "usage or I/O errors.\n");
        return s;
    }();
    return spec;
}

std::optional<int> runInfer(const QStringList& arguments, CliIo& io, const Finish&) {
    ParsedArgs args;
    if (const auto exit = parseCommandLine(inferSpec(), arguments, io, args))
        return *exit;
    const QString path = args.positional(QStringLiteral("SAMPLES_FILE"));
    const std::optional<QString> format = args.value(QStringLiteral("format"));
    if (!isInferenceFormat(format->toStdString())) {
        std::string supported;
        for (const auto& f : inferenceFormats())
            supported += (supported.empty() ? "" : ", ") + f;
        return usageError(io, inferSpec(),
                          QString::fromStdString("unsupported format '" + format->toStdString() +
                                                 "' (supported: " + supported + ")"));
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
