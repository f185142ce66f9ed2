#pragma once
// The embedded engine (EmbeddedClickHouse) on its own thread, for code with an event loop: statements run one
// after another in the order given, and each answer comes back as a callback on the thread of the QObject
// named as its context. query() never blocks.
#include "engine/EmbeddedClickHouse.h"

#include <QObject>
#include <functional>
#include <memory>

namespace ckstudio {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    // Starts the thread, which opens the engine (EmbeddedClickHouse::open(dataDirectory)). When that fails,
    // every statement is answered with the open error.
    explicit EngineWorker(const QString& dataDirectory = QString(), QObject* parent = nullptr);
    // Statements not yet started are dropped (their callbacks never run); a running one is waited for, as
    // chDB cannot interrupt it; then the engine is closed on its thread.
    ~EngineWorker() override;

    // Queues `sql`; `done` is called on `context`'s thread with the reply, or never if `context` was
    // destroyed first.
    void query(QByteArray sql, QByteArray format, QObject* context, std::function<void(EngineReply)> done);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace ckstudio
