#include "TableEditor.h"

#include "ColumnTypeDelegate.h"
#include "MaterializedViewEditor.h"
#include "SettingsEditor.h"
#include "TypedTextDelegate.h"
#include "itemmodels/ColumnsModel.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/TopicsModel.h"
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace ckstudio {
namespace {

QPushButton* button(const QString& text, const QString& objectName, const QString& tip, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    return b;
}

QString schemaTip(const JsonSchema& schema, const char* genericPath) {
    const auto property = schema.property(genericPath);
    if (!property)
        return {};
    return QString::fromStdString(property->description.empty() ? property->title : property->description);
}

// The selected rows (or the current one), each once, last first so that removing them in order keeps the
// remaining indices valid.
std::vector<int> selectedRowsDescending(const QAbstractItemView* view) {
    auto rows = view->selectionModel()->selectedRows();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex();
    std::vector<int> list;
    for (const auto& index : rows)
        list.push_back(index.row());
    std::sort(list.rbegin(), list.rend());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

} // namespace

TableEditor::TableEditor(ConfigDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_tabs(new QTabWidget(this))
    , m_topics(new TopicsModel(document, this))
    , m_columns(new ColumnsModel(document, this))
    , m_settingsPage(new QWidget(this))
    , m_viewPage(new QScrollArea(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->setObjectName(QStringLiteral("tableTabs"));
    m_tabs->addTab(buildGeneralTab(), tr("&Table"));
    m_tabs->addTab(buildColumnsTab(), tr("&Columns"));
    // The settings and materialized-view pages are built when first shown: they are most of the editor's
    // widgets, and nobody sees them at start-up.
    (new QVBoxLayout(m_settingsPage))->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(m_settingsPage, tr("&Settings"));
    m_viewPage->setWidgetResizable(true);
    m_tabs->addTab(m_viewPage, tr("&Materialized view"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == SettingsTab)
            settingsEditor();
        else if (index == ViewTab)
            viewEditor();
    });

    connect(document, &ConfigDocument::tableChanged, this, [this](int table) {
        if (table == m_table)
            refresh();
    });
    connect(document, &ConfigDocument::reset, this,
            [this] { setTableIndex(m_document->table(m_table) ? m_table : -1); });
    // The scoped models (connected first) track the shown table through inserts, removes and moves; once they
    // have, follow them.
    auto follow = [this] {
        if (m_columns->tableIndex() != m_table)
            setTableIndex(m_columns->tableIndex());
    };
    connect(document, &ConfigDocument::tablesInserted, this, follow);
    connect(document, &ConfigDocument::tablesRemoved, this, follow);
    connect(document, &ConfigDocument::tableMoved, this, follow);
    connect(document, &ConfigDocument::problemsChanged, this,
            [this] { m_marks.update(*m_document, m_table); });
    setTableIndex(-1);
}

SettingsEditor* TableEditor::settingsEditor() {
    if (!m_settings) {
        m_settings = new SettingsEditor(m_document, m_settingsPage);
        m_settingsPage->layout()->addWidget(m_settings);
        m_settings->setTableIndex(m_table);
    }
    return m_settings;
}

MaterializedViewEditor* TableEditor::viewEditor() {
    if (!m_view) {
        m_view = new MaterializedViewEditor(m_document, m_viewPage);
        m_viewPage->setWidget(m_view);
        m_view->setTableIndex(m_table);
    }
    return m_view;
}

QWidget* TableEditor::buildGeneralTab() {
    auto* page = new QWidget(this);
    const auto& schema = m_document->validator().schema();
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("tableNameEdit"));
    m_name->setAccessibleName(tr("Table name"));
    m_name->setToolTip(schemaTip(schema, "tables[].name"));
    m_group = new QLineEdit(page);
    m_group->setObjectName(QStringLiteral("groupNameEdit"));
    m_group->setAccessibleName(tr("Consumer group"));
    m_group->setToolTip(schemaTip(schema, "tables[].group_name"));
    m_format = new QComboBox(page);
    m_format->setObjectName(QStringLiteral("dataFormatCombo"));
    m_format->setAccessibleName(tr("Data format"));
    m_format->setToolTip(schemaTip(schema, "tables[].data_format"));
    if (auto property = schema.property("tables[].data_format"))
        for (const auto& value : property->enumValues)
            m_format->addItem(QString::fromStdString(value));
    m_marks.add(m_name, ".name");
    m_marks.add(m_group, ".group_name");
    m_marks.add(m_format, ".data_format");

    // Typing is committed as it happens (consecutive keystrokes merge into one undo step), so problems show
    // while typing.
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_document->setTableName(m_table, text.toStdString()); });
    connect(m_group, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_document->setGroupName(m_table, text.toStdString()); });
    connect(m_format, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        if (!m_refreshing)
            m_document->setDataFormat(m_table, text.toStdString());
    });

    m_topicsView = new QTableView(page);
    m_topicsView->setItemDelegate(new TypedTextDelegate(m_topicsView));
    m_topicsView->setObjectName(QStringLiteral("topicsView"));
    m_topicsView->setAccessibleName(tr("Topics"));
    m_topicsView->setTabKeyNavigation(false); // Tab leaves the grid (arrows move between cells)
    m_topicsView->setModel(m_topics);
    m_topicsView->horizontalHeader()->setStretchLastSection(true);
    m_topicsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_topicsView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    auto* addTopic = button(tr("Add topic"), QStringLiteral("addTopicButton"), tr("Add a topic"), page);
    auto* removeTopic = button(tr("Remove topic"), QStringLiteral("removeTopicButton"),
                               tr("Remove the selected topics"), page);
    connect(addTopic, &QPushButton::clicked, this, &TableEditor::addTopic);
    connect(removeTopic, &QPushButton::clicked, this, &TableEditor::removeSelectedTopics);

    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("&Name:"), page);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    auto* groupLabel = new QLabel(tr("Consumer &group:"), page);
    groupLabel->setBuddy(m_group);
    form->addRow(groupLabel, m_group);
    auto* formatLabel = new QLabel(tr("Data &format:"), page);
    formatLabel->setBuddy(m_format);
    form->addRow(formatLabel, m_format);
    auto* topicButtons = new QHBoxLayout;
    topicButtons->addWidget(addTopic);
    topicButtons->addWidget(removeTopic);
    topicButtons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Topics:"), page));
    layout->addWidget(m_topicsView);
    layout->addLayout(topicButtons);
    return page;
}

QWidget* TableEditor::buildColumnsTab() {
    auto* page = new QWidget(this);
    m_columnsView = new QTableView(page);
    m_columnsView->setObjectName(QStringLiteral("columnsView"));
    m_columnsView->setAccessibleName(tr("Columns"));
    // Tab leaves the grid; while a cell is being edited it still moves on to the next cell.
    m_columnsView->setTabKeyNavigation(false);
    m_columnsView->setModel(m_columns);
    m_columnsView->setItemDelegate(new ColumnTypeDelegate(m_columnsView));
    m_columnsView->horizontalHeader()->setStretchLastSection(true);
    m_columnsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columnsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_columnsView->setDragEnabled(true);
    m_columnsView->setAcceptDrops(true);
    m_columnsView->setDropIndicatorShown(true);
    m_columnsView->setDragDropMode(QAbstractItemView::InternalMove);
    m_columnsView->setDefaultDropAction(Qt::MoveAction);

    auto* add = button(tr("Add column"), QStringLiteral("addColumnButton"), tr("Add a column"), page);
    auto* remove =
        button(tr("Remove"), QStringLiteral("removeColumnButton"), tr("Remove the selected columns"), page);
    auto* up = button(tr("Move up"), QStringLiteral("moveColumnUpButton"), tr("Move the column up"), page);
    auto* down =
        button(tr("Move down"), QStringLiteral("moveColumnDownButton"), tr("Move the column down"), page);
    connect(add, &QPushButton::clicked, this, &TableEditor::addColumn);
    connect(remove, &QPushButton::clicked, this, &TableEditor::removeSelectedColumns);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrentColumn(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrentColumn(1); });

    auto* buttons = new QHBoxLayout;
    for (auto* b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_columnsView);
    layout->addLayout(buttons);
    return page;
}

void TableEditor::setTableIndex(int table) {
    if (!m_document->table(table))
        table = -1;
    m_table = table;
    m_columns->setTableIndex(table);
    m_topics->setTableIndex(table);
    if (m_settings)
        m_settings->setTableIndex(table);
    if (m_view)
        m_view->setTableIndex(table);
    m_tabs->setEnabled(table >= 0);
    refresh();
}

void TableEditor::refresh() {
    const auto* table = m_document->table(m_table);
    m_refreshing = true;
    auto setText = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text) // keeps the cursor while the user types
            edit->setText(text);
    };
    setText(m_name, table ? QString::fromStdString(table->name) : QString());
    setText(m_group, table ? QString::fromStdString(table->groupName) : QString());
    const QString format = table ? QString::fromStdString(table->dataFormat) : QString();
    if (m_format->findText(format) < 0)
        m_format->addItem(format); // keep what the file says, even if the schema does not know it
    m_format->setCurrentIndex(m_format->findText(format));
    m_refreshing = false;
    if (m_view)
        m_view->refresh();
    m_marks.update(*m_document, m_table);
}

void TableEditor::addColumn() {
    if (m_table < 0)
        return;
    const auto current = m_columnsView->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : m_columns->rowCount();
    m_document->addColumn(m_table, row, Column{});
    const auto name = m_columns->index(row, static_cast<int>(ColumnsModel::Column::Name));
    m_columnsView->setCurrentIndex(name);
    m_columnsView->setFocus();
    m_columnsView->edit(name);
}

void TableEditor::removeSelectedColumns() {
    const std::vector<int> list = selectedRowsDescending(m_columnsView);
    if (list.empty())
        return;
    auto* stack = m_document->undoStack();
    stack->beginMacro(tr("Remove columns"));
    for (int row : list)
        m_document->removeColumn(m_table, row);
    stack->endMacro();
}

void TableEditor::moveCurrentColumn(int delta) {
    const auto current = m_columnsView->currentIndex();
    if (!current.isValid())
        return;
    const int to = current.row() + delta;
    if (to < 0 || to >= m_columns->rowCount())
        return;
    m_document->moveColumn(m_table, current.row(), to);
    m_columnsView->setCurrentIndex(m_columns->index(to, current.column()));
}

void TableEditor::addTopic() {
    if (m_table < 0)
        return;
    const int row = m_topics->rowCount();
    m_document->addTopic(m_table, row, Topic{});
    const auto index = m_topics->index(row, 0);
    m_topicsView->setCurrentIndex(index);
    m_topicsView->setFocus();
    m_topicsView->edit(index);
}

void TableEditor::removeSelectedTopics() {
    const std::vector<int> list = selectedRowsDescending(m_topicsView);
    if (list.empty())
        return;
    auto* stack = m_document->undoStack();
    stack->beginMacro(tr("Remove topics"));
    for (int row : list)
        m_document->removeTopic(m_table, row);
    stack->endMacro();
}

void TableEditor::focusPath(const QString& path) {
    static const QRegularExpression item(
        QStringLiteral("^tables\\[\\d+\\]\\.(columns|topics)\\[(\\d+)\\](?:\\.(\\w+))?"));
    static const QRegularExpression field(QStringLiteral("^tables\\[\\d+\\]\\.(\\w+)(?:\\.(\\w+))?"));
    if (const auto match = item.match(path); match.hasMatch()) {
        const int row = match.captured(2).toInt();
        if (match.captured(1) == QLatin1String("columns")) {
            m_tabs->setCurrentIndex(ColumnsTab);
            const int column = match.captured(3) == QLatin1String("type")
                                   ? static_cast<int>(ColumnsModel::Column::Type)
                                   : static_cast<int>(ColumnsModel::Column::Name);
            const auto index = m_columns->index(row, column);
            m_columnsView->setCurrentIndex(index);
            m_columnsView->scrollTo(index);
            m_columnsView->setFocus();
        } else {
            m_tabs->setCurrentIndex(GeneralTab);
            const auto index = m_topics->index(row, 0);
            m_topicsView->setCurrentIndex(index);
            m_topicsView->setFocus();
        }
        return;
    }
    const auto match = field.match(path);
    const QString key = match.captured(1);
    if (key == QLatin1String("name") || key == QLatin1String("group_name") ||
        key == QLatin1String("data_format") || key == QLatin1String("columns") ||
        key == QLatin1String("topics") || !match.hasMatch()) {
        const bool columns = key == QLatin1String("columns");
        m_tabs->setCurrentIndex(columns ? ColumnsTab : GeneralTab);
        if (key == QLatin1String("name"))
            m_name->setFocus();
        else if (key == QLatin1String("group_name"))
            m_group->setFocus();
        else if (key == QLatin1String("data_format"))
            m_format->setFocus();
        else if (key == QLatin1String("topics"))
            m_topicsView->setFocus();
        else if (columns)
            m_columnsView->setFocus();
        return;
    }
    if (key == QLatin1String("materialized_view")) {
        m_tabs->setCurrentIndex(ViewTab);
        viewEditor()->focusField(match.captured(2));
        return;
    }
    m_tabs->setCurrentIndex(SettingsTab);
    settingsEditor()->focusSetting(key);
}

} // namespace ckstudio
