#pragma once
// Fault injection for the emulator, from the --fault flag or the X-Emulator-Fault request header:
//   "503", "status=503;count=2", "429;retry-after=1", "delay=2000", "truncate", "drop",
//   "omit=user_config" (the answer without that key, at its top level and in each object there),
//   with optional "method=PUT", "path=/integration" (substring) and "id=x" (separate counter).
// `count` limits how many matching requests get the fault (default: all of them).
#include <QByteArray>
#include <QString>
#include <optional>

namespace ckstudio::emulator {

struct FaultSpec {
    int status = 0; // 0: answer normally (maybe delayed/truncated)
    int count = -1; // -1: unlimited
    std::optional<int> retryAfterSeconds;
    QString retryMessageHint; // "try again in Ns" put into the 429 message when set via message-hint=N
    int delayMs = 0;
    bool truncate = false;
    bool drop = false;
    QString omitKey; // answer normally, without this key
    QByteArray method;    // empty: any
    QString pathContains; // empty: any
    QString text;         // the spec as given, the key of its counter

    bool matches(const QByteArray& requestMethod, const QString& path) const;
};

// nullopt with `error` set for a spec that cannot be read.
std::optional<FaultSpec> parseFaultSpec(const QString& text, QString* error);

} // namespace ckstudio::emulator
