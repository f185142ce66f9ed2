# Starting ckstudio or ckstudio-cli must not load librdkafka: app/kafka/RdKafkaLibrary dlopen()s it on the
# first direct Kafka read only. Checks that no executable names it in its dynamic section, and, with
# LD_DEBUG=files, that the loader does not open it while `ckstudio-cli validate CONFIG` runs.
#   cmake -DCLI=path/ckstudio-cli -DCONFIG=config.json [-DGUI=path/ckstudio] -P check-rdkafka-not-loaded.cmake
include(${CMAKE_CURRENT_LIST_DIR}/../support/LoadedAtStart.cmake)
expect_not_linked("rdkafka" "librdkafka" ${CLI} ${GUI})

set(ENV{LD_DEBUG} files)
execute_process(COMMAND ${CLI} validate ${CONFIG} OUTPUT_VARIABLE out ERROR_VARIABLE trace RESULT_VARIABLE rc)
unset(ENV{LD_DEBUG})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ckstudio-cli validate ${CONFIG} exited with ${rc}:\n${out}")
endif()
expect_not_loaded("rdkafka" "librdkafka" "ckstudio-cli validate" "${trace}")
message(STATUS "librdkafka not loaded at start-up: ${out}")
