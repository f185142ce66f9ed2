#include "http/HttpTransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTimer>
#include <dlfcn.h>

namespace ckstudio {
namespace {

using Factory = HttpTransport* (*)();

struct Module {
    Factory factory = nullptr;
    QString error;
};

QString lastDlError() {
    const char* text = dlerror();
    return text != nullptr ? QString::fromLocal8Bit(text) : QStringLiteral("no reason given");
}

// Thread-safe by the rules of function-local statics. Never unloaded: replies may outlive every transport.
const Module& module() {
    static const Module loaded = [] {
        Module result;
        // Linked in (the test suites): already there.
        if (auto linked = reinterpret_cast<Factory>(dlsym(RTLD_DEFAULT, "ckstudio_create_http_transport"))) {
            result.factory = linked;
            return result;
        }
        const QString path = httpModulePath();
        void* handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            result.error = QStringLiteral("cannot load %1 (%2): reinstall ckstudio").arg(path, lastDlError());
            return result;
        }
        result.factory = reinterpret_cast<Factory>(dlsym(handle, "ckstudio_create_http_transport"));
        if (result.factory == nullptr)
            result.error = QStringLiteral("%1 is not ckstudio's HTTP module (%2): reinstall ckstudio")
                               .arg(path, lastDlError());
        return result;
    }();
    return loaded;
}

// Every request fails, on the event loop, with why the module could not be loaded.
class UnavailableReply : public HttpReply {
public:
    explicit UnavailableReply(QString error)
        : m_error(std::move(error)) {
        QTimer::singleShot(0, &m_context, [this] { finish(); });
    }
    int httpStatus() const override { return 0; }
    bool hasRawHeader(const QByteArray&) const override { return false; }
    QByteArray rawHeader(const QByteArray&) const override { return {}; }
    qint64 contentLength() const override { return -1; }
    HttpNetworkError error() const override { return HttpNetworkError::UnknownNetwork; }
    QString errorString() const override { return m_error; }
    bool isOpen() const override { return false; }
    qint64 bytesAvailable() const override { return 0; }
    QByteArray read(qint64) override { return {}; }
    QByteArray readAll() override { return {}; }
    void setReadBufferSize(qint64) override {}
    void abort() override { finish(); }

private:
    void finish() {
        if (m_finished)
            return;
        m_finished = true;
        if (auto done = onFinished) // a copy: the callback may delete this reply
            done();
    }

    QString m_error;
    bool m_finished = false;
    QObject m_context; // the pending call goes with the reply
};

class UnavailableTransport : public HttpTransport {
public:
    explicit UnavailableTransport(QString error)
        : m_error(std::move(error)) {}
    std::optional<QString> addCaFile(const QString&) override { return std::nullopt; }
    std::unique_ptr<HttpReply> send(const HttpRequest&) override {
        return std::make_unique<UnavailableReply>(m_error);
    }

private:
    QString m_error;
};

QString executableDir() {
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
}

} // namespace

QString httpModulePath() {
    return QDir::cleanPath(executableDir() + QStringLiteral("/../lib/ckstudio/libckstudio-http.so"));
}

std::unique_ptr<HttpTransport> createHttpTransport() {
    const Module& loaded = module();
    if (loaded.factory != nullptr)
        if (HttpTransport* transport = loaded.factory())
            return std::unique_ptr<HttpTransport>(transport);
    return std::make_unique<UnavailableTransport>(loaded.error);
}

} // namespace ckstudio
