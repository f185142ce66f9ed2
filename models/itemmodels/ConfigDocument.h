#pragma once
// The config being edited: the UserConfig, where it lives on disk, what was pulled from the remote, the undo
// history and the current problems. Every change goes through a QUndoCommand pushed by one of the edit
// functions below; the document then announces it with Qt-model-like "about to"/"done" signal pairs so that
// item models can bracket their own changes precisely.
#include "domain/Problem.h"
#include "domain/UserConfig.h"
#include "schema/TableRules.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ckstudio {

class ConfigValidator;

// The per-table lists the document edits row by row.
enum class ItemList { Columns, Topics };

class ConfigDocument : public QObject {
    Q_OBJECT
public:
    // `validator` may be null: the bundled schema's validator is used.
    explicit ConfigDocument(std::shared_ptr<const ConfigValidator> validator = {}, QObject* parent = nullptr);
    ~ConfigDocument() override;

    const UserConfig& config() const { return m_config; }
    const ConnectorTable* table(int index) const;
    int tableCount() const { return static_cast<int>(m_config.tables.size()); }
    int itemCount(ItemList list, int table) const;
    const ConfigValidator& validator() const { return *m_validator; }
    // Swaps the schema in use (live from the API, or back to the bundled one when `validator` is null) and
    // re-validates the whole document at once; problemsChanged() follows, then validatorChanged().
    void setValidator(std::shared_ptr<const ConfigValidator> validator);
    // The ClickHouse version the config is for (the Aiven service's, or version() of the connected server):
    // every validator in use gets it, also one swapped in later, so that warnings name what that version
    // cannot take. Re-validates like setValidator() when it changes.
    void setTargetVersion(std::optional<MajorMinorVersion> version);
    std::optional<MajorMinorVersion> targetVersion() const { return m_targetVersion; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const { return !m_undoStack.isClean(); }
    // Marks the current state as saved (clean) or as holding unsaved work (e.g. a recovered draft).
    void setModified(bool modified);

    // What was pulled from the remote integration, for three-way comparison on apply.
    const std::optional<UserConfig>& remoteBase() const { return m_remoteBase; }
    void setRemoteBase(std::optional<UserConfig> base);

    QUndoStack* undoStack() { return &m_undoStack; }

    // Replaces everything without undo history (open, new). The undo stack is cleared.
    void load(UserConfig config, const QString& filePath);
    // Reads FILE; on failure returns "FILE:LINE:COL: message" (or "FILE: message") and changes nothing.
    std::string loadFile(const QString& path);
    // Writes the config atomically to `path` (the document's file path when empty). On success the path is
    // remembered and the document is clean. Returns an error message, empty on success.
    std::string saveFile(const QString& path = {});

    // --- Edits. Each pushes one undoable command. Indices out of range are ignored. ---
    void addTable(int index, ConnectorTable table);
    void duplicateTable(int index);
    void removeTable(int index);
    void moveTable(int from, int to); // `to` is the final position
    void setTableName(int index, const std::string& name);
    void setGroupName(int index, const std::string& name);
    void setDataFormat(int index, const std::string& format);
    void setMaterializedView(int index, std::optional<MaterializedView> view);
    void setSetting(int index, const std::string& key, Json value);
    void unsetSetting(int index, const std::string& key);

    void addColumn(int table, int row, Column column);
    void removeColumn(int table, int row);
    void moveColumn(int table, int from, int to);
    void setColumnName(int table, int row, const std::string& name);
    void setColumnType(int table, int row, const std::string& type);
    void addTopic(int table, int row, Topic topic);
    void removeTopic(int table, int row);
    void setTopicName(int table, int row, const std::string& name);

    // Paste, infer, pull: one undoable step that swaps the whole config.
    void replaceConfig(UserConfig config, const QString& description);

    // --- Problems ---
    const Problems& problems() const { return m_problems; }
    // Problems whose path is exactly `path` (e.g. "tables[0].columns[2].type").
    std::vector<const Problem*> problemsAt(const std::string& path) const;
    // Number of problems at `path` or below it ("tables[1]" counts "tables[1].name",
    // "tables[1].columns[0]"...).
    int problemCountUnder(const std::string& path) const;
    // Runs pending validation now (the debounce timer would do it a moment later).
    void validateNow();
    // How long edits are collected before re-validating; 0 validates on the next event-loop turn.
    void setValidationDelay(int milliseconds) { m_validationTimer.setInterval(milliseconds); }

    static std::string tablePath(int table);
    static std::string itemPath(ItemList list, int table, int row);

signals:
    void tablesAboutToBeInserted(int first, int last);
    void tablesInserted(int first, int last);
    void tablesAboutToBeRemoved(int first, int last);
    void tablesRemoved(int first, int last);
    void tableAboutToBeMoved(int from, int to);
    void tableMoved(int from, int to);
    // A scalar of the table changed (name, group, format, materialized view or a setting).
    void tableChanged(int table);
    void settingChanged(int table, const QString& key);

    void itemsAboutToBeInserted(ckstudio::ItemList list, int table, int first, int last);
    void itemsInserted(ckstudio::ItemList list, int table, int first, int last);
    void itemsAboutToBeRemoved(ckstudio::ItemList list, int table, int first, int last);
    void itemsRemoved(ckstudio::ItemList list, int table, int first, int last);
    void itemAboutToBeMoved(ckstudio::ItemList list, int table, int from, int to);
    void itemMoved(ckstudio::ItemList list, int table, int from, int to);
    void itemChanged(ckstudio::ItemList list, int table, int row);

    void aboutToReset();
    void reset();

    // Any change of the config, after the specific signal.
    void contentChanged();
    void problemsChanged();
    // After problemsChanged(), when the whole document was validated (load, paste, a table added, removed or
    // moved, another schema) rather than the edited tables alone: right after the document's heaviest work.
    void wholeDocumentValidated();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void remoteBaseChanged();
    void validatorChanged();

private:
    // What a change may affect, so that validation can stay local to one table when it can.
    enum class Scope { Table, Document };

    void push(const QString& text, std::function<void()> redo, std::function<void()> undo,
              const std::string& mergeKey = {});
    void changed(Scope scope, int table);
    void runValidation();
    void rebuildProblemIndex();

    // Primitives run by the commands.
    void doInsertTable(int index, const ConnectorTable& table);
    void doRemoveTable(int index);
    void doMoveTable(int from, int to);
    void doReplaceTable(int index, const ConnectorTable& table, Scope scope);
    void doSetting(int index, const std::string& key, const std::optional<Json>& value);
    void doInsertItem(ItemList list, int table, int row, const Json& item);
    void doRemoveItem(ItemList list, int table, int row);
    void doMoveItem(ItemList list, int table, int from, int to);
    void doSetItem(ItemList list, int table, int row, const Json& item);
    void doReplaceConfig(UserConfig config);

    bool validTable(int index) const { return index >= 0 && index < tableCount(); }
    bool validItem(ItemList list, int table, int row) const;
    Json itemJson(ItemList list, int table, int row) const;
    void editTable(int index, const QString& text, const std::string& mergeKey,
                   const std::function<void(ConnectorTable&)>& edit, Scope scope);

    std::shared_ptr<const ConfigValidator> m_validator;
    std::optional<MajorMinorVersion> m_targetVersion;
    UserConfig m_config;
    QString m_filePath;
    std::optional<UserConfig> m_remoteBase;
    QUndoStack m_undoStack;
    Problems m_problems;
    std::unordered_map<std::string, std::vector<std::size_t>> m_problemsByPath;
    std::unordered_map<std::string, int> m_countUnder;
    QTimer m_validationTimer;
    std::set<int> m_dirtyTables;
    bool m_documentDirty = false;
};

} // namespace ckstudio
