#pragma once
// Where secrets (the Aiven token, ClickHouse passwords) live between sessions. Asynchronous because the OS
// keychain answers over D-Bus / XPC; every operation calls its callback exactly once, from the event loop.
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace ckstudio {

struct SecretResult {
    enum class Status { Ok, NotFound, Failed };
    Status status = Status::Failed;
    std::optional<QString> value; // set by a successful read
    QString error;                // the store's message for Failed (never contains the secret)
    bool ok() const { return status == Status::Ok; }
};

using SecretCallback = std::function<void(const SecretResult&)>;

class SecretStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString& key, SecretCallback done) = 0;
    virtual void write(const QString& key, const QString& secret, SecretCallback done) = 0;
    virtual void remove(const QString& key, SecretCallback done) = 0;
};

// Key names used by the application.
inline QString aivenTokenSecretKey() {
    return QStringLiteral("aiven-auth-token");
}

} // namespace ckstudio
