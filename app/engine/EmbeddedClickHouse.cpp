#include "engine/EmbeddedClickHouse.h"

#include "preview/ServerErrorText.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <dlfcn.h>
#include <mutex>
#include <type_traits>

namespace ckstudio {
namespace {

// chDB's C API (chdb.h of chDB 3.x; the library ships no header). A connection handle is a pointer to a
// struct; chdb_query() takes the struct pointer, chdb_connect()/chdb_close_conn() the handle.
struct ChdbConnectionData;
using ChdbConnection = ChdbConnectionData*;
struct ChdbResult;

struct ChdbFunctions {
    ChdbConnection* (*chdb_connect)(int argc, char** argv) = nullptr;
    void (*chdb_close_conn)(ChdbConnection* connection) = nullptr;
    ChdbResult* (*chdb_query)(ChdbConnection connection, const char* query, const char* format) = nullptr;
    char* (*chdb_result_buffer)(ChdbResult* result) = nullptr;
    size_t (*chdb_result_length)(ChdbResult* result) = nullptr;
    const char* (*chdb_result_error)(ChdbResult* result) = nullptr;
    void (*chdb_destroy_query_result)(ChdbResult* result) = nullptr;
};

struct Loaded {
    ChdbFunctions functions;
    bool ok = false;
    QString error;
};

const QString kInstallHint = QStringLiteral("run `bash packaging/install-deps.sh`");

QString lastDlError() {
    const char* text = dlerror();
    return text != nullptr ? QString::fromLocal8Bit(text) : QStringLiteral("no reason given");
}

Loaded load(const QString& path) {
    Loaded result;
    // RTLD_LOCAL: its ~50 exported symbols stay out of the global namespace. Never closed: its threads and
    // static destructors outlive any handle we could give back.
    void* handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        result.error = QStringLiteral("ClickHouse 26 (chDB) is not installed at %1 (%2): %3")
                           .arg(path, lastDlError(), kInstallHint);
        return result;
    }
    auto resolve = [&](auto& pointer, const char* name) {
        dlerror(); // clears an earlier error, so that the one below is dlsym's
        void* symbol = dlsym(handle, name);
        if (symbol == nullptr) {
            result.error = QStringLiteral("ClickHouse 26 (chDB) at %1 has no function %2 (%3): %4")
                               .arg(path, QLatin1String(name), lastDlError(), kInstallHint);
            return false;
        }
        pointer = reinterpret_cast<std::remove_reference_t<decltype(pointer)>>(symbol);
        return true;
    };
    ChdbFunctions& f = result.functions;
    result.ok = resolve(f.chdb_connect, "chdb_connect") && resolve(f.chdb_close_conn, "chdb_close_conn") &&
                resolve(f.chdb_query, "chdb_query") && resolve(f.chdb_result_buffer, "chdb_result_buffer") &&
                resolve(f.chdb_result_length, "chdb_result_length") &&
                resolve(f.chdb_result_error, "chdb_result_error") &&
                resolve(f.chdb_destroy_query_result, "chdb_destroy_query_result");
    if (!result.ok)
        result.functions = {};
    return result;
}

// Loaded on first use, once per process (thread-safe by the rules of function-local statics).
const Loaded& loaded() {
    static const Loaded library = load(EmbeddedClickHouse::libraryPath());
    return library;
}

// The one engine chDB allows per process (see the header): its directory while it is open.
std::mutex g_openMutex;
QString g_openDirectory;

ClickHouseError usageError(const QString& message) {
    ClickHouseError error;
    error.kind = ClickHouseError::Kind::Usage;
    error.message = message;
    return error;
}

} // namespace

struct EmbeddedClickHouse::State {
    const ChdbFunctions* functions = nullptr;
    std::optional<QTemporaryDir> temporaryDirectory; // removed after the connection is closed
    QString directory;
    ChdbConnection* connection = nullptr;
    QString version;
    std::mutex queryMutex; // one statement at a time, whichever thread calls
};

QString EmbeddedClickHouse::libraryPath() {
    const QString configured = qEnvironmentVariable("CKSTUDIO_CHDB_LIBRARY");
    if (!configured.isEmpty())
        return configured;
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME"); // as packaging/install-deps.sh computes it
    if (cache.isEmpty())
        cache = QDir::homePath() + QLatin1String("/.cache");
    return cache + QLatin1String("/ckstudio/chdb/" CKSTUDIO_CHDB_VERSION "/libchdb.so");
}

QString EmbeddedClickHouse::loadError() {
    return loaded().error;
}

std::unique_ptr<EmbeddedClickHouse> EmbeddedClickHouse::open(const QString& dataDirectory,
                                                             ClickHouseError* error) {
    auto fail = [&](const QString& message) {
        if (error != nullptr)
            *error = usageError(message);
        return std::unique_ptr<EmbeddedClickHouse>();
    };
    const Loaded& library = loaded();
    if (!library.ok)
        return fail(library.error);

    std::lock_guard lock(g_openMutex);
    if (!g_openDirectory.isEmpty())
        return fail(
            QStringLiteral("ClickHouse 26 (chDB) runs one engine per process and one is open (data in "
                           "%1): destroy it before opening another")
                .arg(g_openDirectory));

    auto state = std::make_unique<State>();
    state->functions = &library.functions;
    if (dataDirectory.isEmpty()) {
        state->temporaryDirectory.emplace(QDir::tempPath() + QLatin1String("/ckstudio-engine-XXXXXX"));
        if (!state->temporaryDirectory->isValid())
            return fail(QStringLiteral("cannot create a data directory for ClickHouse 26 (chDB): %1")
                            .arg(state->temporaryDirectory->errorString()));
        state->directory = state->temporaryDirectory->path();
    } else {
        state->directory = QDir(dataDirectory).absolutePath();
        if (!QDir().mkpath(state->directory))
            return fail(QStringLiteral("cannot create the data directory %1 for ClickHouse 26 (chDB)")
                            .arg(state->directory));
    }

    QByteArray program = "clickhouse";
    QByteArray pathArgument = "--path=" + QFile::encodeName(state->directory);
    char* argv[] = {program.data(), pathArgument.data()};
    state->connection = library.functions.chdb_connect(2, argv);
    if (state->connection == nullptr || *state->connection == nullptr)
        return fail(
            QStringLiteral("ClickHouse 26 (chDB) could not open an engine on %1").arg(state->directory));
    g_openDirectory = state->directory;

    std::unique_ptr<EmbeddedClickHouse> engine(new EmbeddedClickHouse(std::move(state)));
    const EngineReply version = engine->query("SELECT version()", "TabSeparated");
    if (!version.ok()) {
        if (error != nullptr)
            *error = *version.error;
        return nullptr; // the destructor closes the connection and frees the slot
    }
    engine->m_state->version = QString::fromUtf8(version.data).trimmed();
    return engine;
}

EmbeddedClickHouse::EmbeddedClickHouse(std::unique_ptr<State> state)
    : m_state(std::move(state)) {}

EmbeddedClickHouse::~EmbeddedClickHouse() {
    {
        std::lock_guard queryLock(m_state->queryMutex);
        m_state->functions->chdb_close_conn(m_state->connection);
    }
    std::lock_guard lock(g_openMutex);
    g_openDirectory.clear();
    // m_state->temporaryDirectory goes with m_state, after the engine let go of its files.
}

EngineReply EmbeddedClickHouse::query(const QByteArray& sql, const QByteArray& format) {
    EngineReply reply;
    // chdb_query() reads C strings: a NUL byte would silently cut the statement short.
    if (sql.contains('\0') || format.contains('\0')) {
        reply.error =
            usageError(QStringLiteral("the statement for ClickHouse 26 (chDB) contains a NUL byte"));
        return reply;
    }
    const ChdbFunctions& f = *m_state->functions;
    std::lock_guard lock(m_state->queryMutex);
    ChdbResult* result = f.chdb_query(*m_state->connection, sql.constData(), format.constData());
    if (result == nullptr) {
        ClickHouseError error;
        error.kind = ClickHouseError::Kind::Server;
        error.message = QStringLiteral("ClickHouse 26 (chDB) returned no result");
        reply.error = error;
        return reply;
    }
    if (const char* text = f.chdb_result_error(result)) {
        ClickHouseError error;
        error.kind = ClickHouseError::Kind::Server;
        if (const auto parsed = parseServerErrorText(text)) {
            error.serverCode = parsed->code;
            error.message = parsed->message;
        } else {
            error.message = QString::fromUtf8(text).trimmed();
        }
        reply.error = error;
    } else if (const char* buffer = f.chdb_result_buffer(result)) {
        reply.data = QByteArray(buffer, static_cast<qsizetype>(f.chdb_result_length(result)));
    }
    f.chdb_destroy_query_result(result);
    return reply;
}

QString EmbeddedClickHouse::dataDirectory() const {
    return m_state->directory;
}

QString EmbeddedClickHouse::version() const {
    return m_state->version;
}

} // namespace ckstudio
