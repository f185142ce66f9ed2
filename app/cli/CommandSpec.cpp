#include "cli/CommandSpec.h"

#include <algorithm>

namespace ckstudio::cli {
namespace {

constexpr qsizetype kLineWidth = 100;

QString optionWord(const OptionSpec& o, bool inSynopsis = false) {
    QString word =
        inSynopsis && o.shortInSynopsis ? QStringLiteral("-") + o.shortName : QStringLiteral("--") + o.name;
    if (o.takesValue())
        word += QLatin1Char(' ') + o.valueText();
    return word;
}

bool inSynopsis(const OptionSpec& o, bool brief) {
    switch (o.show) {
    case OptionSpec::Show::Optional:
    case OptionSpec::Show::Plain:
        return true;
    case OptionSpec::Show::Full:
        return !brief;
    case OptionSpec::Show::HelpOnly:
    case OptionSpec::Show::Hidden:
        return false;
    }
    return false;
}

// The synopsis as words: "--table DB.TABLE", "[--limit N]", "[--consume | --twin]".
QStringList synopsisWords(const CommandSpec& spec, bool brief) {
    QStringList bareOptions; // required (or Show::Plain): before the positionals unless positionalsFirst
    QStringList options;
    for (std::size_t i = 0; i < spec.options.size(); ++i) {
        const OptionSpec& o = spec.options[i];
        if (!inSynopsis(o, brief))
            continue;
        if (!o.exclusiveGroup.isEmpty()) {
            if (i > 0 && spec.options[i - 1].exclusiveGroup == o.exclusiveGroup)
                continue; // written with the first of its group
            QStringList alternatives;
            for (std::size_t j = i;
                 j < spec.options.size() && spec.options[j].exclusiveGroup == o.exclusiveGroup; ++j)
                alternatives << optionWord(spec.options[j], true);
            options << QLatin1Char('[') + alternatives.join(QStringLiteral(" | ")) + QLatin1Char(']');
            continue;
        }
        const bool bare = o.required || o.show == OptionSpec::Show::Plain;
        const QString word = optionWord(o, true);
        if (bare)
            (spec.positionalsFirst ? options : bareOptions) << word;
        else
            options << QLatin1Char('[') + word + QLatin1Char(']');
    }
    QStringList positionals;
    for (const auto& p : spec.positionals)
        positionals << p.name;
    QStringList words{spec.name};
    if (spec.positionalsFirst)
        words << positionals << options;
    else
        words << bareOptions << positionals << options;
    return words;
}

QString optionLabel(const OptionSpec& o) {
    QString label = o.shortName.isNull() ? QStringLiteral("    ")
                                         : QStringLiteral("-") + o.shortName + QStringLiteral(", ");
    return label + optionWord(o);
}

QString optionHelp(const OptionSpec& o) {
    QString help = o.help;
    QStringList notes;
    if (!o.environment.isEmpty())
        notes << QStringLiteral("$") + o.environment;
    if (!o.defaultValue.isEmpty())
        notes << o.defaultValue;
    // The notes go at the end of the first line; continuation lines stay as written.
    const qsizetype end = help.contains(QLatin1Char('\n')) ? help.indexOf(QLatin1Char('\n')) : help.size();
    QString first = help.left(end);
    if (!notes.isEmpty())
        first += QStringLiteral(" (default: %1)").arg(notes.join(QStringLiteral(", else ")));
    if (o.repeatable)
        first += QStringLiteral("; may be repeated");
    return first + help.mid(end);
}

} // namespace

QString OptionSpec::valueText() const {
    return valueName.isEmpty() ? choices.join(QLatin1Char('|')) : valueName;
}

const OptionSpec* CommandSpec::option(const QString& optionName) const {
    for (const auto& o : options)
        if (o.name == optionName)
            return &o;
    return nullptr;
}

QString CommandSpec::synopsis(bool brief) const {
    const QStringList words = synopsisWords(*this, brief);
    if (brief)
        return words.join(QLatin1Char(' '));
    // Wrapped under "Usage: ckstudio-cli NAME ", the way the commands' hand-written usages were.
    const QString prefix = QStringLiteral("Usage: ckstudio-cli ");
    const QString indent(prefix.size() + name.size() + 1, QLatin1Char(' '));
    QString text;
    qsizetype lineLength = prefix.size();
    for (const QString& word : words) {
        if (!text.isEmpty() && lineLength + 1 + word.size() > kLineWidth) {
            text += QLatin1Char('\n') + indent;
            lineLength = indent.size();
        } else if (!text.isEmpty()) {
            text += QLatin1Char(' ');
            ++lineLength;
        }
        text += word;
        lineLength += word.size();
    }
    return text;
}

QString CommandSpec::helpText() const {
    QString text = QStringLiteral("Usage: ckstudio-cli ") + synopsis(false) + QLatin1Char('\n');
    if (alternative)
        text += QStringLiteral("       ckstudio-cli ") + alternative->synopsis(false) +
                QStringLiteral("\n       (its options: 'ckstudio-cli %1 --%2 --help')\n")
                    .arg(name, alternative->options.front().name);
    if (!description.isEmpty())
        text += QLatin1Char('\n') + description;
    std::vector<std::pair<QString, QString>> rows;
    for (const auto& p : positionals)
        if (!p.help.isEmpty())
            rows.emplace_back(QStringLiteral("  ") + p.name, p.help);
    for (const auto& o : options)
        if (o.show != OptionSpec::Show::Hidden)
            rows.emplace_back(QStringLiteral("  ") + optionLabel(o), optionHelp(o));
    rows.emplace_back(QStringLiteral("  -h, --help"), QStringLiteral("this text"));
    qsizetype width = 0;
    for (const auto& row : rows)
        if (row.first.size() <= 30)
            width = std::max(width, row.first.size());
    text += QStringLiteral("\nArguments and options:\n");
    const QString indent(width + 2, QLatin1Char(' '));
    for (const auto& [label, help] : rows) {
        QString line = label;
        if (label.size() > width)
            line += QLatin1Char('\n') + indent;
        else
            line += QString(width + 2 - label.size(), QLatin1Char(' '));
        line += QString(help).replace(QLatin1Char('\n'), QLatin1Char('\n') + indent);
        text += line + QLatin1Char('\n');
    }
    if (!footer.isEmpty())
        text += QLatin1Char('\n') + footer;
    return text;
}

QString ParsedArgs::value(const QString& name) const {
    if (auto it = m_values.find(name); it != m_values.end() && !it->second.isEmpty())
        return it->second.last();
    const OptionSpec* o = m_spec ? m_spec->option(name) : nullptr;
    return o ? o->defaultValue : QString();
}

std::optional<QString> ParsedArgs::optionalValue(const QString& name) const {
    if (auto it = m_values.find(name); it != m_values.end() && !it->second.isEmpty())
        return it->second.last();
    return std::nullopt;
}

QStringList ParsedArgs::values(const QString& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? QStringList() : it->second;
}

QString ParsedArgs::positional(const QString& name) const {
    if (!m_spec)
        return {};
    for (std::size_t i = 0; i < m_spec->positionals.size(); ++i)
        if (m_spec->positionals[i].name == name)
            return static_cast<qsizetype>(i) < m_positionals.size() ? m_positionals[static_cast<qsizetype>(i)]
                                                                    : QString();
    return {};
}

class SpecParser {
public:
    static ParseResult run(const CommandSpec& spec, const QStringList& args) {
        ParseResult r;
        r.args.m_spec = &spec;
        // --help wins over any mistake next to it.
        for (const QString& a : args) {
            if (a == QLatin1String("--"))
                break;
            if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
                r.help = true;
                return r;
            }
        }
        bool optionsEnded = false;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString& a = args[i];
            if (optionsEnded || a == QLatin1String("-") || !a.startsWith(QLatin1Char('-'))) {
                if (r.args.m_positionals.size() >= static_cast<qsizetype>(spec.positionals.size())) {
                    r.error = QStringLiteral("unexpected argument '%1'").arg(a);
                    if (spec.positionals.size() == 1)
                        r.error += QStringLiteral(" (one %1 at a time)").arg(spec.positionals.front().name);
                    return r;
                }
                r.args.m_positionals << a;
                continue;
            }
            if (a == QLatin1String("--")) {
                optionsEnded = true;
                continue;
            }
            QString name;
            std::optional<QString> inlineValue;
            if (a.startsWith(QLatin1String("--"))) {
                const auto eq = a.indexOf(QLatin1Char('='));
                name = a.mid(2, eq < 0 ? -1 : eq - 2);
                if (eq >= 0)
                    inlineValue = a.mid(eq + 1);
            }
            const OptionSpec* o = nullptr;
            for (const auto& candidate : spec.options)
                if (a.startsWith(QLatin1String("--"))
                        ? candidate.name == name
                        : (!candidate.shortName.isNull() && a.size() == 2 && a[1] == candidate.shortName))
                    o = &candidate;
            const QString shown = a.startsWith(QLatin1String("--")) ? QStringLiteral("--") + name : a;
            if (!o) {
                r.error = QStringLiteral("unknown option %1").arg(shown);
                return r;
            }
            if (!o->refusal.isEmpty()) {
                r.error = o->refusal;
                return r;
            }
            QString value;
            if (!o->takesValue()) {
                if (inlineValue) {
                    r.error = QStringLiteral("%1 takes no value").arg(shown);
                    return r;
                }
            } else if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < args.size()) {
                value = args[++i];
            } else {
                r.error = QStringLiteral("%1 needs a value").arg(shown);
                return r;
            }
            if (o->takesValue() && value.isEmpty() && !o->allowEmpty) {
                r.error = QStringLiteral("%1 needs a value").arg(shown);
                return r;
            }
            if (!o->choices.isEmpty() && !o->choices.contains(value)) {
                QStringList quoted = o->choices;
                const QString last = quoted.takeLast();
                r.error = QStringLiteral("--%1 must be %2 or %3, not '%4'")
                              .arg(o->name, quoted.join(QStringLiteral(", ")), last, value);
                if (quoted.isEmpty())
                    r.error = QStringLiteral("--%1 must be %2, not '%3'").arg(o->name, last, value);
                return r;
            }
            QStringList& seen = r.args.m_values[o->name];
            if (!seen.isEmpty() && !o->repeatable) {
                r.error = QStringLiteral("--%1 is given twice; it takes one value").arg(o->name);
                return r;
            }
            seen << value;
        }
        for (const auto& o : spec.options) {
            if (o.required && !r.args.isSet(o.name)) {
                r.error = QStringLiteral("missing %1").arg(optionWord(o));
                return r;
            }
            if (o.exclusiveGroup.isEmpty() || !r.args.isSet(o.name))
                continue;
            for (const auto& other : spec.options)
                if (&other != &o && other.exclusiveGroup == o.exclusiveGroup && r.args.isSet(other.name)) {
                    r.error = QStringLiteral("--%1 and --%2 cannot be used together").arg(o.name, other.name);
                    return r;
                }
        }
        if (r.args.m_positionals.size() < static_cast<qsizetype>(spec.positionals.size()))
            r.error = QStringLiteral("missing %1")
                          .arg(spec.positionals[static_cast<std::size_t>(r.args.m_positionals.size())].name);
        return r;
    }
};

ParseResult parse(const CommandSpec& spec, const QStringList& args) {
    return SpecParser::run(spec, args);
}

std::vector<OptionSpec> clickHouseConnectionOptions(OptionSpec::Show show) {
    OptionSpec url{QStringLiteral("clickhouse-url"), QStringLiteral("URL"),
                   QStringLiteral("ClickHouse HTTP(S) endpoint")};
    url.environment = QStringLiteral("CLICKHOUSE_URL");
    OptionSpec user{QStringLiteral("user"), QStringLiteral("USER"),
                    QStringLiteral("ClickHouse user\n"
                                   "(the password is read from $CLICKHOUSE_PASSWORD, never from a flag)")};
    user.environment = QStringLiteral("CLICKHOUSE_USER");
    user.defaultValue = QStringLiteral("the server's default user");
    OptionSpec ca{QStringLiteral("ca-file"), QStringLiteral("FILE"),
                  QStringLiteral("PEM file of a CA to trust besides the system's")};
    OptionSpec password{QStringLiteral("password"), QStringLiteral("PASSWORD"), {}};
    password.refusal = QStringLiteral("--password is not accepted (it would be visible in the process list): "
                                      "set CLICKHOUSE_PASSWORD instead");
    password.show = OptionSpec::Show::Hidden;
    std::vector<OptionSpec> group{url, user, ca, password};
    for (auto& o : group)
        if (o.show != OptionSpec::Show::Hidden)
            o.show = show;
    return group;
}

std::vector<OptionSpec> aivenOptions() {
    OptionSpec ca{QStringLiteral("ca-file"), QStringLiteral("FILE"),
                  QStringLiteral("PEM file of a CA to trust for the Aiven API besides the system's")};
    ca.show = OptionSpec::Show::Full;
    return {ca};
}

std::vector<OptionSpec> kafkaSecurityOptions() {
    auto option = [](const char* name, const char* valueName, const char* help) {
        OptionSpec o{QString::fromLatin1(name), QString::fromLatin1(valueName), QString::fromLatin1(help)};
        o.show = OptionSpec::Show::Full;
        return o;
    };
    OptionSpec protocol = option("security-protocol", "",
                                 "default: plaintext; ssl with a CA or certificate, "
                                 "sasl_ssl with a SASL user");
    protocol.choices = {QStringLiteral("plaintext"), QStringLiteral("ssl"), QStringLiteral("sasl_plaintext"),
                        QStringLiteral("sasl_ssl")};
    OptionSpec mechanism = option("sasl-mechanism", "", "SASL mechanism");
    mechanism.choices = {QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"),
                         QStringLiteral("SCRAM-SHA-512")};
    OptionSpec user =
        option("sasl-username", "U", "SASL user; the password is read from $KAFKA_SASL_PASSWORD");
    return {protocol,
            mechanism,
            user,
            option("ca-file", "F", "PEM file of the CA to trust (the system's otherwise)"),
            option("cert-file", "F", "client certificate (PEM)"),
            option("key-file", "F", "the client certificate's key (PEM)")};
}

} // namespace ckstudio::cli
