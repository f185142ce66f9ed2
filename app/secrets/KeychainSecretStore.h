#pragma once
// Secrets in the OS keychain (Secret Service / KWallet, macOS Keychain, Windows Credential Manager) through
// QtKeychain. Each operation runs its own job; a keychain that does not answer within the timeout is reported
// as Failed so that callers can fall back instead of waiting forever.
#include "secrets/SecretStore.h"

namespace ckstudio {

class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("ckstudio"), QObject* parent = nullptr);

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs = 5000;
};

} // namespace ckstudio
