#include "DraftStore.h"

#include "domain/JsonText.h"
#include "itemmodels/ConfigDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace ckstudio {
namespace {
constexpr const char* DraftFormat = "ckstudio-draft/1";
}

DraftStore::DraftStore(QObject* parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &DraftStore::write);
}

QString DraftStore::draftPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/drafts/current.json");
}

void DraftStore::watch(ConfigDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    connect(document, &ConfigDocument::contentChanged, this, [this] { m_timer.start(); });
    connect(document, &ConfigDocument::modifiedChanged, this, [this](bool modified) {
        if (modified)
            m_timer.start();
        else
            discard();
    });
}

void DraftStore::flush() {
    if (m_timer.isActive()) {
        m_timer.stop();
        write();
    }
}

void DraftStore::write() {
    if (!m_document)
        return;
    if (!m_document->isModified()) {
        discard();
        return;
    }
    Json draft = Json::object();
    draft["format"] = DraftFormat;
    draft["file_path"] = m_document->filePath().toStdString();
    draft["saved_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    draft["user_config"] = toJson(m_document->config());
    const QString path = draftPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto error = writeTextFileAtomically(path, formatJson(draft));
    if (!error.empty())
        emit writeFailed(QString::fromStdString(error));
}

std::optional<Draft> DraftStore::read() const {
    const QString path = draftPath();
    if (!QFile::exists(path))
        return std::nullopt;
    const auto file = readJsonFile(path);
    if (!file || !file.value->is_object() || file.value->value("format", std::string()) != DraftFormat ||
        !file.value->contains("user_config"))
        return std::nullopt;
    const auto& json = *file.value;
    Draft draft;
    draft.config = userConfigFromJson(json["user_config"]);
    draft.filePath = QString::fromStdString(json.value("file_path", std::string()));
    draft.savedAt =
        QDateTime::fromString(QString::fromStdString(json.value("saved_at", std::string())), Qt::ISODate);
    return draft;
}

void DraftStore::discard() {
    m_timer.stop();
    QFile::remove(draftPath());
}

} // namespace ckstudio
