#pragma once
// Shows the document's problems on plain form fields (line edits, combos, spin boxes): a red frame and the
// messages as tooltip, kept up to date as the document re-validates.
#include <QPointer>
#include <QString>
#include <QWidget>
#include <string>
#include <vector>

namespace ckstudio {

class ConfigDocument;

class FieldMarks {
public:
    // `suffix` is appended to the table's path: ".name", ".materialized_view.ttl_days".
    void add(QWidget* field, const std::string& suffix);
    void update(const ConfigDocument& document, int table);
    // Whether `field` currently shows an error (for tests and accessibility).
    static bool hasError(const QWidget* field);

private:
    struct Field {
        QPointer<QWidget> widget;
        std::string suffix;
        QString tooltip; // the field's own help text, shown below any problem
    };
    std::vector<Field> m_fields;
};

} // namespace ckstudio
