#pragma once
// The few colours the product sets, each readable in the system's light and dark palettes: a darker shade on
// a light window background, a lighter one on a dark background. Models and widgets take their colours from
// here and nowhere else.
#include <QColor>
#include <QPalette>

namespace ckstudio {

inline bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

inline QColor errorColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

inline QColor warningColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xe3, 0xb3, 0x41) : QColor(0xb0, 0x6a, 0x00);
}

inline QColor successColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1b, 0x7f, 0x3b);
}

// Text that is there but not set by the user (a setting left at its default).
inline QColor mutedColor(const QPalette& palette) {
    return palette.color(QPalette::PlaceholderText);
}

// SQL highlighting: keywords, quoted identifiers, string literals, comments.
inline QColor sqlKeywordColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0x79, 0xc0, 0xff) : QColor(0x1f, 0x4e, 0xb4);
}
inline QColor sqlIdentifierColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xd2, 0xa8, 0xff) : QColor(0x6a, 0x2c, 0x91);
}

} // namespace ckstudio
