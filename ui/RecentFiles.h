#pragma once
// The most recently opened or saved files, remembered in QSettings (paths only, never contents or secrets).
#include <QObject>
#include <QStringList>

namespace ckstudio {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxFiles = 8;
    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& files);
};

} // namespace ckstudio
