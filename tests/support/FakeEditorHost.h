// An EditorHost without a main window, for testing the feature menus on their own: a plain QMainWindow for
// their menus, docks and dialogs, a document, QuietPrompts, and what was put in the status bar.
#pragma once

#include "EditorHost.h"
#include "QuietPrompts.h"
#include "itemmodels/ConfigDocument.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>

namespace ckstudio::test {

class FakeEditorHost : public EditorHost {
public:
    QMainWindow window;
    ConfigDocument doc;
    QuietPrompts quiet;
    int current = -1;
    QStringList statusLines;
    QStringList docks;

    QWidget* hostWidget() override { return &window; }
    QMenu* addMenu(const QString& title) override { return window.menuBar()->addMenu(title); }
    ConfigDocument* document() const override { return const_cast<ConfigDocument*>(&doc); }
    int currentTable() const override { return current; }
    ProblemsDock* problemsDock() const override { return nullptr; }
    UserPrompts& prompts() override { return quiet; }
    void showStatus(const QString& text, int) override { statusLines << text; }
    QDockWidget* addLateDock(const QString& title, const QString& objectName,
                             Qt::DockWidgetArea area) override {
        docks << objectName;
        auto* dock = new QDockWidget(title, &window);
        dock->setObjectName(objectName);
        window.addDockWidget(area, dock);
        return dock;
    }
};

} // namespace ckstudio::test
