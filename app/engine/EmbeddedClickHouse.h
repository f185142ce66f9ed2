#pragma once
// ClickHouse 26 in this process: chDB's libchdb.so (Apache-2.0, the npm package @chdb/lib-linux-x64-gnu,
// installed into a cache by packaging/install-deps.sh). Loaded with dlopen() on first use, never linked:
// it is 559 MB and most runs never need it. A missing library is an error value that names the install
// command, never a crash.
//
// EmbeddedClickHouse is blocking and serves one statement at a time; run it on a worker thread
// (EngineWorker) whenever a GUI or an event loop is involved. Tests may call it directly.
//
// One engine per process at a time. chDB keeps a single engine per process: a second chdb_connect() with
// another --path fails (returns NULL), and one with the same path hands out the same databases. So open()
// refuses while another EmbeddedClickHouse exists (Kind::Usage, naming the open one's directory); after that
// one is destroyed a new one can be opened, on any directory (measured with 26.5.3: close, then connect
// elsewhere, then back, each sees its own tables). A statement cannot be interrupted once running.
#include "clickhouse/ClickHouseError.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace ckstudio {

// One statement's answer.
struct EngineReply {
    QByteArray data;                      // the result in the requested output format
    std::optional<ClickHouseError> error; // Kind::Server with the engine's code and message as it sent them
    bool ok() const { return !error.has_value(); }
};

class EmbeddedClickHouse {
public:
    // Opens an engine whose databases live in `dataDirectory` (empty: a private temporary directory, removed
    // when the engine is destroyed). On failure returns nullptr and sets *error (Kind::Usage when the library
    // cannot be found or loaded, naming the path tried and `bash packaging/install-deps.sh`; also Kind::Usage
    // while another engine is open in this process, or when chDB cannot open the directory).
    static std::unique_ptr<EmbeddedClickHouse> open(const QString& dataDirectory, ClickHouseError* error);
    ~EmbeddedClickHouse(); // closes the connection: chDB crashes at exit when one is left open

    EmbeddedClickHouse(const EmbeddedClickHouse&) = delete;
    EmbeddedClickHouse& operator=(const EmbeddedClickHouse&) = delete;

    // Runs one statement and returns its output in `format` (any ClickHouse output format name).
    EngineReply query(const QByteArray& sql, const QByteArray& format = "TabSeparated");

    QString dataDirectory() const;
    QString version() const; // version(), read once at open, e.g. "26.5.1.1"

    // Where the library is looked for: $CKSTUDIO_CHDB_LIBRARY, else the install cache
    // (${XDG_CACHE_HOME:-$HOME/.cache}/ckstudio/chdb/<version>/libchdb.so).
    static QString libraryPath();
    // Empty when the library loads; otherwise why not, with the fix.
    static QString loadError();

private:
    struct State;
    explicit EmbeddedClickHouse(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace ckstudio
