#pragma once
// Error and warning colours that stay readable in the system's light and dark palettes: a darker shade on a
// light window background, a lighter one on a dark background. No other colour is set anywhere in ui/.
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

} // namespace ckstudio
