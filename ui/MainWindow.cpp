#include "MainWindow.h"

#include "AivenMenu.h"
#include "ClickHouseMenu.h"
#include "ConnectionStatus.h"
#include "DdlDialog.h"
#include "DraftStore.h"
#include "ExportDialog.h"
#include "ProblemsDock.h"
#include "RecentFiles.h"
#include "TableEditor.h"
#include "TypedTextDelegate.h"
#include "UserPrompts.h"
#include "aiven/AivenClient.h"
#include "domain/JsonText.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/TablesModel.h"
#include "secrets/FallbackSecretStore.h"
#include "shell/HeapTidy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDebug>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ckstudio {
namespace {

// Table > Add Table; the hint of an empty window names it too.
QKeySequence addTableShortcut() {
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<UserPrompts> prompts, QWidget* parent)
    : QMainWindow(parent)
    , m_prompts(prompts ? std::move(prompts) : std::make_shared<DialogPrompts>())
    , m_document(new ConfigDocument({}, this))
    , m_tables(new TablesModel(m_document, this))
    , m_problems(new ProblemsDock(m_document, this))
    , m_drafts(new DraftStore(this))
    , m_recent(new RecentFiles(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(buildTablesPanel());
    m_splitter->addWidget(buildEditorArea());
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    buildMenus();
    buildStatusBar();

    m_drafts->watch(m_document);
    connect(m_drafts, &DraftStore::writeFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Could not write the autosave draft: %1").arg(message), 10000);
    });
    connect(m_problems, &ProblemsDock::problemActivated, this, &MainWindow::showProblem);
    // A reset document has no current table (the selection model forgets it without a signal).
    connect(m_document, &ConfigDocument::reset, this, [this] { showTable(currentTable()); });
    connect(m_document, &ConfigDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ConfigDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ConfigDocument::wholeDocumentValidated, this,
            [this] { tidyHeapAfterValidating(m_document->config()); });
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    updateTitle();
    rebuildRecentMenu();
    restoreLayout();
}

MainWindow::~MainWindow() {
    // QWidget's destructor may still commit an open cell editor (it moves the focus away); what the document
    // then signals must not reach this window's slots, whose object is already gone.
    for (QObject* sender : std::initializer_list<QObject*>{m_document, m_recent, m_drafts, m_problems})
        disconnect(sender, nullptr, this, nullptr);
}

QWidget* MainWindow::buildTablesPanel() {
    auto* panel = new QWidget(this);
    m_tablesView = new QTableView(panel);
    m_tablesView->setItemDelegate(new TypedTextDelegate(m_tablesView));
    m_tablesView->setObjectName(QStringLiteral("tablesView"));
    m_tablesView->setAccessibleName(tr("Connector tables"));
    m_tablesView->setTabKeyNavigation(false); // Tab goes on to the buttons and the editor
    m_tablesView->setModel(m_tables);
    m_tablesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tablesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tablesView->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tablesView->verticalHeader()->hide();
    m_tablesView->horizontalHeader()->setSectionResizeMode(static_cast<int>(TablesModel::Column::Name),
                                                           QHeaderView::Stretch);
    for (auto column : {TablesModel::Column::Format, TablesModel::Column::Columns,
                        TablesModel::Column::Topics, TablesModel::Column::ProblemCount})
        m_tablesView->horizontalHeader()->setSectionResizeMode(static_cast<int>(column),
                                                               QHeaderView::ResizeToContents);
    connect(m_tablesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showTable(current.isValid() ? current.row() : -1); });

    auto* buttons = new QHBoxLayout;
    auto add = [&](const QString& text, const QString& name, const QString& tip, auto slot) {
        auto* b = new QPushButton(text, panel);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    add(tr("Add"), QStringLiteral("addTableButton"), tr("Add a table"), [this] { addTable(); });
    add(tr("Duplicate"), QStringLiteral("duplicateTableButton"), tr("Duplicate the selected table"),
        [this] { duplicateTable(); });
    add(tr("Remove"), QStringLiteral("removeTableButton"), tr("Remove the selected table"),
        [this] { removeTable(); });
    add(tr("Up"), QStringLiteral("moveTableUpButton"), tr("Move the selected table up"),
        [this] { moveTable(-1); });
    add(tr("Down"), QStringLiteral("moveTableDownButton"), tr("Move the selected table down"),
        [this] { moveTable(1); });

    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tablesView);
    layout->addLayout(buttons);
    return panel;
}

QWidget* MainWindow::buildEditorArea() {
    m_editorArea = new QStackedWidget(this);
    m_editorArea->setObjectName(QStringLiteral("editorArea"));
    m_noTableHint = new QLabel(m_editorArea);
    m_noTableHint->setObjectName(QStringLiteral("noTableHint"));
    m_noTableHint->setAlignment(Qt::AlignCenter);
    // Short lines instead of word wrap: wrapped text makes the layouts ask for a height per width, dozens of
    // times while the window is built, restored and shown, each a text layout (a start-up trick,
    // docs/performance.md).
    m_noTableHint->setForegroundRole(QPalette::PlaceholderText);
    m_noTableHint->setText(
        //: Keep the line breaks (\n) and short lines: the label does not wrap. %1 and %2 are shortcuts.
        tr("No connector table selected.\n\nAdd a table (%1),\nopen a configuration (%2)\n"
           "or browse your Aiven integrations.")
            .arg(addTableShortcut().toString(QKeySequence::NativeText),
                 QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    m_editorArea->addWidget(m_noTableHint);
    return m_editorArea;
}

TableEditor* MainWindow::tableEditor() {
    if (!m_editor) {
        m_editor = new TableEditor(m_document, m_editorArea);
        m_editorArea->addWidget(m_editor);
        QSettings settings;
        for (const auto& [key, header] : editorHeaders())
            header->restoreState(settings.value(key).toByteArray());
        m_editor->setTableIndex(currentTable());
    }
    return m_editor;
}

void MainWindow::showTable(int table) {
    if (table >= 0 || m_editor)
        tableEditor()->setTableIndex(table);
    m_editorArea->setCurrentWidget(table >= 0 ? static_cast<QWidget*>(m_editor) : m_noTableHint);
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto action = [this](QMenu* menu, const QString& text, QKeySequence shortcut, auto slot) {
        auto* a = menu->addAction(text);
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    action(file, tr("&New"), QKeySequence::New, [this] { newDocument(); });
    action(file, tr("&Open…"), QKeySequence::Open, [this] {
        if (!maybeSave())
            return;
        const QString path = m_prompts->askOpenFile(this, QFileInfo(m_document->filePath()).absolutePath());
        if (!path.isEmpty())
            openFile(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    action(file, tr("&Save"), QKeySequence::Save, [this] { save(); });
    action(file, tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
    file->addSeparator();
    action(file, tr("&Paste Config from Clipboard"), QKeySequence(),
           [this] { pasteConfigText(QGuiApplication::clipboard()->text()); });
    action(file, tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] { showExport(); });
    action(file, tr("Destination &DDL…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
           [this] { showDdl(); });
    file->addSeparator();
    action(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    auto* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);

    auto* table = menuBar()->addMenu(tr("&Table"));
    action(table, tr("&Add Table"), addTableShortcut(), [this] { addTable(); });
    action(table, tr("&Duplicate Table"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { duplicateTable(); });
    action(table, tr("&Remove Table"), QKeySequence(), [this] { removeTable(); });
    action(table, tr("Move &Up"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), [this] { moveTable(-1); });
    action(table, tr("Move Do&wn"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down),
           [this] { moveTable(1); });

    auto* view = menuBar()->addMenu(tr("&View"));
    auto* problems = m_problems->toggleViewAction();
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    view->addAction(problems);

    // Remote menus: Aiven and ClickHouse (secrets in the keychain, or in memory when none answers).
    m_secrets = FallbackSecretStore::createDefault(this);
    m_aiven = new AivenMenu(this, m_secrets);
    m_clickHouse = new ClickHouseMenu(this, m_secrets);
    connect(m_clickHouse, &ClickHouseMenu::serverVersionKnown, m_aiven, &AivenMenu::setTargetVersion);

    auto* help = menuBar()->addMenu(tr("&Help"));
    action(help, tr("&About"), QKeySequence(), [this] {
        QMessageBox::about(
            this, tr("About ClickHouse Kafka Studio"),
            tr("ClickHouse Kafka Studio %1\nEditor for Aiven ClickHouse–Kafka integration tables.")
                .arg(QStringLiteral(CKSTUDIO_VERSION)));
    });
}

void MainWindow::buildStatusBar() {
    m_connectionStatus = new ConnectionStatus(this);
    statusBar()->addPermanentWidget(m_connectionStatus);
    // The menus may have connected from the environment before this runs: start from what they hold.
    if (auto* client = m_aiven->client())
        m_connectionStatus->setAiven(client->options().baseUrl, {});
    connect(m_aiven, &AivenMenu::connectionChanged, m_connectionStatus, &ConnectionStatus::setAiven);
    m_connectionStatus->setClickHouse(m_clickHouse->client());
    connect(m_clickHouse, &ClickHouseMenu::connectionChanged, m_connectionStatus,
            [this] { m_connectionStatus->setClickHouse(m_clickHouse->client()); });
}

void MainWindow::updateTitle() {
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — ClickHouse Kafka Studio").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const auto files = m_recent->files();
    for (const auto& path : files) {
        auto* a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, m_recent,
                &RecentFiles::clear);
    }
}

void MainWindow::startUp(const QString& path) {
    if (offerDraftRecovery())
        return;
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified())
        return true;
    const QString name = m_document->filePath().isEmpty() ? tr("the new configuration")
                                                          : QFileInfo(m_document->filePath()).fileName();
    switch (m_prompts->askSaveChanges(this, name)) {
    case UserPrompts::SaveChoice::Save:
        return save();
    case UserPrompts::SaveChoice::Discard:
        return true;
    case UserPrompts::SaveChoice::Cancel:
        return false;
    }
    return false;
}

bool MainWindow::newDocument() {
    if (!maybeSave())
        return false;
    m_document->load(UserConfig{}, {});
    m_drafts->discard();
    return true;
}

bool MainWindow::openFile(const QString& path) {
    const auto error = m_document->loadFile(path);
    if (!error.empty()) {
        const QString message = QString::fromStdString(error);
        qWarning().noquote() << message;
        statusBar()->showMessage(message, 15000);
        m_prompts->showError(this, tr("Cannot open the configuration"), message);
        return false;
    }
    m_drafts->discard();
    m_recent->add(path);
    selectTable(m_document->tableCount() > 0 ? 0 : -1);
    const auto problems = m_document->problems().size();
    statusBar()->showMessage(problems == 0 ? tr("Opened %1").arg(path)
                                           : tr("Opened %1: %n problem(s)", nullptr, int(problems)).arg(path),
                             5000);
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty())
        return saveAs();
    const auto error = m_document->saveFile();
    if (!error.empty()) {
        m_prompts->showError(this, tr("Cannot save"), QString::fromStdString(error));
        return false;
    }
    m_drafts->discard();
    m_recent->add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

bool MainWindow::saveAs() {
    const QString suggestion =
        m_document->filePath().isEmpty() ? QStringLiteral("user_config.json") : m_document->filePath();
    const QString path = m_prompts->askSaveFile(this, suggestion);
    if (path.isEmpty())
        return false;
    const auto error = m_document->saveFile(path);
    if (!error.empty()) {
        m_prompts->showError(this, tr("Cannot save"), QString::fromStdString(error));
        return false;
    }
    m_drafts->discard();
    m_recent->add(path);
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::offerDraftRecovery() {
    const auto draft = m_drafts->read();
    if (!draft)
        return false;
    const QString description =
        tr("File: %1\nLast change: %2")
            .arg(draft->filePath.isEmpty() ? tr("(untitled)") : draft->filePath,
                 QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat));
    if (!m_prompts->askRecoverDraft(this, description)) {
        m_drafts->discard();
        return false;
    }
    m_document->load(draft->config, draft->filePath);
    m_document->setModified(true); // the draft is not saved anywhere else
    selectTable(m_document->tableCount() > 0 ? 0 : -1);
    statusBar()->showMessage(tr("Restored the unsaved draft"), 5000);
    return true;
}

bool MainWindow::pasteConfigText(const QString& text) {
    const auto parsed = parseJsonText(text.toStdString());
    QString error;
    Json config;
    if (!parsed) {
        error = tr("clipboard:%1:%2: %3")
                    .arg(parsed.error->line)
                    .arg(parsed.error->column)
                    .arg(QString::fromStdString(parsed.error->message));
    } else if (parsed.value->is_array()) {
        config = Json::object({{"tables", *parsed.value}}); // a bare tables array
    } else if (parsed.value->is_object() && parsed.value->contains("user_config")) {
        config = (*parsed.value)["user_config"]; // an integration as the API returns it
    } else if (parsed.value->is_object() && parsed.value->contains("tables")) {
        config = *parsed.value;
    } else {
        error = tr("The clipboard holds JSON, but not a user_config: expected an object with \"tables\", "
                   "an integration with \"user_config\", or an array of tables.");
    }
    if (!error.isEmpty()) {
        m_prompts->showError(this, tr("Cannot paste the configuration"), error);
        return false;
    }
    m_document->replaceConfig(userConfigFromJson(config), tr("Paste configuration"));
    m_document->validateNow();
    selectTable(m_document->tableCount() > 0 ? 0 : -1);
    const auto problems = m_document->problems().size();
    statusBar()->showMessage(problems == 0
                                 ? tr("Pasted a valid configuration")
                                 : tr("Pasted a configuration with %n problem(s)", nullptr, int(problems)),
                             5000);
    return true;
}

void MainWindow::selectTable(int row) {
    if (row < 0 || row >= m_tables->rowCount()) {
        m_tablesView->setCurrentIndex({});
        showTable(-1);
        return;
    }
    m_tablesView->setCurrentIndex(m_tables->index(row, 0));
    m_tablesView->scrollTo(m_tables->index(row, 0));
}

int MainWindow::currentTable() const {
    const auto current = m_tablesView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void MainWindow::showProblem(const QString& path, int table) {
    if (table >= 0)
        selectTable(table);
    tableEditor()->focusPath(path);
}

QMenu* MainWindow::addMenu(const QString& title) {
    return menuBar()->addMenu(title);
}

void MainWindow::showStatus(const QString& text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

QDockWidget* MainWindow::addLateDock(const QString& title, const QString& objectName,
                                     Qt::DockWidgetArea defaultArea) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // restoreDockWidget() finds the saved place by it
    if (!restoreDockWidget(dock))
        addDockWidget(defaultArea, dock);
    return dock;
}

void MainWindow::addTable() {
    const int row = currentTable() >= 0 ? currentTable() + 1 : m_document->tableCount();
    // A free name: table_1, table_2, ...
    std::string name;
    for (int n = m_document->tableCount() + 1;; ++n) {
        name = "table_" + std::to_string(n);
        bool taken = false;
        for (const auto& t : m_document->config().tables)
            taken = taken || t.name == name;
        if (!taken)
            break;
    }
    m_document->addTable(row, newConnectorTable(name));
    selectTable(row);
}

void MainWindow::duplicateTable() {
    const int row = currentTable();
    if (row < 0)
        return;
    m_document->duplicateTable(row);
    selectTable(row + 1);
}

void MainWindow::removeTable() {
    const int row = currentTable();
    if (row < 0)
        return;
    m_document->removeTable(row);
    selectTable(std::min(row, m_document->tableCount() - 1));
}

void MainWindow::moveTable(int delta) {
    const int row = currentTable();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_document->tableCount())
        return;
    m_document->moveTable(row, to);
    selectTable(to);
}

void MainWindow::showExport() {
    auto* dialog = new ExportDialog(m_document, m_prompts.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showDdl() {
    auto* dialog = new DdlDialog(m_document, currentTable(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_tablesView->selectionModel(), &QItemSelectionModel::currentRowChanged, dialog,
            [dialog](const QModelIndex& current) {
                dialog->setTableIndex(current.isValid() ? current.row() : -1);
            });
    dialog->show();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 720);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    for (const auto& [key, header] : headers())
        header->restoreState(settings.value(key).toByteArray());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
    for (const auto& [key, header] : headers())
        settings.setValue(key, header->saveState());
}

std::vector<std::pair<QString, QHeaderView*>> MainWindow::headers() const {
    // Column widths the user set by hand; sections sized to contents or stretched stay as they are.
    std::vector<std::pair<QString, QHeaderView*>> out{
        {QStringLiteral("mainWindow/tablesHeader"), m_tablesView->horizontalHeader()},
        {QStringLiteral("mainWindow/problemsHeader"), m_problems->view()->horizontalHeader()}};
    for (auto& editorHeader : editorHeaders())
        out.push_back(std::move(editorHeader));
    return out;
}

std::vector<std::pair<QString, QHeaderView*>> MainWindow::editorHeaders() const {
    if (!m_editor)
        return {};
    return {{QStringLiteral("mainWindow/columnsHeader"), m_editor->columnsView()->horizontalHeader()},
            {QStringLiteral("mainWindow/topicsHeader"), m_editor->topicsView()->horizontalHeader()}};
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_drafts->discard(); // a clean close: nothing to recover
    saveLayout();
    event->accept();
}

} // namespace ckstudio
