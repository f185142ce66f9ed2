#include "clickhouse/RowJsonTree.h"

#include "preview/ResultRowModel.h"
#include "preview/RowExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ckstudio {

namespace {

QString jsonScalarText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("NULL");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

// Appends a child row (key, type, value) under parent and recurses into arrays and objects.
void appendJson(QStandardItem* parent, const QString& key, const QString& type, const QJsonValue& value) {
    auto* keyItem = new QStandardItem(key);
    auto* typeItem = new QStandardItem(type);
    auto* valueItem = new QStandardItem(jsonScalarText(value));
    if (value.isNull())
        valueItem->setData(true, ResultRowModel::IsNullRole);
    for (QStandardItem* item : {keyItem, typeItem, valueItem})
        item->setEditable(false);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        valueItem->setText(QObject::tr("[%n element(s)]", nullptr, static_cast<int>(array.size())));
        for (qsizetype i = 0; i < array.size(); ++i)
            appendJson(keyItem, QString::number(i), {}, array.at(i));
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        valueItem->setText(QObject::tr("{%n key(s)}", nullptr, static_cast<int>(object.size())));
        for (auto it = object.begin(); it != object.end(); ++it)
            appendJson(keyItem, it.key(), {}, it.value());
    }
    parent->appendRow({keyItem, typeItem, valueItem});
}

// A cell as JSON: composites parsed (JSON text directly, ClickHouse literals converted), scalars as text so
// that wide integers and decimals keep their exact digits.
QJsonValue cellJson(const CellRef& cell) {
    switch (cell.kind) {
    case CellKind::Null:
        return QJsonValue(QJsonValue::Null);
    case CellKind::Text:
        return QString::fromUtf8(cell.bytes.data(), static_cast<qsizetype>(cell.bytes.size()));
    case CellKind::Literal:
    case CellKind::JsonText: {
        std::string json;
        if (cell.kind == CellKind::Literal) {
            if (!appendLiteralAsJson(cell.bytes, json))
                return QString::fromUtf8(cell.bytes.data(), static_cast<qsizetype>(cell.bytes.size()));
        } else {
            json.assign(cell.bytes);
        }
        // Wrapped in an array so that any JSON value (not only objects/arrays) parses.
        const QByteArray wrapped = "[" + QByteArray::fromStdString(json) + "]";
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
        if (doc.isArray() && doc.array().size() == 1)
            return doc.array().at(0);
        return QString::fromStdString(json);
    }
    }
    return {};
}

} // namespace

RowJsonTreeModel::RowJsonTreeModel(QObject* parent)
    : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Value")});
}

void RowJsonTreeModel::showRow(const ResultRowModel& rows, int row) {
    removeRows(0, rowCount());
    if (row < 0 || row >= rows.loadedRows())
        return;
    const ResultColumns& columns = rows.columns();
    for (int c = 0; c < static_cast<int>(columns.size()); ++c)
        appendJson(invisibleRootItem(), columns[static_cast<std::size_t>(c)].name,
                   columns[static_cast<std::size_t>(c)].type, cellJson(rows.store().cell(row, c)));
}

} // namespace ckstudio
