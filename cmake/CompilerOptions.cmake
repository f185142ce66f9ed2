# One place for warnings and sanitizer flags, applied to every target of the project.
add_library(ckstudio_options INTERFACE)
target_compile_options(ckstudio_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
target_compile_definitions(ckstudio_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  CKSTUDIO_VERSION="${PROJECT_VERSION}")
if(CKSTUDIO_SANITIZE)
  target_compile_options(ckstudio_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(ckstudio_options INTERFACE -fsanitize=address,undefined)
endif()
if(CKSTUDIO_FUZZ)
  # libFuzzer coverage + ASan/UBSan in every library the fuzz targets link (tests/fuzz adds the fuzzer runtime).
  target_compile_options(ckstudio_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(ckstudio_options INTERFACE -fsanitize=address,undefined)
endif()
