// Benchmark (run on demand, not by ctest): `ckstudio-cli peek --bootstrap` reading a whole topic of JSON
// messages versus kcat doing the same, whole processes against librdkafka's mock cluster (in this process).
// Runs are interleaved (the order swapped every round) so that a load change on the machine hits both; prints
// medians of wall and CPU time and the ratios. Both outputs are checked to hold the same lines.
//
//   bench_peek [MESSAGES (36000)] [RUNS (9)] [PARTITIONS (3)] [CKSTUDIO_CLI]
#include "MockKafkaCluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

using namespace ckstudio::test;

namespace {

const QString kTopic = QStringLiteral("bench.events");

// A compact JSON event of about 200 bytes, as producers write them; kcat prints it as is, and so does
// `peek --format values` (it prints JSON compacted, which these already are).
QByteArray event(int i) {
    static const char* const kinds[] = {"page_view", "click", "add_to_cart", "purchase"};
    return QByteArray("{\"id\":") + QByteArray::number(i) +
           ",\"ts\":\"2024-05-01T12:" + QByteArray::number(10 + i / 6000 % 50) + ":" +
           QByteArray::number(10 + i % 50) + ".123Z\",\"user\":\"user_" + QByteArray::number(i % 997) +
           "\",\"event\":\"" + kinds[i % 4] + "\",\"url\":\"/products/" +
           QByteArray::number(i * 7919 % 100000) + "?ref=mail\",\"amount\":" + QByteArray::number(i % 500) +
           "." + QByteArray::number(10 + i % 90) +
           ",\"tags\":[\"a\",\"b\",\"c\"],\"ok\":" + (i % 3 == 0 ? "false" : "true") +
           ",\"note\":\"caf\\u00e9 \\\"quoted\\\"\"}";
}

double childrenCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run {
    double wall = 0;
    double cpu = 0;
    QByteArray out;
};

// One whole process; its CPU time is what the kernel accounts to it once reaped (QProcess waits for it).
std::optional<Run> timeProcess(const QString& program, const QStringList& args) {
    QProcess p;
    const double cpuBefore = childrenCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        std::fprintf(stderr, "%s did not finish\n", qPrintable(program));
        return std::nullopt;
    }
    Run run;
    run.wall = timer.nsecsElapsed() / 1e9;
    run.cpu = childrenCpuSeconds() - cpuBefore;
    run.out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s %s failed (%d): %s\n", qPrintable(program),
                     qPrintable(args.join(QLatin1Char(' '))), p.exitCode(),
                     p.readAllStandardError().left(2000).constData());
        return std::nullopt;
    }
    return run;
}

QList<QByteArray> sortedLines(const QByteArray& out) {
    QList<QByteArray> lines = out.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    std::sort(lines.begin(), lines.end());
    return lines;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int messages = args.size() > 1 ? args[1].toInt() : 36000;
    const int runs = args.size() > 2 ? args[2].toInt() : 9;
    const int partitions = args.size() > 3 ? args[3].toInt() : 3;
    const QString cli = args.size() > 4 ? args[4] : QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli");
    const QString kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
    if (messages < 1 || messages > 100000 || runs < 1 || partitions < 1) {
        std::fprintf(stderr, "usage: bench_peek [MESSAGES (1..100000)] [RUNS] [PARTITIONS] [CKSTUDIO_CLI]\n");
        return 2;
    }
    if (kcat.isEmpty()) {
        std::fprintf(stderr, "kcat not found (Debian: apt install kcat)\n");
        return 2;
    }

    MockKafkaCluster cluster;
    QString error;
    if (!cluster.isValid() || !cluster.createTopic(kTopic, partitions, &error)) {
        std::fprintf(stderr, "mock cluster: %s\n", qPrintable(cluster.isValid() ? error : cluster.error()));
        return 2;
    }
    QList<MockMessage> batch;
    qint64 bytes = 0;
    for (int i = 0; i < messages; ++i) {
        MockMessage m;
        m.partition = i % partitions;
        m.key = QByteArray("user_") + QByteArray::number(i % 997);
        m.value = event(i);
        bytes += m.value->size();
        batch.append(std::move(m));
    }
    if (!cluster.produce(kTopic, batch, &error)) {
        std::fprintf(stderr, "produce: %s\n", qPrintable(error));
        return 2;
    }

    const QStringList oursArgs = {QStringLiteral("peek"),
                                  QStringLiteral("--bootstrap"),
                                  cluster.bootstrapServers(),
                                  QStringLiteral("--topic"),
                                  kTopic,
                                  QStringLiteral("--from-offset"),
                                  QStringLiteral("0"),
                                  QStringLiteral("--limit"),
                                  QString::number(messages)};
    // kcat's default output (-f '%s\n') is the value and a newline: the same lines as `--format values`.
    const QStringList kcatArgs = {
        QStringLiteral("-C"),       QStringLiteral("-q"),        QStringLiteral("-b"),
        cluster.bootstrapServers(), QStringLiteral("-t"),        kTopic,
        QStringLiteral("-o"),       QStringLiteral("beginning"), QStringLiteral("-e")};

    // A warm-up of each, also the check that both see every message.
    const auto ours = timeProcess(cli, oursArgs);
    const auto theirs = timeProcess(kcat, kcatArgs);
    if (!ours || !theirs)
        return 1;
    const QList<QByteArray> oursLines = sortedLines(ours->out);
    if (oursLines.size() != messages || oursLines != sortedLines(theirs->out)) {
        std::fprintf(stderr, "the outputs differ: ckstudio-cli %lld lines, kcat %lld lines (%d produced)\n",
                     qint64(oursLines.size()), qint64(sortedLines(theirs->out).size()), messages);
        return 1;
    }

    std::vector<double> oursWall, oursCpu, kcatWall, kcatCpu;
    for (int i = 0; i < runs; ++i) {
        for (int k = 0; k < 2; ++k) {
            const bool oursNow = (k == 0) == (i % 2 == 0);
            const auto r = oursNow ? timeProcess(cli, oursArgs) : timeProcess(kcat, kcatArgs);
            if (!r || r->out.count('\n') != messages) {
                std::fprintf(stderr, "a run did not print all %d messages\n", messages);
                return 1;
            }
            (oursNow ? oursWall : kcatWall).push_back(r->wall);
            (oursNow ? oursCpu : kcatCpu).push_back(r->cpu);
        }
    }
    std::printf("%d JSON messages (%.1f MB of values) in %d partitions, %d interleaved runs each; the same "
                "%d lines from both\n",
                messages, bytes / 1e6, partitions, runs, messages);
    const double ow = median(oursWall), kw = median(kcatWall), oc = median(oursCpu), kc = median(kcatCpu);
    std::printf("wall: ckstudio-cli peek median %7.1f ms (%.1f-%.1f), kcat median %7.1f ms (%.1f-%.1f)\n",
                ow * 1e3, *std::min_element(oursWall.begin(), oursWall.end()) * 1e3,
                *std::max_element(oursWall.begin(), oursWall.end()) * 1e3, kw * 1e3,
                *std::min_element(kcatWall.begin(), kcatWall.end()) * 1e3,
                *std::max_element(kcatWall.begin(), kcatWall.end()) * 1e3);
    std::printf(" cpu: ckstudio-cli peek median %7.1f ms, kcat median %7.1f ms\n", oc * 1e3, kc * 1e3);
    std::printf("ratio (wall): %.2fx kcat's time (goal <= 1.5x): %s\n", ow / kw,
                ow / kw <= 1.5 ? "MET" : "MISSED");
    std::printf("ratio (cpu):  %.2fx kcat's CPU time\n", oc / kc);
    return 0;
}
