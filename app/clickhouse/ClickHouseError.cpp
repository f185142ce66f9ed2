#include "clickhouse/ClickHouseError.h"

namespace ckstudio {

QString ClickHouseError::toString() const {
    switch (kind) {
    case Kind::Server:
        return serverCode ? QStringLiteral("ClickHouse error %1: %2").arg(serverCode).arg(message)
                          : QStringLiteral("ClickHouse error: %1").arg(message);
    case Kind::Auth:
        return QStringLiteral("authentication failed: %1").arg(message);
    case Kind::Tls:
        return QStringLiteral("TLS error: %1").arg(message);
    case Kind::Network:
        return QStringLiteral("network error: %1").arg(message);
    case Kind::Timeout:
        return QStringLiteral("timed out: %1").arg(message);
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Protocol:
        return QStringLiteral("unexpected answer from ClickHouse: %1").arg(message);
    case Kind::Usage:
        return message;
    }
    return message;
}

} // namespace ckstudio
