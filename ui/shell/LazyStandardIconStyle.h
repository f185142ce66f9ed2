#pragma once
// The application's style with standard icons resolved on first use. Qt loads a standard icon from a PNG
// file, and the first image read makes QImageReader load every image-format plugin (SVG, JPEG, GIF, ICO, with
// their libraries) to ask whether it reads PNG. QMenuBar asks for its overflow-button icon in its
// constructor, so that cost landed before the main window was first shown, for an icon that is hidden until
// the menu bar overflows. Here each standard icon is a promise the base style fulfils when the icon is first
// needed (docs/performance.md, "Start-up to the first mapped window").
#include <QProxyStyle>

namespace ckstudio {

class LazyStandardIconStyle : public QProxyStyle {
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;
};

} // namespace ckstudio
