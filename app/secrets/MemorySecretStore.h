#pragma once
// Secrets kept in memory for this process only: the fallback when no keychain answers, and the fake in tests.
#include "secrets/SecretStore.h"

#include <QHash>

namespace ckstudio {

class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;

    // Makes every later operation fail with `message` (tests: a keychain that is locked or absent).
    void setFailure(const QString& message) { m_failure = message; }

private:
    void answer(SecretCallback done, SecretResult result);
    QHash<QString, QString> m_secrets;
    QString m_failure;
};

} // namespace ckstudio
