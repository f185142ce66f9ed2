#include "RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace ckstudio {
namespace {
QString key() {
    return QStringLiteral("recentFiles");
}
} // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent) {}

QStringList RecentFiles::files() const {
    return QSettings().value(key()).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxFiles)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path) {
    auto list = files();
    if (list.removeAll(path) > 0)
        store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& files) {
    QSettings().setValue(key(), files);
    emit changed();
}

} // namespace ckstudio
