#pragma once
// Destination table + materialized view DDL for the selected table, regenerated as options or the table
// change.
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ckstudio {

class ConfigDocument;

class DdlDialog : public QDialog {
    Q_OBJECT
public:
    DdlDialog(ConfigDocument* document, int table, QWidget* parent = nullptr);

    void setTableIndex(int table);
    QString script() const;

private:
    void regenerate();
    ConfigDocument* m_document;
    int m_table;
    QLineEdit* m_kafkaService;
    QLineEdit* m_database;
    QComboBox* m_engine;
    QLineEdit* m_orderBy;
    QPlainTextEdit* m_text;
    QLabel* m_problems;
};

} // namespace ckstudio
