#include "secrets/MemorySecretStore.h"

#include <QTimer>

namespace ckstudio {

// Answers from the event loop like a real keychain, so callers cannot come to rely on a synchronous answer.
void MemorySecretStore::answer(SecretCallback done, SecretResult result) {
    if (!m_failure.isEmpty())
        result = SecretResult{SecretResult::Status::Failed, std::nullopt, m_failure};
    QTimer::singleShot(0, this, [done = std::move(done), result = std::move(result)] {
        if (done)
            done(result);
    });
}

void MemorySecretStore::read(const QString& key, SecretCallback done) {
    auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd() || !m_failure.isEmpty())
        answer(std::move(done), {SecretResult::Status::NotFound, std::nullopt, {}});
    else
        answer(std::move(done), {SecretResult::Status::Ok, *it, {}});
}

void MemorySecretStore::write(const QString& key, const QString& secret, SecretCallback done) {
    if (m_failure.isEmpty())
        m_secrets.insert(key, secret);
    answer(std::move(done), {SecretResult::Status::Ok, std::nullopt, {}});
}

void MemorySecretStore::remove(const QString& key, SecretCallback done) {
    if (m_failure.isEmpty())
        m_secrets.remove(key);
    answer(std::move(done), {SecretResult::Status::Ok, std::nullopt, {}});
}

} // namespace ckstudio
