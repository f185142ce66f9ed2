#include "secrets/KeychainSecretStore.h"

#include <QPointer>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

namespace ckstudio {
namespace {

// Runs a fresh heap job (QtKeychain jobs are single-shot and delete themselves) and reports once: either its
// result or the timeout, whichever comes first.
void runJob(QObject* context, QKeychain::Job* job, int timeoutMs, SecretCallback done,
            std::function<SecretResult(QKeychain::Job*)> onSuccess) {
    auto reported = std::make_shared<bool>(false);
    auto shared = std::make_shared<SecretCallback>(std::move(done));
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [reported, shared, onSuccess](QKeychain::Job* j) {
                         if (*reported)
                             return;
                         *reported = true;
                         SecretResult result;
                         if (j->error() == QKeychain::NoError)
                             result = onSuccess(j);
                         else if (j->error() == QKeychain::EntryNotFound)
                             result = {SecretResult::Status::NotFound, std::nullopt, {}};
                         else
                             result = {SecretResult::Status::Failed, std::nullopt, j->errorString()};
                         if (*shared)
                             (*shared)(result);
                     });
    QTimer::singleShot(timeoutMs, context, [reported, shared, timeoutMs] {
        if (*reported)
            return;
        *reported = true;
        if (*shared)
            (*shared)({SecretResult::Status::Failed, std::nullopt,
                       QStringLiteral("the keychain did not answer within %1 ms").arg(timeoutMs)});
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service)) {}

void KeychainSecretStore::read(const QString& key, SecretCallback done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(this, job, m_timeoutMs, std::move(done), [](QKeychain::Job* j) {
        return SecretResult{
            SecretResult::Status::Ok, static_cast<QKeychain::ReadPasswordJob*>(j)->textData(), {}};
    });
}

void KeychainSecretStore::write(const QString& key, const QString& secret, SecretCallback done) {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    runJob(this, job, m_timeoutMs, std::move(done), [](QKeychain::Job*) {
        return SecretResult{SecretResult::Status::Ok, std::nullopt, {}};
    });
}

void KeychainSecretStore::remove(const QString& key, SecretCallback done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(this, job, m_timeoutMs, std::move(done), [](QKeychain::Job*) {
        return SecretResult{SecretResult::Status::Ok, std::nullopt, {}};
    });
}

} // namespace ckstudio
