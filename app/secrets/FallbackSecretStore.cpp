#include "secrets/FallbackSecretStore.h"

#include "secrets/KeychainSecretStore.h"

#include <QPointer>
#include <QProcessEnvironment>

namespace ckstudio {

FallbackSecretStore::FallbackSecretStore(SecretStore* primary, MemorySecretStore* memory, QObject* parent)
    : SecretStore(parent)
    , m_primary(primary)
    , m_memory(memory) {
    if (m_primary)
        m_primary->setParent(this);
    m_memory->setParent(this);
    m_primaryFailed = m_primary == nullptr;
}

FallbackSecretStore* FallbackSecretStore::createDefault(QObject* parent) {
    const bool noKeychain =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("CKSTUDIO_NO_KEYCHAIN")) == QLatin1String("1");
    SecretStore* primary = noKeychain ? nullptr : new KeychainSecretStore();
    return new FallbackSecretStore(primary, new MemorySecretStore(), parent);
}

void FallbackSecretStore::read(const QString& key, SecretCallback done) {
    QPointer<FallbackSecretStore> self(this);
    m_memory->read(key, [self, key, done = std::move(done)](const SecretResult& inMemory) {
        if (!self)
            return;
        if (inMemory.ok() || self->m_primaryFailed) {
            done(inMemory);
            return;
        }
        self->m_primary->read(key, [self, done](const SecretResult& stored) {
            if (self && stored.status == SecretResult::Status::Failed)
                self->m_primaryFailed = true;
            done(stored.status == SecretResult::Status::Failed ? SecretResult{SecretResult::Status::NotFound, {}, stored.error}
                                                             : stored);
        });
    });
}

void FallbackSecretStore::write(const QString& key, const QString& secret, SecretCallback done) {
    if (m_primaryFailed) {
        m_memory->write(key, secret, std::move(done));
        return;
    }
    QPointer<FallbackSecretStore> self(this);
    m_primary->write(key, secret, [self, key, secret, done = std::move(done)](const SecretResult& stored) {
        if (!self)
            return;
        if (stored.status != SecretResult::Status::Failed) {
            done(stored);
            return;
        }
        // No keychain answered: keep it for this session only.
        self->m_primaryFailed = true;
        self->m_memory->write(key, secret, done);
    });
}

void FallbackSecretStore::remove(const QString& key, SecretCallback done) {
    QPointer<FallbackSecretStore> self(this);
    m_memory->remove(key, [self, key, done = std::move(done)](const SecretResult& inMemory) {
        if (!self)
            return;
        if (self->m_primaryFailed) {
            done(inMemory);
            return;
        }
        self->m_primary->remove(key, done);
    });
}

} // namespace ckstudio
