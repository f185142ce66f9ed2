// Benchmark (run on demand, not by ctest): `ckstudio-cli peek --bootstrap` reading a whole topic of JSON
// messages versus kcat doing the same, whole processes against librdkafka's mock cluster (in this process).
// Runs are interleaved (the order swapped every round) so that a load change on the machine hits both; prints
// medians of wall and CPU time and the ratios. Both outputs are checked to hold the same lines.
//
//   bench_peek [MESSAGES (36000)] [RUNS (9)] [PARTITIONS (3)] [CKSTUDIO_CLI] [BASELINE_CKSTUDIO_CLI]
//   bench_peek --serve [MESSAGES] [PARTITIONS]   the same topic only: prints the bootstrap address and keeps
//   the
//                                                cluster up until stdin closes (for profiling one side)
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
    QStringList args = app.arguments();
    const bool serve = args.size() > 1 && args[1] == QLatin1String("--serve");
    if (serve)
        args = QStringList{args[0], args.value(2, QStringLiteral("36000")), QStringLiteral("1"),
                           args.value(3, QStringLiteral("3"))};
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
    if (serve) {
        std::printf("%s %s\n", qPrintable(cluster.bootstrapServers()), qPrintable(kTopic));
        std::fflush(stdout);
        while (std::getchar() != EOF) {
        }
        return 0;
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
    // kcat learns that a partition ended from an empty fetch, which the broker holds for fetch.wait.max.ms
    // (500 ms by default): most of its time. peek knows the end offsets before it starts and waits for none.
    // The baseline of the goal is kcat without that wait.
    const QStringList kcatNoWaitArgs =
        kcatArgs + QStringList{QStringLiteral("-X"), QStringLiteral("fetch.wait.max.ms=10")};

    struct Contender {
        const char* name;
        QString program;
        QStringList args;
        std::vector<double> wall;
        std::vector<double> cpu;
    };
    std::vector<Contender> contenders = {{"ckstudio-cli peek", cli, oursArgs, {}, {}},
                                         {"kcat", kcat, kcatArgs, {}, {}},
                                         {"kcat, fetch.wait.max.ms=10", kcat, kcatNoWaitArgs, {}, {}}};
    if (args.size() > 5)
        contenders.push_back({"ckstudio-cli peek (before)", args[5], oursArgs, {}, {}});

    // A warm-up of each, also the check that all see every message and print the same lines.
    QList<QByteArray> expected;
    for (const Contender& c : contenders) {
        const auto run = timeProcess(c.program, c.args);
        if (!run)
            return 1;
        const QList<QByteArray> lines = sortedLines(run->out);
        if (expected.isEmpty())
            expected = lines;
        if (lines.size() != messages || lines != expected) {
            std::fprintf(stderr, "%s printed other lines: %lld lines (%d produced)\n", c.name,
                         qint64(lines.size()), messages);
            return 1;
        }
    }

    // Each round runs every contender once, starting with the next one each time.
    const std::size_t n = contenders.size();
    for (int i = 0; i < runs; ++i) {
        for (std::size_t k = 0; k < n; ++k) {
            Contender& c = contenders[(std::size_t(i) + k) % n];
            const auto run = timeProcess(c.program, c.args);
            if (!run || run->out.count('\n') != messages) {
                std::fprintf(stderr, "a run of %s did not print all %d messages\n", c.name, messages);
                return 1;
            }
            c.wall.push_back(run->wall);
            c.cpu.push_back(run->cpu);
        }
    }
    std::printf("%d JSON messages (%.1f MB of values) in %d partitions, %d interleaved runs each; the same "
                "lines from all\n",
                messages, bytes / 1e6, partitions, runs);
    for (const Contender& c : contenders)
        std::printf("%-28s wall median %7.1f ms (%.1f-%.1f), CPU median %7.1f ms\n", c.name,
                    median(c.wall) * 1e3, *std::min_element(c.wall.begin(), c.wall.end()) * 1e3,
                    *std::max_element(c.wall.begin(), c.wall.end()) * 1e3, median(c.cpu) * 1e3);
    const Contender& ours = contenders[0];
    for (std::size_t k = 1; k < n; ++k)
        std::printf("peek / %-28s wall %.2fx, CPU %.2fx\n", contenders[k].name,
                    median(ours.wall) / median(contenders[k].wall),
                    median(ours.cpu) / median(contenders[k].cpu));
    const double ratio = median(ours.wall) / median(contenders[2].wall);
    std::printf("goal: peek's wall time <= 1.5x kcat's without the wait: %.2fx, %s\n", ratio,
                ratio <= 1.5 ? "met" : "missed");
    return 0;
}
