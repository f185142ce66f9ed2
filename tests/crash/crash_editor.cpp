// Test-only driver of the real main window for tst_crash_safety, run as its own process so that the test can
// SIGKILL it. Modes:
//   crash_editor edit CONFIG TEXT  opens CONFIG, types TEXT at the end of the first table's name in the real
//                                  line edit, prints "draft-written" once the autosaved draft holds the edit,
//                                  then idles until killed.
//   crash_editor recover CONFIG    starts like ckstudio does (draft recovery first) with a prompt that
//   accepts
//                                  the draft, and prints what it was offered and what the window then holds.
#include "../support/QuietPrompts.h"
#include "DraftStore.h"
#include "MainWindow.h"
#include "itemmodels/ConfigDocument.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {

using namespace ckstudio;

// Answers like a user who always restores the draft, and remembers what was asked.
class AcceptingPrompts : public test::QuietPrompts {
public:
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString askOpenFile(QWidget*, const QString&) override { return {}; }
    QString askSaveFile(QWidget*, const QString&) override { return {}; }
    bool askRecoverDraft(QWidget*, const QString& description) override {
        m_recoveryOffered = true;
        m_description = description;
        return true;
    }
    void showError(QWidget*, const QString& title, const QString& message) override {
        m_errors.append(title + QStringLiteral(": ") + message);
    }

    bool m_recoveryOffered = false;
    QString m_description;
    QStringList m_errors;
};

void printLine(const QByteArray& line) {
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int edit(MainWindow& window, const QString& config, const QString& text) {
    if (!window.openFile(config)) {
        printLine("error: could not open the config");
        return 1;
    }
    window.selectTable(0);
    auto* name = window.findChild<QLineEdit*>(QStringLiteral("tableNameEdit"));
    if (!name) {
        printLine("error: no tableNameEdit");
        return 1;
    }
    name->setFocus();
    QTest::keyClick(name, Qt::Key_End);
    QTest::keyClicks(name, text);
    // Report once the autosave (not a flush of ours) has put the edit on disk.
    auto* poll = new QTimer(&window);
    QObject::connect(poll, &QTimer::timeout, &window, [poll, text] {
        QFile draft(DraftStore::draftPath());
        if (draft.open(QIODevice::ReadOnly) && draft.readAll().contains(text.toUtf8())) {
            poll->stop();
            printLine("draft-written");
        }
    });
    poll->start(20);
    return QApplication::exec();
}

int recover(MainWindow& window, const std::shared_ptr<AcceptingPrompts>& prompts, const QString& config) {
    window.startUp(config);
    const ConfigDocument* document = window.document();
    QJsonObject report;
    report.insert(QStringLiteral("offered"), prompts->m_recoveryOffered);
    report.insert(QStringLiteral("description"), prompts->m_description);
    report.insert(QStringLiteral("errors"), prompts->m_errors.join(QLatin1Char('\n')));
    report.insert(QStringLiteral("modified"), document->isModified());
    report.insert(QStringLiteral("filePath"), document->filePath());
    report.insert(QStringLiteral("tableName"),
                  document->tableCount() > 0 ? QString::fromStdString(document->table(0)->name) : QString());
    printLine(QJsonDocument(report).toJson(QJsonDocument::Compact));
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // The same identity as ckstudio (ui/shell/main.cpp), so that the draft lives where ckstudio looks for it.
    QApplication::setApplicationName(QStringLiteral("ckstudio"));
    QApplication::setOrganizationName(QStringLiteral("ckstudio"));
    const QStringList args = QApplication::arguments();
    auto prompts = std::make_shared<AcceptingPrompts>();
    MainWindow window(prompts);
    window.show();
    if (args.size() == 4 && args.at(1) == QStringLiteral("edit"))
        return edit(window, args.at(2), args.at(3));
    if (args.size() == 3 && args.at(1) == QStringLiteral("recover"))
        return recover(window, prompts, args.at(2));
    printLine("usage: crash_editor edit CONFIG TEXT | recover CONFIG");
    return 2;
}
