// Aiven error bodies of any shape: the parser must return a message, never the whole body when it is large.
#include "aiven/AivenErrors.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ckstudio;
    if (size < 1)
        return 0;
    const int status = 400 + data[0] % 200;
    const QByteArray body(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    const AivenError error = aivenErrorFromHttp(status, body);
    if (error.httpStatus != status)
        std::abort();
    (void)retryHint(body.left(64), error.message);
    return 0;
}
