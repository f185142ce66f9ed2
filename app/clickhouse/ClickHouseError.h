#pragma once
// What went wrong talking to ClickHouse, as a value. Never carries the password (it is only ever sent in a
// header, and messages are built from the server's answer, not from the request).
#include <QString>

namespace ckstudio {

struct ClickHouseError {
    enum class Kind {
        Network,   // connection refused, DNS, reset, ...
        Tls,       // certificate not trusted, handshake failed
        Auth,      // unknown user, wrong or missing password (codes 192-194, 516; 401/403 without a code)
        Access,    // a missing grant (ACCESS_DENIED 497, HTTP 403 on 24+): logged in, not allowed
        Server,    // ClickHouse answered with an exception (status, header, or text appended to the stream)
        Protocol,  // the answer could not be read
        Timeout,   // the request's time limit passed
        Cancelled, // cancelled by the user
        Usage,     // bad connection settings (no URL, unreadable CA file, ...)
    };
    Kind kind = Kind::Network;
    QString message;    // one line for a human
    int serverCode = 0; // ClickHouse's error code (Code: N), 0 if none
    int httpStatus = 0;

    QString toString() const;
};

// The leading keywords of `sql` ("CREATE DATABASE", "INSERT INTO", "SELECT"): names a statement in a
// message without its identifiers, values or secrets.
QString statementKeywords(const QString& sql);

} // namespace ckstudio
