#pragma once
// Autosave of the document in progress: a draft file under AppLocalDataLocation, written atomically a moment
// after each change and removed when the document is saved or closed cleanly, so that a crash loses nothing.
#include "domain/UserConfig.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <optional>

namespace ckstudio {

class ConfigDocument;

struct Draft {
    UserConfig config;
    QString filePath; // the file the draft belongs to, empty for an untitled document
    QDateTime savedAt;
};

class DraftStore : public QObject {
    Q_OBJECT
public:
    explicit DraftStore(QObject* parent = nullptr);

    // Follows `document`: writes a draft after changes while it is modified, discards it when it is clean.
    void watch(ConfigDocument* document);
    static QString draftPath();

    std::optional<Draft> read() const;
    void discard();
    // Writes the pending draft now (the timer would a moment later).
    void flush();
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

signals:
    void writeFailed(const QString& message);

private:
    void write();
    QPointer<ConfigDocument> m_document;
    QTimer m_timer;
};

} // namespace ckstudio
