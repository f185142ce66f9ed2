#include "itemmodels/ConfigDocument.h"

#include "domain/JsonText.h"
#include "schema/ConfigValidator.h"

#include <QUndoCommand>
#include <algorithm>
#include <utility>

namespace ckstudio {
namespace {

// A command built from two closures. Consecutive commands with the same non-empty merge key (typing into
// one field) collapse into one undo step.
class ClosureCommand : public QUndoCommand {
public:
    ClosureCommand(const QString& text, std::function<void()> redo, std::function<void()> undo,
                   std::string mergeKey)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
        , m_mergeKey(std::move(mergeKey)) {}

    void redo() override { m_redo(); }
    void undo() override { m_undo(); }
    int id() const override { return m_mergeKey.empty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = dynamic_cast<const ClosureCommand*>(other);
        if (!next || next->m_mergeKey != m_mergeKey)
            return false;
        m_redo = next->m_redo;
        return true;
    }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
    std::string m_mergeKey;
};

// "tables[12].columns[3]" -> 12; -1 when the path is not inside a table.
int tableOfPath(const std::string& path) {
    static const std::string prefix = "tables[";
    if (path.rfind(prefix, 0) != 0)
        return -1;
    const auto close = path.find(']', prefix.size());
    if (close == std::string::npos)
        return -1;
    try {
        return std::stoi(path.substr(prefix.size(), close - prefix.size()));
    } catch (...) {
        return -1;
    }
}

template <typename T> void moveElement(std::vector<T>& list, int from, int to) {
    auto item = std::move(list[static_cast<std::size_t>(from)]);
    list.erase(list.begin() + from);
    list.insert(list.begin() + to, std::move(item));
}

} // namespace

ConfigDocument::ConfigDocument(std::shared_ptr<const ConfigValidator> validator, QObject* parent)
    : QObject(parent)
    , m_validator(validator ? std::move(validator) : std::make_shared<const ConfigValidator>()) {
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(250);
    connect(&m_validationTimer, &QTimer::timeout, this, &ConfigDocument::runValidation);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    m_documentDirty = true;
    runValidation();
}

ConfigDocument::~ConfigDocument() {
    // QUndoStack's destructor clears the stack, which reports "clean": a document going away is not a save
    // (the autosave draft must survive a crash-like teardown).
    disconnect(&m_undoStack, nullptr, this, nullptr);
}

const ConnectorTable* ConfigDocument::table(int index) const {
    return validTable(index) ? &m_config.tables[static_cast<std::size_t>(index)] : nullptr;
}

int ConfigDocument::itemCount(ItemList list, int table) const {
    const auto* t = this->table(table);
    if (!t)
        return 0;
    return static_cast<int>(list == ItemList::Columns ? t->columns.size() : t->topics.size());
}

bool ConfigDocument::validItem(ItemList list, int table, int row) const {
    return row >= 0 && row < itemCount(list, table);
}

Json ConfigDocument::itemJson(ItemList list, int table, int row) const {
    const auto& t = m_config.tables[static_cast<std::size_t>(table)];
    const auto r = static_cast<std::size_t>(row);
    return list == ItemList::Columns ? toJson(t.columns[r]) : toJson(t.topics[r]);
}

void ConfigDocument::setFilePath(const QString& path) {
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void ConfigDocument::setModified(bool modified) {
    if (modified)
        m_undoStack.resetClean();
    else
        m_undoStack.setClean();
}

void ConfigDocument::setRemoteBase(std::optional<UserConfig> base) {
    m_remoteBase = std::move(base);
    emit remoteBaseChanged();
}

void ConfigDocument::load(UserConfig config, const QString& filePath) {
    m_undoStack.clear();
    doReplaceConfig(std::move(config));
    setFilePath(filePath);
    m_undoStack.setClean();
    validateNow();
}

std::string ConfigDocument::loadFile(const QString& path) {
    auto read = readJsonFile(path);
    if (!read)
        return read.error;
    UserConfig config = userConfigFromJson(*read.value);
    read = {}; // the file's JSON tree is freed before load()'s validation, so it is gone by
               // wholeDocumentValidated()
    load(std::move(config), path);
    return {};
}

std::string ConfigDocument::saveFile(const QString& path) {
    const QString target = path.isEmpty() ? m_filePath : path;
    if (target.isEmpty())
        return "no file name given";
    auto error = writeTextFileAtomically(target, formatJson(toJson(m_config)));
    if (!error.empty())
        return error;
    setFilePath(target);
    m_undoStack.setClean();
    return {};
}

void ConfigDocument::push(const QString& text, std::function<void()> redo, std::function<void()> undo,
                          const std::string& mergeKey) {
    m_undoStack.push(new ClosureCommand(text, std::move(redo), std::move(undo), mergeKey));
}

// --- Table edits ---

void ConfigDocument::addTable(int index, ConnectorTable table) {
    index = std::clamp(index, 0, tableCount());
    push(
        tr("Add table %1").arg(QString::fromStdString(table.name)),
        [this, index, table] { doInsertTable(index, table); }, [this, index] { doRemoveTable(index); });
}

void ConfigDocument::duplicateTable(int index) {
    const auto* source = table(index);
    if (!source)
        return;
    ConnectorTable copy = *source;
    // A name that is free: "events_copy", "events_copy2", ...
    auto taken = [this](const std::string& name) {
        return std::any_of(m_config.tables.begin(), m_config.tables.end(),
                           [&](const ConnectorTable& t) { return t.name == name; });
    };
    std::string name = copy.name + "_copy";
    for (int n = 2; taken(name); ++n)
        name = copy.name + "_copy" + std::to_string(n);
    copy.name = name;
    push(
        tr("Duplicate table %1").arg(QString::fromStdString(source->name)),
        [this, index, copy] { doInsertTable(index + 1, copy); }, [this, index] { doRemoveTable(index + 1); });
}

void ConfigDocument::removeTable(int index) {
    const auto* old = table(index);
    if (!old)
        return;
    push(
        tr("Remove table %1").arg(QString::fromStdString(old->name)), [this, index] { doRemoveTable(index); },
        [this, index, copy = *old] { doInsertTable(index, copy); });
}

void ConfigDocument::moveTable(int from, int to) {
    if (!validTable(from) || !validTable(to) || from == to)
        return;
    push(
        tr("Move table %1").arg(QString::fromStdString(table(from)->name)),
        [this, from, to] { doMoveTable(from, to); }, [this, from, to] { doMoveTable(to, from); });
}

void ConfigDocument::editTable(int index, const QString& text, const std::string& mergeKey,
                               const std::function<void(ConnectorTable&)>& edit, Scope scope) {
    const auto* old = table(index);
    if (!old)
        return;
    ConnectorTable changed = *old;
    edit(changed);
    if (changed == *old)
        return;
    push(
        text, [this, index, changed, scope] { doReplaceTable(index, changed, scope); },
        [this, index, before = *old, scope] { doReplaceTable(index, before, scope); },
        mergeKey.empty() ? mergeKey : tablePath(index) + "." + mergeKey);
}

void ConfigDocument::setTableName(int index, const std::string& name) {
    // Table names must be unique across tables, so a rename re-validates the whole document.
    editTable(
        index, tr("Rename table"), "name", [&](ConnectorTable& t) { t.name = name; }, Scope::Document);
}

void ConfigDocument::setGroupName(int index, const std::string& name) {
    editTable(
        index, tr("Change consumer group"), "group_name", [&](ConnectorTable& t) { t.groupName = name; },
        Scope::Table);
}

void ConfigDocument::setDataFormat(int index, const std::string& format) {
    editTable(
        index, tr("Change data format"), {}, [&](ConnectorTable& t) { t.dataFormat = format; }, Scope::Table);
}

void ConfigDocument::setMaterializedView(int index, std::optional<MaterializedView> view) {
    editTable(
        index, tr("Edit materialized view"), "materialized_view",
        [&](ConnectorTable& t) {
            t.materializedView = view;
            if (!view) // absent means absent: also drop a verbatim (mistyped) value kept in extra
                t.extra.erase("materialized_view");
        },
        Scope::Table);
}

void ConfigDocument::setSetting(int index, const std::string& key, Json value) {
    const auto* t = table(index);
    if (!t)
        return;
    std::optional<Json> before;
    if (const auto* current = t->setting(key))
        before = *current;
    if (before && *before == value)
        return;
    push(
        tr("Set %1").arg(QString::fromStdString(key)),
        [this, index, key, value] { doSetting(index, key, value); },
        [this, index, key, before] { doSetting(index, key, before); });
}

void ConfigDocument::unsetSetting(int index, const std::string& key) {
    const auto* t = table(index);
    if (!t || !t->setting(key))
        return;
    push(
        tr("Reset %1").arg(QString::fromStdString(key)),
        [this, index, key] { doSetting(index, key, std::nullopt); },
        [this, index, key, before = *t->setting(key)] { doSetting(index, key, before); });
}

// --- Column and topic edits ---

void ConfigDocument::addColumn(int table, int row, Column column) {
    if (!validTable(table))
        return;
    if (column.keyOrder.empty())
        column.keyOrder = {"name", "type"}; // both keys appear, even while still empty
    row = std::clamp(row, 0, itemCount(ItemList::Columns, table));
    push(
        tr("Add column"),
        [this, table, row, item = toJson(column)] { doInsertItem(ItemList::Columns, table, row, item); },
        [this, table, row] { doRemoveItem(ItemList::Columns, table, row); });
}

void ConfigDocument::removeColumn(int table, int row) {
    if (!validItem(ItemList::Columns, table, row))
        return;
    push(
        tr("Remove column"), [this, table, row] { doRemoveItem(ItemList::Columns, table, row); },
        [this, table, row, item = itemJson(ItemList::Columns, table, row)] {
            doInsertItem(ItemList::Columns, table, row, item);
        });
}

void ConfigDocument::moveColumn(int table, int from, int to) {
    if (!validItem(ItemList::Columns, table, from) || !validItem(ItemList::Columns, table, to) || from == to)
        return;
    push(
        tr("Move column"), [this, table, from, to] { doMoveItem(ItemList::Columns, table, from, to); },
        [this, table, from, to] { doMoveItem(ItemList::Columns, table, to, from); });
}

void ConfigDocument::setColumnName(int table, int row, const std::string& name) {
    if (!validItem(ItemList::Columns, table, row))
        return;
    auto column = m_config.tables[static_cast<std::size_t>(table)].columns[static_cast<std::size_t>(row)];
    if (column.name == name && !column.verbatim)
        return;
    const auto before = toJson(column);
    column.verbatim.reset();
    column.name = name;
    push(
        tr("Rename column"),
        [this, table, row, after = toJson(column)] { doSetItem(ItemList::Columns, table, row, after); },
        [this, table, row, before] { doSetItem(ItemList::Columns, table, row, before); },
        itemPath(ItemList::Columns, table, row) + ".name");
}

void ConfigDocument::setColumnType(int table, int row, const std::string& type) {
    if (!validItem(ItemList::Columns, table, row))
        return;
    auto column = m_config.tables[static_cast<std::size_t>(table)].columns[static_cast<std::size_t>(row)];
    if (column.type == type && !column.verbatim)
        return;
    const auto before = toJson(column);
    column.verbatim.reset();
    column.type = type;
    push(
        tr("Change column type"),
        [this, table, row, after = toJson(column)] { doSetItem(ItemList::Columns, table, row, after); },
        [this, table, row, before] { doSetItem(ItemList::Columns, table, row, before); },
        itemPath(ItemList::Columns, table, row) + ".type");
}

void ConfigDocument::addTopic(int table, int row, Topic topic) {
    if (!validTable(table))
        return;
    if (topic.keyOrder.empty())
        topic.keyOrder = {"name"};
    row = std::clamp(row, 0, itemCount(ItemList::Topics, table));
    push(
        tr("Add topic"),
        [this, table, row, item = toJson(topic)] { doInsertItem(ItemList::Topics, table, row, item); },
        [this, table, row] { doRemoveItem(ItemList::Topics, table, row); });
}

void ConfigDocument::removeTopic(int table, int row) {
    if (!validItem(ItemList::Topics, table, row))
        return;
    push(
        tr("Remove topic"), [this, table, row] { doRemoveItem(ItemList::Topics, table, row); },
        [this, table, row, item = itemJson(ItemList::Topics, table, row)] {
            doInsertItem(ItemList::Topics, table, row, item);
        });
}

void ConfigDocument::setTopicName(int table, int row, const std::string& name) {
    if (!validItem(ItemList::Topics, table, row))
        return;
    auto topic = m_config.tables[static_cast<std::size_t>(table)].topics[static_cast<std::size_t>(row)];
    if (topic.name == name && !topic.verbatim)
        return;
    const auto before = toJson(topic);
    topic.verbatim.reset();
    topic.name = name;
    push(
        tr("Rename topic"),
        [this, table, row, after = toJson(topic)] { doSetItem(ItemList::Topics, table, row, after); },
        [this, table, row, before] { doSetItem(ItemList::Topics, table, row, before); },
        itemPath(ItemList::Topics, table, row) + ".name");
}

void ConfigDocument::replaceConfig(UserConfig config, const QString& description) {
    if (config == m_config)
        return;
    push(
        description, [this, config] { doReplaceConfig(config); },
        [this, before = m_config] { doReplaceConfig(before); });
}

// --- Primitives ---

void ConfigDocument::doInsertTable(int index, const ConnectorTable& table) {
    emit tablesAboutToBeInserted(index, index);
    m_config.tables.insert(m_config.tables.begin() + index, table);
    emit tablesInserted(index, index);
    changed(Scope::Document, index);
}

void ConfigDocument::doRemoveTable(int index) {
    emit tablesAboutToBeRemoved(index, index);
    m_config.tables.erase(m_config.tables.begin() + index);
    emit tablesRemoved(index, index);
    changed(Scope::Document, index);
}

void ConfigDocument::doMoveTable(int from, int to) {
    emit tableAboutToBeMoved(from, to);
    moveElement(m_config.tables, from, to);
    emit tableMoved(from, to);
    changed(Scope::Document, to);
}

void ConfigDocument::doReplaceTable(int index, const ConnectorTable& table, Scope scope) {
    m_config.tables[static_cast<std::size_t>(index)] = table;
    emit tableChanged(index);
    changed(scope, index);
}

void ConfigDocument::doSetting(int index, const std::string& key, const std::optional<Json>& value) {
    auto& t = m_config.tables[static_cast<std::size_t>(index)];
    if (value)
        t.setSetting(key, *value);
    else
        t.unsetSetting(key);
    emit settingChanged(index, QString::fromStdString(key));
    emit tableChanged(index);
    changed(Scope::Table, index);
}

void ConfigDocument::doInsertItem(ItemList list, int table, int row, const Json& item) {
    auto& t = m_config.tables[static_cast<std::size_t>(table)];
    emit itemsAboutToBeInserted(list, table, row, row);
    if (list == ItemList::Columns)
        t.columns.insert(t.columns.begin() + row, columnFromJson(item));
    else
        t.topics.insert(t.topics.begin() + row, topicFromJson(item));
    emit itemsInserted(list, table, row, row);
    changed(Scope::Table, table);
}

void ConfigDocument::doRemoveItem(ItemList list, int table, int row) {
    auto& t = m_config.tables[static_cast<std::size_t>(table)];
    emit itemsAboutToBeRemoved(list, table, row, row);
    if (list == ItemList::Columns)
        t.columns.erase(t.columns.begin() + row);
    else
        t.topics.erase(t.topics.begin() + row);
    emit itemsRemoved(list, table, row, row);
    changed(Scope::Table, table);
}

void ConfigDocument::doMoveItem(ItemList list, int table, int from, int to) {
    auto& t = m_config.tables[static_cast<std::size_t>(table)];
    emit itemAboutToBeMoved(list, table, from, to);
    if (list == ItemList::Columns)
        moveElement(t.columns, from, to);
    else
        moveElement(t.topics, from, to);
    emit itemMoved(list, table, from, to);
    changed(Scope::Table, table);
}

void ConfigDocument::doSetItem(ItemList list, int table, int row, const Json& item) {
    auto& t = m_config.tables[static_cast<std::size_t>(table)];
    const auto r = static_cast<std::size_t>(row);
    if (list == ItemList::Columns)
        t.columns[r] = columnFromJson(item);
    else
        t.topics[r] = topicFromJson(item);
    emit itemChanged(list, table, row);
    changed(Scope::Table, table);
}

void ConfigDocument::doReplaceConfig(UserConfig config) {
    emit aboutToReset();
    m_config = std::move(config); // the old config is freed here, before the validation that follows
    emit reset();
    changed(Scope::Document, -1);
}

// --- Validation ---

void ConfigDocument::setValidator(std::shared_ptr<const ConfigValidator> validator) {
    auto withTarget =
        validator ? std::make_shared<ConfigValidator>(*validator) : std::make_shared<ConfigValidator>();
    withTarget->setTargetVersion(m_targetVersion);
    m_validator = std::move(withTarget);
    // Every problem may change with the schema, so the per-table shortcut does not apply.
    m_documentDirty = true;
    validateNow();
    emit validatorChanged();
}

void ConfigDocument::setTargetVersion(std::optional<MajorMinorVersion> version) {
    if (version == m_targetVersion)
        return;
    m_targetVersion = version;
    setValidator(m_validator);
}

void ConfigDocument::changed(Scope scope, int table) {
    if (scope == Scope::Document)
        m_documentDirty = true;
    else
        m_dirtyTables.insert(table);
    emit contentChanged();
    m_validationTimer.start();
}

void ConfigDocument::validateNow() {
    m_validationTimer.stop();
    runValidation();
}

void ConfigDocument::runValidation() {
    if (!m_documentDirty && m_dirtyTables.empty())
        return;
    const bool wholeDocument = m_documentDirty;
    if (wholeDocument) {
        m_problems = m_validator->validate(m_config);
    } else {
        // Keep the other tables' problems and the document's own; replace those of the edited tables.
        Problems kept;
        std::vector<Problems> fresh(m_config.tables.size());
        for (int index : m_dirtyTables)
            if (validTable(index))
                fresh[static_cast<std::size_t>(index)] =
                    m_validator->validateTable(toJson(m_config.tables[static_cast<std::size_t>(index)]),
                                               static_cast<std::size_t>(index));
        Problems merged;
        std::size_t next = 0; // next table whose fresh problems are due
        auto flushUpTo = [&](int table) {
            for (; static_cast<int>(next) <= table && next < fresh.size(); ++next)
                if (m_dirtyTables.count(static_cast<int>(next)))
                    merged.insert(merged.end(), fresh[next].begin(), fresh[next].end());
        };
        for (const auto& problem : m_problems) {
            const int table = tableOfPath(problem.path);
            if (table >= 0 && m_dirtyTables.count(table)) {
                flushUpTo(table);
                continue;
            }
            if (table >= 0)
                flushUpTo(table - 1);
            merged.push_back(problem);
        }
        flushUpTo(static_cast<int>(fresh.size()) - 1);
        m_problems = std::move(merged);
    }
    m_documentDirty = false;
    m_dirtyTables.clear();
    rebuildProblemIndex();
    emit problemsChanged();
    if (wholeDocument)
        emit wholeDocumentValidated();
}

void ConfigDocument::rebuildProblemIndex() {
    m_problemsByPath.clear();
    m_countUnder.clear();
    for (std::size_t i = 0; i < m_problems.size(); ++i) {
        const auto& path = m_problems[i].path;
        m_problemsByPath[path].push_back(i);
        // Count under every ancestor: "tables", "tables[1]", "tables[1].columns", ... and the path itself.
        for (std::size_t pos = 0; pos < path.size(); ++pos)
            if ((path[pos] == '.' || path[pos] == '[') && pos > 0)
                ++m_countUnder[path.substr(0, pos)];
        ++m_countUnder[path];
    }
}

std::vector<const Problem*> ConfigDocument::problemsAt(const std::string& path) const {
    std::vector<const Problem*> out;
    if (auto it = m_problemsByPath.find(path); it != m_problemsByPath.end())
        for (auto index : it->second)
            out.push_back(&m_problems[index]);
    return out;
}

int ConfigDocument::problemCountUnder(const std::string& path) const {
    auto it = m_countUnder.find(path);
    return it == m_countUnder.end() ? 0 : it->second;
}

std::string ConfigDocument::tablePath(int table) {
    return "tables[" + std::to_string(table) + "]";
}

std::string ConfigDocument::itemPath(ItemList list, int table, int row) {
    return tablePath(table) + (list == ItemList::Columns ? ".columns[" : ".topics[") + std::to_string(row) +
           "]";
}

} // namespace ckstudio
