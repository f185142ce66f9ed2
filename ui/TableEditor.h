#pragma once
// The selected table's editor: name, consumer group, data format and topics; the columns grid; the optional
// settings; the materialized-view block. Every change goes to the document as an undoable edit.
#include "FieldMarks.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTableView;

namespace ckstudio {

class ColumnsModel;
class ConfigDocument;
class MaterializedViewEditor;
class SettingsEditor;
class TopicsModel;

class TableEditor : public QWidget {
    Q_OBJECT
public:
    explicit TableEditor(ConfigDocument* document, QWidget* parent = nullptr);

    int tableIndex() const { return m_table; }
    void setTableIndex(int table);
    // Shows the field or cell of a JSON path inside the shown table ("tables[2].columns[5].type").
    void focusPath(const QString& path);

    QTableView* columnsView() const { return m_columnsView; }
    QTableView* topicsView() const { return m_topicsView; }
    QTabWidget* tabs() const { return m_tabs; }
    // Built on first use (the tab's first showing, a jump to one of its fields).
    SettingsEditor* settingsEditor();
    MaterializedViewEditor* viewEditor();

private:
    enum Tab { GeneralTab, ColumnsTab, SettingsTab, ViewTab };
    QWidget* buildGeneralTab();
    QWidget* buildColumnsTab();
    void refresh();
    void addColumn();
    void removeSelectedColumns();
    void moveCurrentColumn(int delta);
    void addTopic();
    void removeSelectedTopics();

    ConfigDocument* m_document;
    int m_table = -1;
    bool m_refreshing = false;
    QTabWidget* m_tabs;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_group = nullptr;
    QComboBox* m_format = nullptr;
    QTableView* m_topicsView = nullptr;
    QTableView* m_columnsView = nullptr;
    TopicsModel* m_topics;
    ColumnsModel* m_columns;
    QWidget* m_settingsPage;
    QScrollArea* m_viewPage;
    SettingsEditor* m_settings = nullptr;
    MaterializedViewEditor* m_view = nullptr;
    FieldMarks m_marks;
};

} // namespace ckstudio
