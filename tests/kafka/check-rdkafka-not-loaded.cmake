# Starting ckstudio or ckstudio-cli must not load librdkafka: app/kafka/RdKafkaLibrary dlopen()s it on the
# first direct Kafka read only. Checks that no executable names it in its dynamic section, and, with
# LD_DEBUG=files, that the loader does not open it while `ckstudio-cli validate CONFIG` runs.
#   cmake -DCLI=path/ckstudio-cli -DCONFIG=config.json [-DGUI=path/ckstudio] -P check-rdkafka-not-loaded.cmake
foreach(binary IN ITEMS ${CLI} ${GUI})
  execute_process(COMMAND readelf -d ${binary} OUTPUT_VARIABLE dynamic ERROR_VARIABLE readelf_err
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "readelf -d ${binary} failed (${rc}): ${readelf_err}")
  endif()
  if(dynamic MATCHES "rdkafka")
    message(FATAL_ERROR "${binary} links librdkafka:\n${dynamic}")
  endif()
endforeach()

set(ENV{LD_DEBUG} files)
execute_process(COMMAND ${CLI} validate ${CONFIG} OUTPUT_VARIABLE out ERROR_VARIABLE trace RESULT_VARIABLE rc)
unset(ENV{LD_DEBUG})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ckstudio-cli validate ${CONFIG} exited with ${rc}:\n${out}")
endif()
if(NOT trace MATCHES "file=libQt6Core")
  message(FATAL_ERROR "LD_DEBUG=files gave no loader trace, so nothing was checked:\n${trace}")
endif()
if(trace MATCHES "rdkafka")
  string(REGEX MATCHALL "[^\n]*rdkafka[^\n]*" lines "${trace}")
  list(JOIN lines "\n" lines)
  message(FATAL_ERROR "ckstudio-cli validate loaded librdkafka:\n${lines}")
endif()
message(STATUS "librdkafka not loaded at start-up: ${out}")
