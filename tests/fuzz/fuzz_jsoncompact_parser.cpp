#include "StreamFuzzing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return ckstudio::fuzz::fuzzStream(ckstudio::WireFormat::JSONCompactEachRowWithNamesAndTypes, data, size);
}
