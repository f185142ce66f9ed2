// Editing benchmark: a ConfigDocument holding the largest config the schema allows (400 tables x 100 columns
// x 100 topics). Times an added column, its undo, and the re-validation after each, against a 16 ms frame.
//   ./bench_editing [ROUNDS]
#include "itemmodels/ConfigDocument.h"
#include "shell/HeapTidy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace ckstudio;

Column column(std::string name, std::string type) {
    Column made;
    made.name = std::move(name);
    made.type = std::move(type);
    return made;
}

Topic topic(std::string name) {
    Topic made;
    made.name = std::move(name);
    return made;
}

UserConfig largestConfig() {
    static const char* const types[] = {"UInt64",
                                        "String",
                                        "Nullable(String)",
                                        "DateTime64(3, 'UTC')",
                                        "Array(LowCardinality(String))",
                                        "Decimal(18, 4)"};
    UserConfig config;
    for (int t = 0; t < 400; ++t) {
        ConnectorTable table = newConnectorTable("events_" + std::to_string(t));
        table.columns.clear();
        table.topics.clear();
        // 99 columns so that the added one keeps the table valid (the schema allows 100).
        for (int c = 0; c < 99; ++c)
            table.columns.push_back(column("column_" + std::to_string(c), types[c % 6]));
        for (int k = 0; k < 100; ++k)
            table.topics.push_back(topic("topic." + std::to_string(t) + ".part-" + std::to_string(k)));
        table.dataFormat = "JSONEachRow";
        table.groupName = "clickhouse";
        config.tables.push_back(std::move(table));
    }
    return config;
}

struct Timings {
    const char* name;
    std::vector<double> ms;

    void print() const {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted[sorted.size() / 2];
        const double worst = sorted.back();
        std::printf("%-22s median %8.3f ms  max %8.3f ms  = %5.1f%% / %5.1f%% of a 16 ms frame\n", name,
                    median, worst, median / 16.0 * 100.0, worst / 16.0 * 100.0);
    }
};

template <typename Step> double timed(Step step) {
    QElapsedTimer timer;
    timer.start();
    step();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;

    ConfigDocument document;
    document.setValidationDelay(0);
    // As MainWindow does: the first edit after loading is what this tidy is for.
    QObject::connect(&document, &ConfigDocument::wholeDocumentValidated,
                     [&document] { tidyHeapAfterValidating(document.config()); });
    const double loadMs = timed([&] {
        document.load(largestConfig(), QString());
        document.validateNow();
    });
    const auto firstError = [&] {
        return std::find_if(document.problems().begin(), document.problems().end(),
                            [](const Problem& problem) { return problem.isError(); });
    };
    if (firstError() != document.problems().end()) {
        std::fprintf(stderr, "the benchmark config should be valid: %s\n", firstError()->toLine().c_str());
        return 1;
    }

    Timings add{"add column", {}};
    Timings validateAfterAdd{"validate after add", {}};
    Timings undo{"undo", {}};
    Timings validateAfterUndo{"validate after undo", {}};
    for (int round = 0; round < rounds; ++round) {
        const int table = (round * 37) % document.tableCount();
        add.ms.push_back(
            timed([&] { document.addColumn(table, 50, column("added_column", "Nullable(UInt32)")); }));
        validateAfterAdd.ms.push_back(timed([&] { document.validateNow(); }));
        undo.ms.push_back(timed([&] { document.undoStack()->undo(); }));
        validateAfterUndo.ms.push_back(timed([&] { document.validateNow(); }));
        if (document.itemCount(ItemList::Columns, table) != 99 || firstError() != document.problems().end()) {
            std::fprintf(stderr, "undo did not restore table %d\n", table);
            return 1;
        }
    }
    std::printf(
        "config: 400 tables x 99(+1) columns x 100 topics; load + full validation %.1f ms; %d rounds\n",
        loadMs, rounds);
    add.print();
    validateAfterAdd.print();
    undo.print();
    validateAfterUndo.print();
    return 0;
}
