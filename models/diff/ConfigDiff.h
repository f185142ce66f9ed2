#pragma once
// Structural difference between two user_configs, table by table, for `push --dry-run`, the lost-update check
// and (later) the GUI's apply dialog. Tables are matched by name; a renamed table is a removal plus an
// addition.
#include "domain/Json.h"
#include "domain/UserConfig.h"

#include <string>
#include <vector>

namespace ckstudio {

enum class ChangeKind { Added, Removed, Changed };

// One changed item inside a table (or at the top level of the document).
struct ItemChange {
    enum class Area { Column, Topic, Setting, MaterializedView, ColumnOrder, TopicOrder, Document };
    Area area = Area::Setting;
    ChangeKind kind = ChangeKind::Changed;
    std::string key; // column/topic name, setting key, materialized_view field; empty for order changes
    Json before;     // null when added
    Json after;      // null when removed
    friend bool operator==(const ItemChange&, const ItemChange&) = default;
};

struct TableChange {
    std::string name;
    ChangeKind kind = ChangeKind::Changed;
    std::vector<ItemChange> items; // only for Changed
    friend bool operator==(const TableChange&, const TableChange&) = default;
};

struct ConfigDiff {
    std::vector<TableChange> tables;  // in the order of `after`, removed tables last
    std::vector<ItemChange> document; // keys beside `tables` (unknown to this version) that changed
    bool tableOrderChanged = false;

    bool isEmpty() const { return tables.empty() && document.empty() && !tableOrderChanged; }
    // Human-readable lines: "+ table x", "- table y", "~ table z" followed by indented item lines.
    std::vector<std::string> toLines() const;
    // One line: "2 tables changed (events, orders), 1 added (clicks)".
    std::string summary() const;
};

ConfigDiff diffConfigs(const UserConfig& before, const UserConfig& after);
ConfigDiff diffConfigs(const Json& before, const Json& after);

// True when two documents mean the same (key order ignored; the API may reorder keys).
bool sameConfig(const Json& a, const Json& b);

// Three-way check: did the remote move away from the base the local edit started from?
inline bool remoteMovedSince(const Json& base, const Json& remote) {
    return !sameConfig(base, remote);
}

} // namespace ckstudio
