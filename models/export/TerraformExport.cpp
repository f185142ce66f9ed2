// The config as a Terraform aiven_service_integration resource (reference/field-and-style.md A2.3). Attribute
// names are the provider's (they equal the API's keys); what the provider does not know is left out with a
// note.
#include "export/Exporters.h"

#include <algorithm>
#include <array>
#include <variant>

namespace ckstudio {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Comments end at a line break: control characters in user text become '?'.
std::string commentSafe(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return text;
}

// A block body: attributes, nested blocks and comments in order; rendered the way `terraform fmt` lays it out
// (two-space indent, '=' aligned across consecutive attributes).
class HclBlock {
public:
    explicit HclBlock(std::string header)
        : m_header(std::move(header)) {}

    void attribute(std::string name, std::string valueText) {
        m_items.emplace_back(Attribute{std::move(name), std::move(valueText)});
    }
    void comment(std::string text) { m_items.emplace_back(Comment{commentSafe(std::move(text))}); }
    HclBlock& block(std::string header) {
        m_items.emplace_back(std::make_unique<HclBlock>(std::move(header)));
        return *std::get<std::unique_ptr<HclBlock>>(m_items.back());
    }

    void render(std::string& out, int depth) const {
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        out += indent + m_header + " {\n";
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            const auto& item = m_items[i];
            if (const auto* a = std::get_if<Attribute>(&item)) {
                out += indent + "  " + a->name + std::string(alignedWidth(i) - a->name.size(), ' ') + " = " +
                       a->value + "\n";
            } else if (const auto* c = std::get_if<Comment>(&item)) {
                out += indent + "  # " + c->text + "\n";
            } else {
                std::get<std::unique_ptr<HclBlock>>(item)->render(out, depth + 1);
            }
        }
        out += indent + "}\n";
    }

private:
    struct Attribute {
        std::string name;
        std::string value;
    };
    struct Comment {
        std::string text;
    };
    using Item = std::variant<Attribute, Comment, std::unique_ptr<HclBlock>>;

    // Width of the longest name in the run of consecutive attributes around item i (a comment or a block ends
    // a run, as in `terraform fmt`).
    std::size_t alignedWidth(std::size_t i) const {
        auto isAttribute = [&](std::size_t k) { return std::holds_alternative<Attribute>(m_items[k]); };
        std::size_t first = i;
        while (first > 0 && isAttribute(first - 1))
            --first;
        std::size_t width = 0;
        for (std::size_t k = first; k < m_items.size() && isAttribute(k); ++k)
            width = std::max(width, std::get<Attribute>(m_items[k]).name.size());
        return width;
    }

    std::string m_header;
    std::vector<Item> m_items;
};

// Attributes of a `tables` block besides name/columns/topics/data_format/group_name/materialized_view.
constexpr std::array<std::string_view, 19> kTableSettings = {
    "auto_offset_reset",
    "auto_offset_reset_by_duration_ms",
    "date_time_input_format",
    "handle_error_mode",
    "max_block_size",
    "max_rows_per_message",
    "num_consumers",
    "poll_max_batch_size",
    "poll_max_timeout_ms",
    "producer_batch_num_messages",
    "producer_batch_size",
    "producer_compression_codec",
    "producer_compression_level",
    "producer_linger_ms",
    "producer_queue_buffering_max_kbytes",
    "producer_queue_buffering_max_messages",
    "producer_request_required_acks",
    "skip_broken_messages",
    "thread_per_consumer",
};
constexpr std::array<std::string_view, 8> kViewAttributes = {
    "view_name", "database_name", "engine",   "engine_params",
    "order_by",  "ttl_column",    "ttl_days", "local_disk_ttl_days"};

template <std::size_t N> bool isOneOf(const std::string& key, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), key) != names.end();
}

// HCL text of a scalar (or list of scalars), or empty when the value has no HCL form the provider would take.
std::string hclValue(const Json& value, bool listAllowed) {
    if (value.is_string())
        return hclString(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    if (value.is_number())
        return value.dump();
    if (listAllowed && value.is_array()) {
        std::string out = "[";
        for (const auto& item : value) {
            const std::string text = hclValue(item, false);
            if (text.empty())
                return {};
            out += (out.size() > 1 ? ", " : "") + text;
        }
        return out + "]";
    }
    return {};
}

class TerraformWriter {
public:
    void note(HclBlock& block, const std::string& what) { block.comment("note: " + what); }

    // Writes `key = value` or a note why it was left out.
    void attribute(HclBlock& block, const std::string& key, const Json& value, bool listAllowed = false) {
        const std::string text = hclValue(value, listAllowed);
        if (text.empty())
            note(block,
                 hclString(key) + " has a value Terraform cannot take (" + value.type_name() + "); left out");
        else
            block.attribute(key, text);
    }

    void leftOut(HclBlock& block, const std::string& key) {
        note(block, hclString(key) + " is not known to the Terraform provider; left out");
    }

    void nameOnlyBlocks(HclBlock& table, const Json& list, const std::string& header,
                        const std::vector<std::string>& attributes) {
        if (!list.is_array()) {
            note(table, header + " is not a JSON array; left out");
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json& item = list[i];
            if (!item.is_object()) {
                note(table, header + "[" + std::to_string(i) + "] is not a JSON object; left out");
                continue;
            }
            HclBlock& block = table.block(header);
            for (const auto& name : attributes)
                if (item.contains(name))
                    attribute(block, name, item.at(name));
            for (const auto& [key, value] : item.items())
                if (std::find(attributes.begin(), attributes.end(), key) == attributes.end())
                    leftOut(block, key);
        }
    }

    void materializedView(HclBlock& table, const Json& view) {
        if (!view.is_object()) {
            note(table, "materialized_view is not a JSON object; left out");
            return;
        }
        HclBlock& block = table.block("materialized_view");
        for (const auto name : kViewAttributes) {
            const std::string key(name);
            if (view.contains(key))
                attribute(block, key, view.at(key), key == "engine_params" || key == "order_by");
        }
        for (const auto& [key, value] : view.items())
            if (!isOneOf(key, kViewAttributes))
                leftOut(block, key);
    }

    void table(HclBlock& config, const Json& t, std::size_t index) {
        if (!t.is_object()) {
            note(config, "tables[" + std::to_string(index) + "] is not a JSON object; left out");
            return;
        }
        HclBlock& block = config.block("tables");
        if (t.contains("name"))
            attribute(block, "name", t.at("name"));
        if (t.contains("columns"))
            nameOnlyBlocks(block, t.at("columns"), "columns", {"name", "type"});
        if (t.contains("topics"))
            nameOnlyBlocks(block, t.at("topics"), "topics", {"name"});
        for (const char* key : {"data_format", "group_name"})
            if (t.contains(key))
                attribute(block, key, t.at(key));
        for (const auto& [key, value] : t.items()) {
            if (isOneOf(key, kTableSettings))
                attribute(block, key, value);
            else if (key != "name" && key != "columns" && key != "topics" && key != "data_format" &&
                     key != "group_name" && key != "materialized_view")
                leftOut(block, key);
        }
        if (t.contains("materialized_view"))
            materializedView(block, t.at("materialized_view"));
    }
};

} // namespace

std::string hclString(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7f) {
            out += "\\u00";
            out += kHexDigits[byte >> 4];
            out += kHexDigits[byte & 0x0f];
        } else if ((c == '$' || c == '%') && next == '{') {
            out += c; // $${ and %%{ are the literal forms of the template openers
            out += c;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string exportTerraform(const UserConfig& config, const std::string& project,
                            const std::string& integrationId) {
    const Json json = toJson(config);
    TerraformWriter writer;
    HclBlock resource("resource \"aiven_service_integration\" \"clickhouse_kafka\"");
    resource.attribute("project", hclString(project.empty() ? "PROJECT_NAME" : project));
    resource.attribute("integration_type", hclString("clickhouse_kafka"));
    resource.attribute("source_service_name", hclString("KAFKA_SERVICE_NAME"));
    resource.attribute("destination_service_name", hclString("CLICKHOUSE_SERVICE_NAME"));
    HclBlock& userConfig = resource.block("clickhouse_kafka_user_config");
    if (!json.is_object()) {
        writer.note(userConfig, "the user_config is not a JSON object; nothing to export");
    } else {
        for (const auto& [key, value] : json.items()) {
            if (key != "tables") {
                writer.leftOut(userConfig, key);
            } else if (!value.is_array()) {
                writer.note(userConfig, "tables is not a JSON array; left out");
            } else {
                for (std::size_t i = 0; i < value.size(); ++i)
                    writer.table(userConfig, value[i], i);
            }
        }
    }
    std::string out =
        "# clickhouse_kafka integration (terraform-provider-aiven; materialized_view needs v4.54.0+).\n"
        "# Set source_service_name (the Kafka service) and destination_service_name (ClickHouse).\n";
    if (!integrationId.empty())
        out += commentSafe("# Adopt the existing integration first: terraform import "
                           "aiven_service_integration.clickhouse_kafka " +
                           shellQuote((project.empty() ? std::string("PROJECT_NAME") : project) + "/" +
                                      integrationId)) +
               "\n";
    resource.render(out, 0);
    return out;
}

} // namespace ckstudio
