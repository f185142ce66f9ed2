// `ckstudio-cli ddl ... --execute`: what DdlRunner does, printed. stderr: the server, then one progress line
// per statement ("[i/n] what: running..." / "created" / "already exists, not changed", an existing table's
// column differences). stdout, at the end: "created: ", "already existed: ", "warning: T differs from the
// DDL: ...", "failed: ", "not run: " lines. Exit 0 when every statement ran or existed, 4 otherwise.
#include "cli/CmdDdlExecute.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/DdlRunner.h"

#include <QProcessEnvironment>
#include <ostream>

namespace ckstudio::cli {
namespace {

class DdlExecutePrinter : public QObject {
public:
    DdlExecutePrinter(const std::vector<DdlStatement>& statements, ConnectionSettings connection, CliIo& io,
                      Finish finish)
        : m_io(io)
        , m_finish(std::move(finish))
        , m_client(new ClickHouseClient(std::move(connection), this))
        , m_runner(new DdlRunner(statements, this)) {
        m_runner->setClient(m_client);
        connect(m_runner, &DdlRunner::connected, this, [this] {
            m_io.err << "connected to ClickHouse " << m_client->capabilities()->version().text.toStdString()
                     << " at " << m_client->settings().displayUrl().toStdString() << "\n";
        });
        connect(m_runner, &DdlRunner::stepStarted, this, [this](std::size_t i) { printStarted(i); });
        connect(m_runner, &DdlRunner::stepDone, this, [this](std::size_t i) { printDone(i); });
        connect(m_runner, &DdlRunner::finished, this, [this](bool ok) { report(ok); });
    }

    void start() { m_runner->start(); }

private:
    std::string prefix(std::size_t i) const {
        return "[" + std::to_string(i + 1) + "/" + std::to_string(m_runner->statements().size()) + "] " +
               m_runner->statements()[i].what;
    }

    void printStarted(std::size_t i) {
        if (m_runner->steps()[i].outcome == DdlStep::Outcome::Existed)
            m_io.err << prefix(i) << ": already exists, not changed\n";
        else
            m_io.err << prefix(i) << ": running...\n";
    }

    void printDone(std::size_t i) {
        const DdlStep& step = m_runner->steps()[i];
        if (step.outcome == DdlStep::Outcome::Ran)
            m_io.err << prefix(i) << ": created\n";
        if (!step.columnsCompared)
            return;
        if (step.differences.empty())
            m_io.err << "      its columns match the DDL\n";
        for (const ColumnDifference& d : step.differences)
            m_io.err << "      " << d.toString().toStdString() << "\n";
    }

    void printLines(DdlStep::Outcome outcome, const char* label) {
        for (std::size_t i = 0; i < m_runner->steps().size(); ++i)
            if (m_runner->steps()[i].outcome == outcome)
                m_io.out << label << m_runner->statements()[i].what << "\n";
    }

    void report(bool ok) {
        if (const auto& stop = m_runner->stop())
            m_io.err << "ckstudio-cli ddl --execute: " << stop->during.toStdString() << ": "
                     << stop->error.toString().toStdString() << "\n";
        printLines(DdlStep::Outcome::Ran, "created: ");
        printLines(DdlStep::Outcome::Existed, "already existed: ");
        for (std::size_t i = 0; i < m_runner->steps().size(); ++i) {
            const DdlStep& step = m_runner->steps()[i];
            if (step.differences.empty())
                continue;
            QStringList differences;
            for (const ColumnDifference& d : step.differences)
                differences << d.toString();
            m_io.out << "warning: " << m_runner->targets()[i].name.display().toStdString()
                     << " differs from the DDL: " << differences.join(QStringLiteral("; ")).toStdString()
                     << "\n";
        }
        printLines(DdlStep::Outcome::Failed, "failed: ");
        printLines(DdlStep::Outcome::Cancelled, "cancelled: ");
        printLines(DdlStep::Outcome::NotRun, "not run: ");
        m_finish(ok ? ExitOk : ExitRemote);
        deleteLater();
    }

    CliIo& m_io;
    Finish m_finish;
    ClickHouseClient* m_client;
    DdlRunner* m_runner;
};

} // namespace

std::optional<int> executeDdl(const std::vector<DdlStatement>& statements, const QStringList& arguments,
                              CliIo& io, const Finish& finish) {
    QStringList args = arguments;
    return executeDdl(statements, connectionFromArgs(args, QProcessEnvironment::systemEnvironment()), io,
                      finish);
}

std::optional<int> executeDdl(const std::vector<DdlStatement>& statements,
                              const ConnectionArgsResult& connection, CliIo& io, const Finish& finish) {
    if (!connection.error.isEmpty()) {
        io.err << "ckstudio-cli ddl --execute: " << connection.error.toStdString() << "\n";
        return ExitUsage;
    }
    if (statements.empty()) {
        io.err << "ckstudio-cli ddl --execute: no statements to run\n";
        return ExitOk;
    }
    auto* printer = new DdlExecutePrinter(statements, connection.settings, io, finish);
    printer->start();
    return std::nullopt;
}

} // namespace ckstudio::cli
