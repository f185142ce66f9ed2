#pragma once
// The editor window: tables list, the selected table's editor, the problems dock, and the File/Edit/Table
// menus.
#include "EditorHost.h"

#include <QMainWindow>
#include <memory>
#include <utility>
#include <vector>

class QDockWidget;
class QHeaderView;
class QLabel;
class QStackedWidget;
class QSplitter;
class QTableView;
class QMenu;

namespace ckstudio {

class AivenMenu;
class ClickHouseMenu;
class ConfigDocument;
class ConnectionStatus;
class SecretStore;
class DraftStore;
class ProblemsDock;
class RecentFiles;
class TableEditor;
class TablesModel;
class UserPrompts;

class MainWindow : public QMainWindow, public EditorHost {
    Q_OBJECT
public:
    // `prompts` answers questions (save changes, file names, draft recovery); null: real dialogs.
    explicit MainWindow(std::shared_ptr<UserPrompts> prompts = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    ConfigDocument* document() const override { return m_document; }
    // The editor of the selected table, built the first time a table is shown (or asked for): an empty
    // document's window shows a hint instead, and start-up does not pay for widgets nobody sees yet.
    TableEditor* tableEditor();
    ProblemsDock* problemsDock() const override { return m_problems; }
    QTableView* tablesView() const { return m_tablesView; }
    DraftStore* draftStore() const { return m_drafts; }
    ClickHouseMenu* clickHouseMenu() const { return m_clickHouse; }
    AivenMenu* aivenMenu() const { return m_aiven; }
    ConnectionStatus* connectionStatus() const { return m_connectionStatus; }

    // Start-up: offers a left-over draft, then opens `path` when given and no draft was restored.
    void startUp(const QString& path);
    // Each asks about unsaved changes first where it would replace the document. False when cancelled or
    // failed (the error was shown).
    bool newDocument();
    bool openFile(const QString& path);
    bool save();
    bool saveAs();
    // Offers the draft a crashed session left behind; true when it was restored.
    bool offerDraftRecovery();
    // Replaces the document with a config given as JSON text (clipboard), as one undoable step.
    bool pasteConfigText(const QString& text);

    void selectTable(int row);
    int currentTable() const override;
    // Selects the problem's table and shows the field or cell of `path`.
    void showProblem(const QString& path, int table);
    // A dock made on first use, after the window restored its layout: it goes where the user left it last
    // session, in `defaultArea` when the saved layout has no place for it.
    QDockWidget* addLateDock(const QString& title, const QString& objectName,
                             Qt::DockWidgetArea defaultArea) override;
    QWidget* hostWidget() override { return this; }
    QMenu* addMenu(const QString& title) override;
    UserPrompts& prompts() override { return *m_prompts; }
    void showStatus(const QString& text, int timeoutMs = 0) override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildTablesPanel();
    QWidget* buildEditorArea();
    void showTable(int table);
    bool maybeSave();
    void updateTitle();
    void rebuildRecentMenu();
    void addTable();
    void duplicateTable();
    void removeTable();
    void moveTable(int delta);
    void showExport();
    void showDdl();
    void restoreLayout();
    void saveLayout();
    void buildStatusBar();
    // Grid headers whose column widths are remembered; the editor's only once it exists.
    std::vector<std::pair<QString, QHeaderView*>> headers() const;
    std::vector<std::pair<QString, QHeaderView*>> editorHeaders() const;

    std::shared_ptr<UserPrompts> m_prompts;
    ConfigDocument* m_document;
    TablesModel* m_tables;
    QTableView* m_tablesView = nullptr;
    QStackedWidget* m_editorArea = nullptr;
    QLabel* m_noTableHint = nullptr;
    TableEditor* m_editor = nullptr;
    ProblemsDock* m_problems;
    DraftStore* m_drafts;
    RecentFiles* m_recent;
    QSplitter* m_splitter = nullptr;
    QMenu* m_recentMenu = nullptr;
    SecretStore* m_secrets = nullptr;
    AivenMenu* m_aiven = nullptr;
    ClickHouseMenu* m_clickHouse = nullptr;
    ConnectionStatus* m_connectionStatus = nullptr;
};

} // namespace ckstudio
