#pragma once
// One table per command: its name, positional arguments and options. From it come the parsing with its usage
// errors, the command's --help and the synopsis that `ckstudio-cli --help` lists, so that the three cannot
// disagree. Shared option groups (ClickHouse connection, Aiven, Kafka security) are defined once here.
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace ckstudio::cli {

struct OptionSpec {
    enum class Show {
        Optional, // "[--name VALUE]" in both synopses
        Plain,    // "--name VALUE" even when not required (export's --as, which has a default)
        Full,     // only in the command's own --help synopsis, not in the command table's
        HelpOnly, // only in the option list of --help
        Hidden,   // nowhere (refused options)
    };

    OptionSpec() = default;
    OptionSpec(QString optionName, QString optionValueName, QString optionHelp)
        : name(std::move(optionName))
        , valueName(std::move(optionValueName))
        , help(std::move(optionHelp)) {}

    QString name;                 // long name without dashes: "schema"
    QString valueName;            // "FILE"; empty for a flag
    QString help;                 // may hold '\n' for continuation lines
    QChar shortName = {};         // 'o' for -o
    QString defaultValue;         // what value() returns when the option is absent; shown in --help
    QStringList choices;          // when not empty: the only values accepted
    QString environment;          // the variable the command falls back to; shown in --help
    QString refusal;              // non-empty: the option is refused with this message (e.g. --password)
    QString exclusiveGroup;       // options sharing a group cannot be used together: "[--a | --b N]"
    bool required = false;        // missing: "missing --name VALUE"
    bool repeatable = false;      // otherwise giving it twice is a usage error
    bool allowEmpty = true;       // false: "--name ''" is "--name needs a value"
    bool shortInSynopsis = false; // "[-o FILE]" rather than "[--output FILE]"
    Show show = Show::Optional;

    bool takesValue() const { return !valueName.isEmpty() || !choices.isEmpty(); }
    QString valueText() const; // valueName, or the choices joined by '|'
};

struct PositionalSpec {
    QString name; // "CONFIG.json"
    QString help;
};

struct CommandSpec {
    QString name;                            // "validate"
    QString summary;                         // one line for the command table
    std::vector<PositionalSpec> positionals; // each exactly once
    // Synopsis order: "validate CONFIG.json [--schema FILE]"; otherwise the required options come first:
    // "push --project P --integration ID CONFIG.json [--dry-run]".
    bool positionalsFirst = true;
    std::vector<OptionSpec> options;
    QString description; // --help: what the command does, between the usage and the options
    QString footer;      // --help: after the options (output, exit codes)
    const CommandSpec* alternative = nullptr; // another form of the same command (peek --bootstrap)

    const OptionSpec* option(const QString& name) const;
    // "validate CONFIG.json [--schema FILE]": brief leaves out Show::Full options and is one line; the full
    // one is wrapped with continuation lines indented under the first.
    QString synopsis(bool brief = true) const;
    QString helpText() const; // "Usage: ckstudio-cli ..." and everything --help prints
};

// What parse() found. value() of an absent option is its default.
class ParsedArgs {
public:
    bool isSet(const QString& name) const { return m_values.count(name) > 0; }
    QString value(const QString& name) const;
    std::optional<QString> optionalValue(const QString& name) const;
    QStringList values(const QString& name) const;
    const QStringList& positionals() const { return m_positionals; }
    QString positional(const QString& name) const;

private:
    friend struct ParseResult;
    friend class SpecParser;
    const CommandSpec* m_spec = nullptr;
    std::map<QString, QStringList> m_values;
    QStringList m_positionals;
};

struct ParseResult {
    ParsedArgs args;
    bool help = false; // --help or -h was given: print helpText(), exit 0
    QString error;     // non-empty: a usage error ("unknown option --x"), exit 2
};

// "--name VALUE", "--name=VALUE", "-o VALUE", flags; "-" is a positional (stdin), "--" ends the options.
ParseResult parse(const CommandSpec& spec, const QStringList& args);

// The shared groups.
std::vector<OptionSpec> clickHouseConnectionOptions(OptionSpec::Show show = OptionSpec::Show::HelpOnly);
std::vector<OptionSpec> aivenOptions();
std::vector<OptionSpec> kafkaSecurityOptions();

} // namespace ckstudio::cli
