#include "MaterializedViewEditor.h"

#include "itemmodels/ConfigDocument.h"
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace ckstudio {
namespace {

QString joinList(const std::vector<std::string>& items) {
    QStringList list;
    for (const auto& item : items)
        list << QString::fromStdString(item);
    return list.join(QStringLiteral(", "));
}

std::vector<std::string> splitList(const QString& text) {
    std::vector<std::string> items;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            items.push_back(part.trimmed().toStdString());
    return items;
}

std::optional<std::string> optionalText(const QString& text) {
    const auto trimmed = text.trimmed();
    return trimmed.isEmpty() ? std::nullopt : std::optional<std::string>(trimmed.toStdString());
}

QSpinBox* daysBox(QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(0, 36500);
    box->setSpecialValueText(QObject::tr("not set"));
    box->setSuffix(QObject::tr(" days"));
    return box;
}

} // namespace

MaterializedViewEditor::MaterializedViewEditor(ConfigDocument* document, QWidget* parent)
    : QGroupBox(tr("Let Aiven create a materialized view and its destination table"), parent)
    , m_document(document)
    , m_viewName(new QLineEdit(this))
    , m_database(new QLineEdit(this))
    , m_engine(new QComboBox(this))
    , m_engineParams(new QLineEdit(this))
    , m_orderBy(new QLineEdit(this))
    , m_ttlColumn(new QLineEdit(this))
    , m_ttlDays(daysBox(this))
    , m_localDiskTtlDays(daysBox(this)) {
    setObjectName(QStringLiteral("materializedViewGroup"));
    setAccessibleName(tr("Materialized view"));
    setCheckable(true);
    setChecked(false);

    const auto& schema = document->validator().schema();
    auto describe = [&](QWidget* field, const char* key, const QString& name) {
        field->setObjectName(QStringLiteral("mv_") + QLatin1String(key));
        field->setAccessibleName(name);
        if (auto property = schema.property(std::string("tables[].materialized_view.") + key))
            field->setToolTip(QString::fromStdString(property->description.empty() ? property->title
                                                                                   : property->description));
        m_marks.add(field, std::string(".materialized_view.") + key);
    };
    describe(m_viewName, "view_name", tr("View name"));
    describe(m_database, "database_name", tr("Database"));
    describe(m_engine, "engine", tr("Engine"));
    describe(m_engineParams, "engine_params", tr("Engine parameters"));
    describe(m_orderBy, "order_by", tr("Order by"));
    describe(m_ttlColumn, "ttl_column", tr("TTL column"));
    describe(m_ttlDays, "ttl_days", tr("TTL days"));
    describe(m_localDiskTtlDays, "local_disk_ttl_days", tr("Local disk TTL days"));

    m_database->setPlaceholderText(QStringLiteral("default"));
    m_engineParams->setPlaceholderText(tr("comma-separated, e.g. version"));
    m_orderBy->setPlaceholderText(tr("comma-separated columns, e.g. id, ts"));
    m_engine->addItem(QString()); // unset: the server's default engine
    if (auto property = schema.property("tables[].materialized_view.engine"))
        for (const auto& value : property->enumValues)
            m_engine->addItem(QString::fromStdString(value));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&View name:"), m_viewName);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Engine:"), m_engine);
    form->addRow(tr("Engine &parameters:"), m_engineParams);
    form->addRow(tr("&Order by:"), m_orderBy);
    form->addRow(tr("TTL &column:"), m_ttlColumn);
    form->addRow(tr("&TTL:"), m_ttlDays);
    form->addRow(tr("&Local disk TTL:"), m_localDiskTtlDays);

    for (auto* edit : {m_viewName, m_database, m_engineParams, m_orderBy, m_ttlColumn})
        connect(edit, &QLineEdit::textEdited, this, &MaterializedViewEditor::commit);
    connect(m_engine, &QComboBox::currentIndexChanged, this, &MaterializedViewEditor::commit);
    for (auto* box : {m_ttlDays, m_localDiskTtlDays})
        connect(box, &QSpinBox::valueChanged, this, &MaterializedViewEditor::commit);
    connect(this, &QGroupBox::toggled, this, &MaterializedViewEditor::commit);
    connect(document, &ConfigDocument::problemsChanged, this,
            [this] { m_marks.update(*m_document, m_table); });
}

void MaterializedViewEditor::setTableIndex(int table) {
    m_table = table;
    refresh();
}

void MaterializedViewEditor::refresh() {
    const auto* table = m_document->table(m_table);
    setEnabled(table != nullptr);
    m_refreshing = true;
    const MaterializedView view =
        table && table->materializedView ? *table->materializedView : MaterializedView{};
    setChecked(table && table->materializedView);
    auto setText = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text) // keeps the cursor where the user is typing
            edit->setText(text);
    };
    setText(m_viewName, QString::fromStdString(view.viewName));
    setText(m_database, QString::fromStdString(view.databaseName.value_or("")));
    const QString engine = QString::fromStdString(view.engine.value_or(""));
    if (m_engine->findText(engine) < 0)
        m_engine->addItem(engine);
    m_engine->setCurrentIndex(m_engine->findText(engine));
    setText(m_engineParams, joinList(view.engineParams.value_or(std::vector<std::string>{})));
    setText(m_orderBy, joinList(view.orderBy));
    setText(m_ttlColumn, QString::fromStdString(view.ttlColumn.value_or("")));
    m_ttlDays->setValue(static_cast<int>(view.ttlDays.value_or(0)));
    m_localDiskTtlDays->setValue(static_cast<int>(view.localDiskTtlDays.value_or(0)));
    m_refreshing = false;
    m_marks.update(*m_document, m_table);
}

void MaterializedViewEditor::commit() {
    const auto* table = m_document->table(m_table);
    if (m_refreshing || !table)
        return;
    if (!isChecked()) {
        m_document->setMaterializedView(m_table, std::nullopt);
        return;
    }
    // Start from what the table has so that unknown keys inside the block survive.
    MaterializedView view = table->materializedView.value_or(MaterializedView{});
    if (!table->materializedView)
        view.keyOrder = {"view_name", "order_by"};
    view.viewName = m_viewName->text().trimmed().toStdString();
    view.databaseName = optionalText(m_database->text());
    view.engine = optionalText(m_engine->currentText());
    const auto params = splitList(m_engineParams->text());
    view.engineParams = params.empty() ? std::nullopt : std::optional(params);
    view.orderBy = splitList(m_orderBy->text());
    view.ttlColumn = optionalText(m_ttlColumn->text());
    view.ttlDays = m_ttlDays->value() > 0 ? std::optional<std::int64_t>(m_ttlDays->value()) : std::nullopt;
    view.localDiskTtlDays = m_localDiskTtlDays->value() > 0
                                ? std::optional<std::int64_t>(m_localDiskTtlDays->value())
                                : std::nullopt;
    m_document->setMaterializedView(m_table, view);
}

QWidget* MaterializedViewEditor::fieldOf(const QString& key) const {
    return findChild<QWidget*>(QStringLiteral("mv_") + key);
}

void MaterializedViewEditor::focusField(const QString& key) {
    if (auto* field = fieldOf(key))
        field->setFocus();
    else
        setFocus();
}

} // namespace ckstudio
