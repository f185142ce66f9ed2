#pragma once
// Checks sample messages against a table's columns and data format with ClickHouse's own input parser, one
// message at a time, and says per message what failed. Servers with the format() table function (23.3+) parse
// each message with SELECT ... FROM format(FMT, 'columns', 'message'); older ones (18.16) insert each message
// into a temporary Memory table in a session of its own. Nothing permanent is created.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableInspector.h"

#include <QObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace ckstudio {

class ClickHouseClient;

struct SampleVerdict {
    int index = 0; // position of the message in the input
    bool ok = false;
    QString error; // the server's message when the message does not parse
};

class SampleCheck : public QObject {
    Q_OBJECT
public:
    explicit SampleCheck(ClickHouseClient* client, QObject* parent = nullptr);
    void start(const std::vector<TableColumn>& columns, const QString& format, const QStringList& messages);
    const std::vector<SampleVerdict>& verdicts() const { return mVerdicts; }

signals:
    // error: the check itself could not run (connection, bad column list); verdicts are then incomplete.
    void finished(const std::optional<ckstudio::ClickHouseError>& error);

private:
    void checkNext();
    void done(const std::optional<ClickHouseError>& error);
    QString structure() const;

    ClickHouseClient* mClient;
    std::vector<TableColumn> mColumns;
    QString mFormat;
    QStringList mMessages;
    std::vector<SampleVerdict> mVerdicts;
    QString mSession;
    QString mTempTable;
    bool mUseFormatFunction = false;
    int mNext = 0;
};

} // namespace ckstudio
