#include "preview/ResultColumn.h"

namespace ckstudio {

QString ResultColumn::baseType() const {
    QString t = type.trimmed();
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const auto wrapper : {QLatin1String("Nullable("), QLatin1String("LowCardinality(")}) {
            if (t.startsWith(wrapper) && t.endsWith(QLatin1Char(')'))) {
                t = t.mid(wrapper.size(), t.size() - wrapper.size() - 1).trimmed();
                stripped = true;
            }
        }
    }
    return t;
}

ResultColumn::ValueClass ResultColumn::valueClass() const {
    const QString t = baseType();
    const auto family = t.left(t.indexOf(QLatin1Char('('))); // whole string when there are no parameters
    static const QLatin1String composite[] = {QLatin1String("Array"),      QLatin1String("Tuple"),
                                              QLatin1String("Map"),        QLatin1String("Nested"),
                                              QLatin1String("Point"),      QLatin1String("Ring"),
                                              QLatin1String("Polygon"),    QLatin1String("MultiPolygon"),
                                              QLatin1String("LineString"), QLatin1String("MultiLineString")};
    for (const auto& c : composite)
        if (family == c)
            return ValueClass::Composite;
    static const QLatin1String small[] = {QLatin1String("UInt8"),  QLatin1String("UInt16"),
                                          QLatin1String("UInt32"), QLatin1String("Int8"),
                                          QLatin1String("Int16"),  QLatin1String("Int32")};
    for (const auto& s : small)
        if (family == s)
            return ValueClass::SmallInteger;
    if ((family.startsWith(QLatin1String("Int")) || family.startsWith(QLatin1String("UInt"))) &&
        !family.startsWith(QLatin1String("Interval")))
        return ValueClass::WideInteger; // Int64, UInt64, Int128, UInt256, ...
    if (family == QLatin1String("Float32") || family == QLatin1String("Float64") ||
        family == QLatin1String("BFloat16"))
        return ValueClass::Float;
    if (family.startsWith(QLatin1String("Decimal")))
        return ValueClass::Decimal;
    if (family == QLatin1String("Bool"))
        return ValueClass::Bool;
    return ValueClass::Text;
}

bool ResultColumn::isNumeric() const {
    switch (valueClass()) {
    case ValueClass::SmallInteger:
    case ValueClass::WideInteger:
    case ValueClass::Float:
    case ValueClass::Decimal:
        return true;
    default:
        return false;
    }
}

} // namespace ckstudio
