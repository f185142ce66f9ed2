#include "FieldMarks.h"

#include "itemmodels/StatusColors.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/ProblemMarks.h"

#include <QVariant>

namespace ckstudio {

void FieldMarks::add(QWidget* field, const std::string& suffix) {
    m_fields.push_back({field, suffix, field->toolTip()});
}

void FieldMarks::update(const ConfigDocument& document, int table) {
    for (auto& field : m_fields) {
        if (!field.widget)
            continue;
        ProblemMarks marks;
        if (table >= 0)
            marks.add(document.problemsAt(ConfigDocument::tablePath(table) + field.suffix));
        field.widget->setProperty("problem", marks.any ? marks.messages : QString());
        field.widget->setProperty("hasError", marks.error);
        const QString className = QString::fromLatin1(field.widget->metaObject()->className());
        const QPalette& palette = field.widget->palette();
        const QColor colour = marks.error ? errorColor(palette) : warningColor(palette);
        field.widget->setStyleSheet(
            marks.any ? QStringLiteral("%1 { border: 1px solid %2; }").arg(className, colour.name())
                      : QString());
        field.widget->setToolTip(marks.any ? marks.messages + QStringLiteral("\n\n") + field.tooltip
                                           : field.tooltip);
    }
}

bool FieldMarks::hasError(const QWidget* field) {
    return field->property("hasError").toBool();
}

} // namespace ckstudio
