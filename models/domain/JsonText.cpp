#include "domain/JsonText.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ckstudio {
namespace {

struct TooDeep {};

JsonParseError positionOf(std::string_view text, std::size_t byteOffset, std::string message) {
    JsonParseError e;
    e.line = 1;
    e.column = 1;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++e.line;
            e.column = 1;
        } else {
            ++e.column;
        }
    }
    e.message = std::move(message);
    return e;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: ".
std::string plainMessage(const std::string& what) {
    auto pos = what.find(": ");
    if (pos == std::string::npos && !what.empty() && what.front() == '[') {
        const auto bracket = what.find("] ");
        pos = bracket == std::string::npos ? pos : bracket;
    }
    std::string msg = pos == std::string::npos ? what : what.substr(pos + 2);
    if (msg.rfind("syntax error while parsing value - ", 0) == 0)
        msg = msg.substr(35);
    return msg;
}

constexpr int OutOfRangeNumber = 406; // nlohmann's out_of_range.406: number overflow

struct ReadFailure {
    int id = 0;
    std::size_t position = 0;
    std::string message;
};

// Builds the DOM from SAX events. nlohmann's own DOM builder inserts each member into an ordered_map (a
// vector of pair<const string, json>) as it arrives; every growth of that vector deep-copies the subtrees
// already in it, because the const key makes the pair not nothrow-movable. Here members are collected in
// reusable per-depth buffers and moved into an object reserved to its final size, once. Duplicate keys behave
// as in nlohmann's parser: the first position, the last value.
class DomBuilder {
public:
    explicit DomBuilder(int maxDepth)
        : m_maxDepth(maxDepth) {}

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool v) { return put(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return put(Json(v)); }
    bool string(Json::string_t& v) { return put(Json(std::move(v))); }
    bool binary(Json::binary_t& v) { return put(Json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool key(Json::string_t& k) {
        m_frames[m_depth - 1].key = std::move(k);
        return true;
    }
    bool end_object() {
        Frame& f = m_frames[--m_depth];
        Json object(Json::value_t::object);
        auto& map = object.get_ref<Json::object_t&>();
        map.reserve(f.members.size());
        const bool indexed = f.members.size() > 32;
        for (auto& [k, v] : f.members) {
            if (auto it = findKey(map, f, k, indexed); it != map.end()) {
                it->second = std::move(v);
            } else {
                map.Container::emplace_back(std::move(k), std::move(v));
                if (indexed) // reserved above: the key's storage stays put
                    f.index.emplace(std::string_view(map.back().first), map.size() - 1);
            }
        }
        f.members.clear();
        f.index.clear();
        return put(std::move(object));
    }
    bool end_array() {
        Frame& f = m_frames[--m_depth];
        Json array(Json::value_t::array);
        array.get_ref<Json::array_t&>() = std::move(f.items);
        f.items = {};
        return put(std::move(array));
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        m_failure = ReadFailure{e.id, position, plainMessage(e.what())};
        return false;
    }

    Json takeRoot() { return std::move(m_root); }
    bool tooDeep() const { return m_tooDeep; }
    const ReadFailure& failure() const { return m_failure; }

private:
    struct Frame {
        bool object = false;
        std::string key;
        std::vector<std::pair<std::string, Json>> members;
        std::vector<Json> items;
        std::unordered_map<std::string_view, std::size_t> index; // only for large objects
    };

    bool open(bool object) {
        if (m_depth >= static_cast<std::size_t>(m_maxDepth)) {
            m_tooDeep = true;
            return false;
        }
        if (m_depth == m_frames.size())
            m_frames.emplace_back();
        m_frames[m_depth++].object = object;
        return true;
    }

    bool put(Json&& value) {
        if (m_depth == 0) {
            m_root = std::move(value);
            return true;
        }
        Frame& f = m_frames[m_depth - 1];
        if (f.object)
            f.members.emplace_back(std::move(f.key), std::move(value));
        else
            f.items.push_back(std::move(value));
        return true;
    }

    // Small objects (every config object) search linearly; a hostile object with many keys gets an index so
    // that duplicate detection stays linear overall.
    static Json::object_t::iterator findKey(Json::object_t& map, const Frame& f, const std::string& key,
                                            bool indexed) {
        if (indexed) {
            const auto slot = f.index.find(std::string_view(key));
            return slot == f.index.end() ? map.end()
                                         : map.begin() + static_cast<std::ptrdiff_t>(slot->second);
        }
        for (auto it = map.begin(); it != map.end(); ++it)
            if (it->first == key)
                return it;
        return map.end();
    }

    int m_maxDepth;
    std::size_t m_depth = 0;
    std::vector<Frame> m_frames;
    Json m_root;
    bool m_tooDeep = false;
    ReadFailure m_failure;
};

} // namespace

JsonReadResult parseJsonText(std::string_view text, const JsonLimits& limits) {
    JsonReadResult result;
    if (text.size() > limits.maxBytes) {
        result.error = JsonParseError{1, 1,
                                      "file is " + std::to_string(text.size()) + " bytes, more than the " +
                                          std::to_string(limits.maxBytes) + " bytes a config can have"};
        return result;
    }
    std::size_t deepestOffset = 0;
    try {
        DomBuilder builder(limits.maxDepth);
        if (Json::sax_parse(text.begin(), text.end(), &builder)) {
            result.value = builder.takeRoot();
            return result;
        }
        if (!builder.tooDeep()) {
            const ReadFailure& f = builder.failure();
            std::size_t offset = f.position > 0 ? f.position - 1 : 0;
            if (f.id == OutOfRangeNumber) {
                // A number beyond double's range ("1e400"): the message quotes the literal; point at it.
                offset = 0;
                const auto open = f.message.find('\'');
                const auto close = f.message.rfind('\'');
                if (open != std::string::npos && close > open) {
                    const auto found = text.find(f.message.substr(open + 1, close - open - 1));
                    if (found != std::string_view::npos)
                        offset = found;
                }
            }
            result.error = positionOf(text, offset, f.message);
            return result;
        }
        throw TooDeep{};
    } catch (const Json::exception& e) {
        // Anything else the parser throws is still an error about the text, never a crash.
        result.error = positionOf(text, 0, plainMessage(e.what()));
    } catch (const TooDeep&) {
        // Find where the nesting got too deep, for the message.
        int depth = 0;
        bool inString = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limits.maxDepth) {
                    deepestOffset = i;
                    break;
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
        result.error = positionOf(text, deepestOffset,
                                  "nesting deeper than " + std::to_string(limits.maxDepth) + " levels");
    }
    return result;
}

JsonFileResult readJsonFile(const QString& path, const JsonLimits& limits) {
    JsonFileResult result;
    const std::string name = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.ioError = true;
        result.error = name + ": " + file.errorString().toStdString();
        return result;
    }
    if (static_cast<std::size_t>(file.size()) > limits.maxBytes) {
        result.error = name + ":1:1: file is " + std::to_string(file.size()) + " bytes, more than the " +
                       std::to_string(limits.maxBytes) + " bytes a config can have";
        return result;
    }
    const QByteArray bytes = file.readAll();
    auto parsed =
        parseJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), limits);
    if (!parsed) {
        const auto& e = *parsed.error;
        result.error =
            name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
        return result;
    }
    result.value = std::move(parsed.value);
    return result;
}

std::string formatJson(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string writeTextFileAtomically(const QString& path, const std::string& text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path.toStdString() + ": " + file.errorString().toStdString();
    if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
        const auto err = file.errorString().toStdString();
        file.cancelWriting();
        return path.toStdString() + ": " + err;
    }
    if (!file.commit())
        return path.toStdString() + ": " + file.errorString().toStdString();
    return {};
}

} // namespace ckstudio
