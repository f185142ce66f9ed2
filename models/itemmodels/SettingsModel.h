#pragma once
// The optional settings of one table, one row per setting the schema knows (JsonSchema::tableSettings()).
// A setting is either set (its key is in the table's JSON) or unset (absent: the server default applies).
// Editing the value sets it; setting IsSetRole to false removes the key again. The rows follow the document's
// schema: a live schema with other settings swapped in (ConfigDocument::setValidator) rebuilds them.
#include "itemmodels/TableScopedModel.h"
#include "schema/JsonSchema.h"

#include <vector>

namespace ckstudio {

class SettingsModel : public TableScopedModel {
    Q_OBJECT
public:
    enum class Column { Setting, Value, Default, Count };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: the JSON key, e.g. "num_consumers"
        IsSetRole,                  // bool; setData(false) unsets the setting
        SchemaTypeRole,             // QString: "integer", "boolean", "string", "number"
        DefaultRole,                // the schema's default, invalid when it has none
        AllowedValuesRole,          // QStringList: the schema's enum, empty when free
        MinimumRole,                // qlonglong, invalid when unbounded
        MaximumRole,                // qlonglong, invalid when unbounded
        DescriptionRole,            // QString
        PathRole,                   // QString: "tables[0].num_consumers"
        HasErrorRole,               // bool
    };

    explicit SettingsModel(ConfigDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The row of a setting key, -1 when the schema does not know it.
    int rowOfKey(const QString& key) const;
    const SchemaProperty& property(int row) const { return m_settings[static_cast<std::size_t>(row)]; }

private:
    // After a schema swap: a reset when the schema's setting keys differ, else dataChanged over the rows
    // whose properties (range, enum, default, ...) did. Values stay in the document either way.
    void followSchema();
    QVariant propertyData(const SchemaProperty& property, int role) const;
    std::vector<SchemaProperty> m_settings;
};

} // namespace ckstudio
