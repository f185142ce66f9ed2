#pragma once
// librdkafka is loaded when a topic is first read directly, not when the program starts: linking it would
// make every start of ckstudio and ckstudio-cli load it and what it needs (libssl, libcrypto, libsasl2,
// lz4, zstd), about 3 ms before main(), for a feature most runs never use. This header does not include
// librdkafka's; the function table is in RdKafkaFunctions.h.
#include <QString>

namespace ckstudio {

struct RdKafkaFunctions;

class RdKafkaLibrary {
public:
    static constexpr const char* kFileName = "librdkafka.so.1";

    // The library's functions, loaded on the first call (from any thread; later calls only look). nullptr
    // when the library cannot be loaded or lacks a function; loadError() then says why.
    static const RdKafkaFunctions* functions();
    // Loads like functions(). Empty when that succeeds; otherwise names the file or function, dlerror()'s
    // text and the fix, e.g. "librdkafka.so.1 could not be loaded (...): install librdkafka1".
    static QString loadError();

    // Tests only: load `file` instead of kFileName. Works only before the first functions(); false after.
    static bool useFileForTesting(const QByteArray& file);
};

} // namespace ckstudio
