// Runs ckstudio-cli as a child process, the way a user's script would, for the CLI suites. The event loop
// keeps running while the child runs, so a server in the test process (emulator, replay) can answer it, and
// output is drained as it comes so that a large stdout cannot stall the child.
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>
#include <utility>

namespace ckstudio::test {

struct CliRun {
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

struct CliOptions {
    QByteArray input;                   // written to stdin, which is then closed
    QStringList unsetEnvironment;       // variables the child must not inherit
    QList<QPair<QString, QString>> env; // variables set for the child
    int timeoutMs = 60000;

    CliOptions& withInput(QByteArray bytes) {
        input = std::move(bytes);
        return *this;
    }
    CliOptions& without(const QString& variable) {
        unsetEnvironment << variable;
        return *this;
    }
    CliOptions& with(const QString& variable, const QString& value) {
        env.append({variable, value});
        return *this;
    }
    CliOptions& timeout(int ms) {
        timeoutMs = ms;
        return *this;
    }
};

inline CliRun runCli(const QStringList& args, const CliOptions& options = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : options.unsetEnvironment)
        environment.remove(name);
    for (const auto& [name, value] : options.env)
        environment.insert(name, value);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"), args);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < options.timeoutMs) {
        QTest::qWait(5);
        run.out += process.readAllStandardOutput();
        run.err += process.readAllStandardError();
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.out += process.readAllStandardOutput();
    run.err += process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

} // namespace ckstudio::test
