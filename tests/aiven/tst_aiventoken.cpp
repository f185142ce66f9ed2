// Where the Aiven token comes from (env, avn's credentials file, keychain), the secret stores, and the
// pulled-base store that push's lost-update check relies on.
#include "aiven/AivenCredentials.h"
#include "aiven/PulledBaseStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ckstudio;

namespace {

AivenTokenLookup resolve(const QProcessEnvironment& env, SecretStore* store) {
    std::optional<AivenTokenLookup> out;
    resolveAivenToken(env, store, [&](AivenTokenLookup l) { out = std::move(l); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        qWarning("resolveAivenToken did not call back");
    return out.value_or(AivenTokenLookup{});
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestAivenToken : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QProcessEnvironment baseEnv() const {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), m_dir.path() + QStringLiteral("/home"));
        return env;
    }

private slots:
    void environmentVariableComesFirst() {
        MemorySecretStore keychain;
        keychain.write(aivenTokenSecretKey(), QStringLiteral("from-keychain"), {});
        const QString file = m_dir.path() + QStringLiteral("/creds.json");
        writeFile(file, R"({"auth_token": "from-file", "user_email": "a@b.c"})");
        auto env = baseEnv();
        env.insert(QStringLiteral("AIVEN_AUTH_TOKEN"), QStringLiteral("from-env"));
        env.insert(QStringLiteral("AIVEN_CREDENTIALS_FILE"), file);
        auto lookup = resolve(env, &keychain);
        QCOMPARE(lookup.token, std::optional<QString>(QStringLiteral("from-env")));
        QCOMPARE(lookup.source, QStringLiteral("AIVEN_AUTH_TOKEN"));
    }

    void credentialsFileComesSecond() {
        MemorySecretStore keychain;
        keychain.write(aivenTokenSecretKey(), QStringLiteral("from-keychain"), {});
        const QString file = m_dir.path() + QStringLiteral("/creds.json");
        writeFile(file, R"({"auth_token": "from-file"})");
        auto env = baseEnv();
        env.insert(QStringLiteral("AIVEN_CREDENTIALS_FILE"), file);
        auto lookup = resolve(env, &keychain);
        QCOMPARE(lookup.token, std::optional<QString>(QStringLiteral("from-file")));
        QVERIFY(lookup.source.contains(file));

        // avn's default location under HOME, and AIVEN_CONFIG_DIR.
        QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/home/.config/aiven")));
        writeFile(m_dir.path() + QStringLiteral("/home/.config/aiven/aiven-credentials.json"),
                  R"({"auth_token": "default-file"})");
        QCOMPARE(aivenTokenFromEnvironment(baseEnv()).token,
                 std::optional<QString>(QStringLiteral("default-file")));
        auto configDir = baseEnv();
        QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/cfg")));
        writeFile(m_dir.path() + QStringLiteral("/cfg/aiven-credentials.json"),
                  R"({"auth_token": "config-dir"})");
        configDir.insert(QStringLiteral("AIVEN_CONFIG_DIR"), m_dir.path() + QStringLiteral("/cfg"));
        QCOMPARE(aivenTokenFromEnvironment(configDir).token,
                 std::optional<QString>(QStringLiteral("config-dir")));
        QFile::remove(m_dir.path() + QStringLiteral("/home/.config/aiven/aiven-credentials.json"));
    }

    void keychainComesLast() {
        MemorySecretStore keychain;
        keychain.write(aivenTokenSecretKey(), QStringLiteral("from-keychain"), {});
        auto env = baseEnv();
        env.insert(QStringLiteral("AIVEN_CREDENTIALS_FILE"), m_dir.path() + QStringLiteral("/missing.json"));
        auto lookup = resolve(env, &keychain);
        QCOMPARE(lookup.token, std::optional<QString>(QStringLiteral("from-keychain")));
        QCOMPARE(lookup.source, QStringLiteral("keychain"));
    }

    void brokenFileAndFailingKeychainAreReportedWithoutSecrets() {
        const QString file = m_dir.path() + QStringLiteral("/broken.json");
        writeFile(file, R"({"auth_token": "half-a-secret)");
        MemorySecretStore keychain;
        keychain.setFailure(QStringLiteral("the collection is locked"));
        auto env = baseEnv();
        env.insert(QStringLiteral("AIVEN_CREDENTIALS_FILE"), file);
        auto lookup = resolve(env, &keychain);
        QVERIFY(!lookup.found());
        QCOMPARE(lookup.notes.size(), 2);
        QVERIFY(lookup.notes[0].contains(file));
        QVERIFY(!lookup.notes.join(QString()).contains(QStringLiteral("half-a-secret")));
        QVERIFY(lookup.notes[1].contains(QStringLiteral("locked")));

        writeFile(file, R"({"user_email": "a@b.c"})");
        lookup = resolve(env, nullptr);
        QVERIFY(!lookup.found());
        QVERIFY(lookup.notes.front().contains(QStringLiteral("auth_token")));
    }

    void baseUrl() {
        QCOMPARE(aivenBaseUrl(QProcessEnvironment()), QUrl(QStringLiteral("https://api.aiven.io")));
        QProcessEnvironment env;
        env.insert(QStringLiteral("AIVEN_WEB_URL"), QStringLiteral("http://127.0.0.1:9999"));
        QCOMPARE(aivenBaseUrl(env), QUrl(QStringLiteral("http://127.0.0.1:9999")));
    }

    void memoryStoreAnswersAsynchronously() {
        MemorySecretStore store;
        bool written = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"),
                    [&](const SecretResult& r) { written = r.ok(); });
        QVERIFY(!written); // from the event loop, like a keychain
        QTRY_VERIFY(written);
        std::optional<SecretResult> read;
        store.read(QStringLiteral("k"), [&](const SecretResult& r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->value, std::optional<QString>(QStringLiteral("v")));
        bool removed = false;
        store.remove(QStringLiteral("k"), [&](const SecretResult& r) { removed = r.ok(); });
        QTRY_VERIFY(removed);
        read.reset();
        store.read(QStringLiteral("k"), [&](const SecretResult& r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->status, SecretResult::Status::NotFound);
    }

    void keychainStoreAlwaysAnswers() {
        // Whatever this machine has (no keychain, a locked one, a working one), the store answers exactly
        // once.
        KeychainSecretStore store(QStringLiteral("ckstudio-test"));
        store.setTimeoutMs(2000);
        int calls = 0;
        store.read(QStringLiteral("never-written-key"), [&](const SecretResult& r) {
            ++calls;
            QVERIFY(!r.ok() || !r.value || r.value->isEmpty());
        });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
        QTest::qWait(2100);
        QCOMPARE(calls, 1);
    }

    void pulledBasesAreKeyedByApiProjectAndIntegration() {
        PulledBaseStore store(m_dir.path() + QStringLiteral("/bases"));
        const QUrl api(QStringLiteral("http://127.0.0.1:1234/"));
        const Json config = Json::parse(R"({"tables": [{"name": "t", "b": 1, "a": 2}]})");
        QVERIFY(!store.load(api, QStringLiteral("p"), QStringLiteral("id")));
        QCOMPARE(store.record(api, QStringLiteral("p"), QStringLiteral("id"), config), std::string());
        auto loaded = store.load(api, QStringLiteral("p"), QStringLiteral("id"));
        QVERIFY(loaded);
        QCOMPARE(loaded->dump(), config.dump()); // order kept
        QVERIFY(!store.load(api, QStringLiteral("p"), QStringLiteral("other")));
        QVERIFY(!store.load(api, QStringLiteral("q"), QStringLiteral("id")));
        QVERIFY(!store.load(QUrl(QStringLiteral("http://127.0.0.1:1235/")), QStringLiteral("p"),
                            QStringLiteral("id")));

        writeFile(store.fileFor(api, QStringLiteral("p"), QStringLiteral("id")), "not json");
        std::string error;
        QVERIFY(!store.load(api, QStringLiteral("p"), QStringLiteral("id"), &error));
        QVERIFY(!error.empty());
    }
};

QTEST_GUILESS_MAIN(TestAivenToken)
#include "tst_aiventoken.moc"
