#include "itemmodels/SettingsModel.h"

#include "itemmodels/JsonVariant.h"
#include "itemmodels/ProblemMarks.h"
#include "itemmodels/StatusColors.h"
#include "schema/ConfigValidator.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QStringList>
#include <algorithm>

namespace ckstudio {

SettingsModel::SettingsModel(ConfigDocument* document, QObject* parent)
    : TableScopedModel(document, parent)
    , m_settings(document->validator().schema().tableSettings()) {
    connect(document, &ConfigDocument::settingChanged, this, [this](int table, const QString& key) {
        const int row = rowOfKey(key);
        if (table == tableIndex() && row >= 0)
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    });
    connect(document, &ConfigDocument::validatorChanged, this, &SettingsModel::followSchema);
}

void SettingsModel::followSchema() {
    auto settings = document()->validator().schema().tableSettings();
    const bool sameKeys =
        std::equal(settings.begin(), settings.end(), m_settings.begin(), m_settings.end(),
                   [](const SchemaProperty& a, const SchemaProperty& b) { return a.name == b.name; });
    if (!sameKeys) {
        beginResetModel();
        m_settings = std::move(settings);
        endResetModel();
        return;
    }
    // Same rows: a reset would close an open editor for nothing; tell only the rows that differ.
    std::vector<int> changedRows;
    for (std::size_t i = 0; i < settings.size(); ++i)
        if (settings[i] != m_settings[i])
            changedRows.push_back(static_cast<int>(i));
    m_settings = std::move(settings);
    if (rowCount() == 0)
        return;
    for (const int row : changedRows)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int SettingsModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !currentTable())
        return 0;
    return static_cast<int>(m_settings.size());
}

int SettingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

int SettingsModel::rowOfKey(const QString& key) const {
    const auto name = key.toStdString();
    for (std::size_t i = 0; i < m_settings.size(); ++i)
        if (m_settings[i].name == name)
            return static_cast<int>(i);
    return -1;
}

QVariant SettingsModel::propertyData(const SchemaProperty& p, int role) const {
    switch (role) {
    case KeyRole:
        return QString::fromStdString(p.name);
    case SchemaTypeRole:
        return QString::fromStdString(p.type);
    case DefaultRole:
        return p.defaultValue ? jsonToVariant(*p.defaultValue) : QVariant();
    case AllowedValuesRole: {
        QStringList values;
        for (const auto& v : p.enumValues)
            values << QString::fromStdString(v);
        return values;
    }
    case MinimumRole:
        return p.minimum ? QVariant::fromValue(static_cast<qlonglong>(*p.minimum)) : QVariant();
    case MaximumRole:
        return p.maximum ? QVariant::fromValue(static_cast<qlonglong>(*p.maximum)) : QVariant();
    case DescriptionRole:
        return QString::fromStdString(p.description);
    case PathRole:
        return QString::fromStdString(ConfigDocument::tablePath(tableIndex()) + "." + p.name);
    default:
        return {};
    }
}

QVariant SettingsModel::data(const QModelIndex& index, int role) const {
    const auto* table = currentTable();
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !table)
        return {};
    const auto& p = property(index.row());
    if (role >= Qt::UserRole && role != IsSetRole && role != HasErrorRole)
        return propertyData(p, role);
    const Json* value = table->setting(p.name);
    ProblemMarks marks;
    marks.add(document()->problemsAt(ConfigDocument::tablePath(tableIndex()) + "." + p.name));
    if (role == IsSetRole)
        return value != nullptr;
    if (role == HasErrorRole)
        return marks.error;
    if (role == Qt::ToolTipRole) {
        QString tip = QString::fromStdString(p.description);
        if (marks.any)
            tip = marks.messages + QStringLiteral("\n\n") + tip;
        return tip.trimmed();
    }

    const bool isBoolean = p.type == "boolean";
    switch (static_cast<Column>(index.column())) {
    case Column::Setting:
        if (role == Qt::DisplayRole)
            return QString::fromStdString(p.title.empty() ? p.name : p.title);
        if (role == Qt::AccessibleTextRole)
            return QString::fromStdString(p.name);
        if (role == Qt::DecorationRole)
            return marks.roleData(role);
        return {};
    case Column::Value: {
        const Json* shown = value ? value : (p.defaultValue ? &*p.defaultValue : nullptr);
        switch (role) {
        case Qt::DisplayRole:
            if (isBoolean && shown && shown->is_boolean())
                return {}; // the check box says it
            return shown ? jsonDisplayText(*shown) : QString();
        case Qt::EditRole:
            return shown ? jsonToVariant(*shown) : QVariant();
        case Qt::CheckStateRole:
            if (!isBoolean)
                return {};
            return shown && shown->is_boolean() && shown->get<bool>() ? Qt::Checked : Qt::Unchecked;
        case Qt::FontRole: {
            if (value)
                return {};
            QFont font;
            font.setItalic(true); // unset: the server default applies
            return font;
        }
        case Qt::ForegroundRole:
            if (marks.any)
                return marks.roleData(role);
            return value ? QVariant() : QVariant(mutedColor(QGuiApplication::palette()));
        case Qt::DecorationRole:
            return marks.roleData(role);
        case Qt::AccessibleTextRole:
            return tr("Value of %1").arg(QString::fromStdString(p.name));
        default:
            return {};
        }
    }
    case Column::Default:
        if (role == Qt::DisplayRole)
            return p.defaultValue ? jsonDisplayText(*p.defaultValue) : QString();
        return {};
    default:
        return {};
    }
}

bool SettingsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !currentTable())
        return false;
    const auto& p = property(index.row());
    if (role == IsSetRole) {
        if (value.toBool())
            return false; // setting needs a value: edit the value instead
        document()->unsetSetting(tableIndex(), p.name);
        return true;
    }
    if (static_cast<Column>(index.column()) != Column::Value)
        return false;
    Json json;
    if (role == Qt::CheckStateRole && p.type == "boolean")
        json = value.toInt() == Qt::Checked;
    else if (role == Qt::EditRole)
        json = variantToJson(value, p.type);
    else
        return false;
    if (json.is_null())
        return false;
    document()->setSetting(tableIndex(), p.name, json);
    return true;
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (static_cast<Column>(section)) {
    case Column::Setting:
        return tr("Setting");
    case Column::Value:
        return tr("Value");
    case Column::Default:
        return tr("Default");
    default:
        return {};
    }
}

Qt::ItemFlags SettingsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (static_cast<Column>(index.column()) == Column::Value) {
        if (property(index.row()).type == "boolean")
            flags |= Qt::ItemIsUserCheckable;
        else
            flags |= Qt::ItemIsEditable;
    }
    return flags;
}

} // namespace ckstudio
