#pragma once
// What a feature menu (Aiven, ClickHouse) needs from the window it lives in. MainWindow implements it; the
// menus depend on this and not on MainWindow, so that they do not include the window that includes them and
// can be tested without one.
#include <Qt>

class QDockWidget;
class QMenu;
class QString;
class QWidget;

namespace ckstudio {

class ConfigDocument;
class ProblemsDock;
class UserPrompts;

class EditorHost {
public:
    virtual ~EditorHost() = default;

    virtual QWidget* hostWidget() = 0; // the parent of the menus' dialogs
    virtual QMenu* addMenu(const QString& title) = 0; // a menu of the window's menu bar, after the others
    virtual ConfigDocument* document() const = 0;
    virtual int currentTable() const = 0; // -1 when none is selected
    virtual ProblemsDock* problemsDock() const = 0;
    virtual UserPrompts& prompts() = 0;
    // A transient line in the status bar (0: until replaced).
    virtual void showStatus(const QString& text, int timeoutMs = 0) = 0;
    // A dock made on first use, placed where the user left it last session.
    virtual QDockWidget* addLateDock(const QString& title, const QString& objectName,
                                     Qt::DockWidgetArea defaultArea) = 0;
};

} // namespace ckstudio
