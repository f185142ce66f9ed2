// Benchmark (run on demand, not by ctest): 1M rows x 5 columns through PreviewSession + ResultRowModel
// versus Debian's clickhouse-client on the same query against the fixture's server, and the model's memory
// versus the TSV bytes of the same rows, and how long the event loop stalls while the rows stream in (a 1 ms
// timer records the gaps between its ticks: the GUI would be frozen for that long). Prints ratios.
#include "ClickHouseServer.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/PreviewSession.h"
#include "preview/ResultRowModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ckstudio;

namespace {

// VmRSS (current) or VmHWM (peak) from /proc/self/status, in bytes.
qint64 statusBytes(const char* key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so that the peak is the preview's own.
void resetPeakResident() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    test::ClickHouseServer server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start clickhouse-server: %s\n", qPrintable(server.error()));
        return 2;
    }
    server.queryOk(
        QStringLiteral("CREATE VIEW default.bench AS SELECT number AS id, toString(number * 7919) AS s, "
                       "toUInt32(number % 65536) AS small, concat('user_', toString(number % 1000)) AS u, "
                       "toDate('2024-01-01') + number % 365 AS d FROM system.numbers"));
    const QString sql = QStringLiteral("SELECT * FROM default.bench LIMIT %1").arg(rows);

    // Baseline: clickhouse-client over the native protocol, TSV to a pipe.
    const QString clientBinary = QStandardPaths::findExecutable(QStringLiteral("clickhouse-client"));
    double clientSeconds = 0;
    qint64 tsvBytes = 0;
    if (!clientBinary.isEmpty()) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(clientBinary, {QStringLiteral("--port"), QString::number(server.tcpPort()),
                               QStringLiteral("--query"), sql + QStringLiteral(" FORMAT TabSeparated")});
        while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
            p.waitForReadyRead(100);
            tsvBytes += p.readAllStandardOutput().size();
        }
        clientSeconds = t.nsecsElapsed() / 1e9;
        if (p.exitCode() != 0)
            std::fprintf(stderr, "clickhouse-client failed: %s\n", p.readAllStandardError().constData());
    } else {
        tsvBytes = server.queryOk(sql + QStringLiteral(" FORMAT TabSeparated")).size();
        std::fprintf(stderr, "clickhouse-client not found; no time baseline\n");
    }

    // The preview path the GUI and the CLI use.
    ConnectionSettings settings;
    settings.url = server.httpUrl();
    settings.queryTimeoutMs = 300000;
    ClickHouseClient client(settings);
    ResultRowModel model;
    PreviewSession session(&client, &model);
    bool done = false;
    QObject::connect(&session, &PreviewSession::finished, [&](const std::optional<ClickHouseError>& e) {
        if (e)
            std::fprintf(stderr, "preview failed: %s\n", qPrintable(e->toString()));
        done = true;
        QCoreApplication::quit();
    });
    // Event-loop stalls: a 1 ms timer fires whenever the loop is free; a long gap is a frozen GUI.
    std::vector<qint64> gapsNs;
    struct Stall {
        qint64 gapNs = 0;
        qint64 startNs = 0; // since the preview started
        qsizetype rowsAfter = 0;
    } longest;
    QElapsedTimer t;
    gapsNs.reserve(1 << 20);
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(argc > 2 ? QByteArray(argv[2]).toInt() : 1); // ./bench_preview [ROWS [PROBE_MS]]
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 gap = tick.nsecsElapsed();
        gapsNs.push_back(gap);
        if (gap > longest.gapNs)
            longest = {gap, t.nsecsElapsed() - gap, model.loadedRows()};
        tick.start();
    });
    // Control: the same probe for one second with nothing to do, to see the machine's own scheduling noise
    // (other processes on the shared cores preempt this one too).
    t.start();
    tick.start();
    probe.start();
    QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    app.exec();
    probe.stop();
    const qint64 idleLongestNs = longest.gapNs;
    const std::size_t idleTicks = gapsNs.size();
    gapsNs.clear();
    longest = {};

    resetPeakResident();
    const qint64 rssBefore = statusBytes("VmRSS");
    t.start();
    tick.start();
    probe.start();
    PreviewRequest request;
    request.table = TableName{QStringLiteral("default"), QStringLiteral("bench")};
    request.limit = rows;
    request.wireFormat = WireFormat::TabSeparatedWithNamesAndTypes;
    request.maxExecutionSeconds = 240;
    session.start(request);
    // The application's own event loop (QTest::qWait sleeps between its passes, which would read as stalls).
    if (!done)
        app.exec();
    probe.stop();
    const double modelSeconds = t.nsecsElapsed() / 1e9;
    const qint64 rssAfter = statusBytes("VmRSS");
    const qint64 peakAfter = statusBytes("VmHWM");
    std::sort(gapsNs.begin(), gapsNs.end());
    const auto gapMs = [&](double quantile) {
        if (gapsNs.empty())
            return 0.0;
        const auto at =
            std::min(gapsNs.size() - 1, static_cast<std::size_t>(quantile * double(gapsNs.size())));
        return double(gapsNs[at]) / 1e6;
    };

    std::printf("rows: %lld (model loaded %lld), TSV bytes: %lld\n", rows,
                static_cast<long long>(model.loadedRows()), tsvBytes);
    std::printf("time: preview model %.3f s, clickhouse-client %.3f s, ratio %.2f\n", modelSeconds,
                clientSeconds, clientSeconds > 0 ? modelSeconds / clientSeconds : 0.0);
    std::printf(
        "memory: model store %lld bytes = %.2f x TSV bytes; process RSS grew %lld bytes = %.2f x TSV bytes\n",
        model.memoryBytes(), double(model.memoryBytes()) / double(tsvBytes), rssAfter - rssBefore,
        double(rssAfter - rssBefore) / double(tsvBytes));
    std::printf("peak memory: VmHWM grew %lld bytes = %.2f x TSV bytes (goal <= 2)\n",
                static_cast<long long>(peakAfter - rssBefore),
                double(peakAfter - rssBefore) / double(tsvBytes));
    std::printf(
        "event loop: %zu ticks, longest stall %.1f ms, 99th percentile %.2f ms, median %.3f ms (goal: "
        "never > 50 ms)\n",
        gapsNs.size(), gapsNs.empty() ? 0.0 : double(gapsNs.back()) / 1e6, gapMs(0.99), gapMs(0.5));
    std::printf("control, idle event loop for 1 s: %zu ticks, longest gap %.1f ms\n", idleTicks,
                double(idleLongestNs) / 1e6);
    std::printf("longest stall began %.1f ms after the start, %lld rows loaded when it ended\n",
                double(longest.startNs) / 1e6, static_cast<long long>(longest.rowsAfter));
    return model.loadedRows() == rows ? 0 : 1;
}
