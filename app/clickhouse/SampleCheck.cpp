#include "clickhouse/SampleCheck.h"

#include "clickhouse/ClickHouseClient.h"

#include <QBuffer>
#include <QUuid>

namespace ckstudio {

SampleCheck::SampleCheck(ClickHouseClient* client, QObject* parent)
    : QObject(parent)
    , mClient(client) {}

QString SampleCheck::structure() const {
    QStringList parts;
    for (const auto& c : mColumns)
        parts << quoteSqlIdentifier(c.name) + QLatin1Char(' ') + c.type;
    return parts.join(QStringLiteral(", "));
}

void SampleCheck::start(const std::vector<TableColumn>& columns, const QString& format,
                        const QStringList& messages) {
    mColumns = columns;
    mFormat = format;
    mMessages = messages;
    mVerdicts.clear();
    mNext = 0;
    mClient->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
        if (error)
            return done(error);
        if (!mClient->capabilities()->hasFormat(mFormat))
            return done(ClickHouseError{ClickHouseError::Kind::Usage,
                                        QStringLiteral("ClickHouse %1 does not know the format %2")
                                            .arg(mClient->capabilities()->version().text, mFormat),
                                        0, 0});
        mUseFormatFunction = mClient->capabilities()->hasFormatTableFunction();
        if (mUseFormatFunction)
            return checkNext();
        mSession = QStringLiteral("ckstudio-sample-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        mTempTable = QStringLiteral("ckstudio_sample_check");
        QueryOptions o;
        o.sessionId = mSession;
        auto* q = mClient->query(QStringLiteral("CREATE TEMPORARY TABLE %1 (%2) ENGINE = Memory")
                                     .arg(quoteSqlIdentifier(mTempTable), structure()),
                                 o);
        connect(q, &ClickHouseQuery::finished, this, [this, q] {
            if (q->error())
                return done(q->error());
            checkNext();
        });
    });
}

void SampleCheck::checkNext() {
    if (mNext >= mMessages.size()) {
        if (!mUseFormatFunction) { // the temporary table goes with the session; drop it now anyway
            QueryOptions o;
            o.sessionId = mSession;
            mClient->query(
                QStringLiteral("DROP TEMPORARY TABLE IF EXISTS %1").arg(quoteSqlIdentifier(mTempTable)), o);
        }
        return done(std::nullopt);
    }
    const int index = mNext++;
    const QString message = mMessages[index];
    ClickHouseQuery* q = nullptr;
    QueryOptions o;
    o.timeoutMs = 30000;
    if (mUseFormatFunction) {
        o.settings = {{QStringLiteral("readonly"), QStringLiteral("2")}};
        q = mClient->query(QStringLiteral("SELECT count() FROM format(%1, %2, %3) FORMAT TabSeparated")
                               .arg(mFormat, quoteSqlString(structure()), quoteSqlString(message)),
                           o);
    } else {
        o.sessionId = mSession;
        auto* body = new QBuffer(this);
        body->setData(message.toUtf8());
        body->open(QIODevice::ReadOnly);
        q = mClient->insert(
            QStringLiteral("INSERT INTO %1 FORMAT %2").arg(quoteSqlIdentifier(mTempTable), mFormat), body, o);
        connect(q, &QObject::destroyed, body, &QObject::deleteLater);
    }
    connect(q, &ClickHouseQuery::finished, this, [this, q, index] {
        SampleVerdict v;
        v.index = index;
        if (!q->error()) {
            v.ok = true;
        } else if (q->error()->kind == ClickHouseError::Kind::Server) {
            v.error = q->error()->message;
        } else {
            return done(q->error());
        }
        mVerdicts.push_back(v);
        checkNext();
    });
}

void SampleCheck::done(const std::optional<ClickHouseError>& error) {
    emit finished(error);
}

} // namespace ckstudio
