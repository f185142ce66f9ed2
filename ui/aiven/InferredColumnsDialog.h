#pragma once
// Shows the columns inferred from peeked messages (with the inference's warnings) and offers to apply them to
// a table of the document, as one undoable edit.
#include "domain/UserConfig.h"
#include "inference/ColumnInference.h"

#include <QDialog>
#include <QPointer>

class QPlainTextEdit;
class QPushButton;

namespace ckstudio {

class ConfigDocument;

// Replaces the columns of table `table` with `columns` in one undoable command. False when the table does
// not exist or the columns are already those.
bool applyInferredColumns(ConfigDocument& document, int table, const std::vector<Column>& columns,
                          const QString& topic);

// The inference input for peeked values: JSONEachRow unless the table reads JSONStringsEachRow.
std::string inferenceFormatFor(const std::string& dataFormat);

class InferredColumnsDialog : public QDialog {
    Q_OBJECT
public:
    // `table` is the document's current table, -1 for none (then the columns can only be copied).
    InferredColumnsDialog(InferenceResult result, ConfigDocument* document, int table, const QString& topic,
                          QWidget* parent = nullptr);

    QPlainTextEdit* text() const { return m_text; }
    QPushButton* applyButton() const { return m_apply; }
    const InferenceResult& result() const { return m_result; }

public slots:
    void apply();

private:
    InferenceResult m_result;
    QPointer<ConfigDocument> m_document;
    int m_table;
    QString m_topic;
    QPlainTextEdit* m_text;
    QPushButton* m_apply;
};

} // namespace ckstudio
