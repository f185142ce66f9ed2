#pragma once
// The Aiven API of the main-window tests: the emulator seeded from the fixtures, and the environment a
// MainWindow connects from (AIVEN_AUTH_TOKEN, AIVEN_WEB_URL), which goes with the session.
#include "AivenEmulator.h"

#include <QString>

namespace ckstudio::test {

// The seed's project and its clickhouse_kafka integration (tests/fixtures/aiven/seed.json).
inline const QString kSeedProject = QStringLiteral("demo-project");
inline const QString kSeedIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");

class EmulatorSession {
public:
    EmulatorSession() {
        if (!m_emulator.loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &m_error))
            return;
        if (m_emulator.start() == 0) {
            m_error = QStringLiteral("the emulator did not start");
            return;
        }
        qputenv("AIVEN_AUTH_TOKEN", "emulator-token-0123456789");
        qputenv("AIVEN_WEB_URL", m_emulator.url().toString().toUtf8());
    }
    ~EmulatorSession() {
        qunsetenv("AIVEN_AUTH_TOKEN");
        qunsetenv("AIVEN_WEB_URL");
    }
    EmulatorSession(const EmulatorSession&) = delete;
    EmulatorSession& operator=(const EmulatorSession&) = delete;

    // Why the session is unusable; empty when the emulator runs and the environment points at it.
    const QString& error() const { return m_error; }
    emulator::AivenEmulator& emulator() { return m_emulator; }

private:
    emulator::AivenEmulator m_emulator;
    QString m_error;
};

} // namespace ckstudio::test
