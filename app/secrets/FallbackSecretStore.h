#pragma once
// The application's store: the OS keychain first; when it does not answer (no secret service, as on CI or a
// bare desktop) the secret is kept in memory for this session instead, so the user is asked again next time
// rather than blocked. Reads look in memory first, so a secret kept there is found again.
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStore.h"

#include <memory>

namespace ckstudio {

class FallbackSecretStore : public SecretStore {
    Q_OBJECT
public:
    // Takes ownership of both stores (reparented to this).
    FallbackSecretStore(SecretStore* primary, MemorySecretStore* memory, QObject* parent = nullptr);
    // Keychain + memory; CKSTUDIO_NO_KEYCHAIN=1 skips the keychain (tests, headless sessions).
    static FallbackSecretStore* createDefault(QObject* parent = nullptr);

    void read(const QString& key, SecretCallback done) override;
    void write(const QString& key, const QString& secret, SecretCallback done) override;
    void remove(const QString& key, SecretCallback done) override;

    // True once the primary store failed: secrets now live in memory only.
    bool usingMemoryOnly() const { return m_primaryFailed; }

private:
    SecretStore* m_primary;
    MemorySecretStore* m_memory;
    bool m_primaryFailed = false;
};

} // namespace ckstudio
