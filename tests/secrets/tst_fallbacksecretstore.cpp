// The app's secret store: keychain first, memory for the session when no keychain answers.
#include "secrets/FallbackSecretStore.h"
#include "secrets/MemorySecretStore.h"

#include <QTest>

using namespace ckstudio;

namespace {

// A keychain that never works (as on a machine without a secret service).
class BrokenStore : public SecretStore {
public:
    int calls = 0;
    void read(const QString&, SecretCallback done) override { fail(std::move(done)); }
    void write(const QString&, const QString&, SecretCallback done) override { fail(std::move(done)); }
    void remove(const QString&, SecretCallback done) override { fail(std::move(done)); }

private:
    void fail(SecretCallback done) {
        ++calls;
        done(SecretResult{SecretResult::Status::Failed, {}, QStringLiteral("no secret service")});
    }
};

SecretResult readNow(SecretStore& store, const QString& key) {
    SecretResult out;
    bool called = false;
    store.read(key, [&](const SecretResult& r) {
        out = r;
        called = true;
    });
    (void)QTest::qWaitFor([&] { return called; }, 5000);
    if (!called)
        out.error = QStringLiteral("callback never called");
    return out;
}

} // namespace

class TestFallbackSecretStore : public QObject {
    Q_OBJECT
private slots:
    void brokenKeychainFallsBackToMemory() {
        auto* broken = new BrokenStore;
        FallbackSecretStore store(broken, new MemorySecretStore);
        QCOMPARE(readNow(store, QStringLiteral("k")).status, SecretResult::Status::NotFound);
        bool written = false;
        store.write(QStringLiteral("k"), QStringLiteral("s3cret"), [&](const SecretResult& r) {
            QVERIFY(r.ok());
            written = true;
        });
        QTRY_VERIFY(written);
        QVERIFY(store.usingMemoryOnly());
        const auto r = readNow(store, QStringLiteral("k"));
        QVERIFY(r.ok());
        QCOMPARE(*r.value, QStringLiteral("s3cret"));
        const int callsBefore = broken->calls;
        readNow(store, QStringLiteral("other"));
        QCOMPARE(broken->calls, callsBefore); // the dead keychain is not asked again
    }
    void workingPrimaryIsUsed() {
        auto* primary = new MemorySecretStore;
        FallbackSecretStore store(primary, new MemorySecretStore);
        bool written = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), [&](const SecretResult& r) { written = r.ok(); });
        QTRY_VERIFY(written);
        QVERIFY(!store.usingMemoryOnly());
        QCOMPARE(*readNow(*primary, QStringLiteral("k")).value, QStringLiteral("v"));
        bool removed = false;
        store.remove(QStringLiteral("k"), [&](const SecretResult&) { removed = true; });
        QTRY_VERIFY(removed);
        QCOMPARE(readNow(store, QStringLiteral("k")).status, SecretResult::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFallbackSecretStore)
#include "tst_fallbacksecretstore.moc"
