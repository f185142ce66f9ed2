# Qt Network comes with the HTTP module (lib/ckstudio/libckstudio-http.so), loaded on the first request
# (app/http/HttpTransport.h). Checks that:
#  - neither program names Qt Network or the module in its dynamic section;
#  - with LD_DEBUG=files, `ckstudio-cli validate` and ckstudio's first window (--screenshot, offscreen) load
#    neither;
#  - the first request does load both, and reaches the network (a refused connection, not a load error);
#  - a program without the module next to it says which file it looked for.
#   cmake -DCLI=path/ckstudio-cli -DGUI=path/ckstudio -DCONFIG=config.json -DWORK=dir -P check-http-module.cmake
include(${CMAKE_CURRENT_LIST_DIR}/../support/LoadedAtStart.cmake)
set(unwanted "libQt6Network|libckstudio-http")
set(unwanted_name "Qt Network or the HTTP module")
file(REMOVE_RECURSE ${WORK})
expect_not_linked("${unwanted}" "${unwanted_name}" ${CLI} ${GUI})

set(ENV{LD_DEBUG} files)
execute_process(COMMAND ${CLI} validate ${CONFIG} OUTPUT_VARIABLE out ERROR_VARIABLE trace RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ckstudio-cli validate ${CONFIG} exited with ${rc}:\n${out}")
endif()
expect_not_loaded("${unwanted}" "${unwanted_name}" "ckstudio-cli validate" "${trace}")

file(MAKE_DIRECTORY ${WORK}/home)
set(ENV{HOME} ${WORK}/home)
set(ENV{XDG_CONFIG_HOME} ${WORK}/home/config)
set(ENV{XDG_DATA_HOME} ${WORK}/home/data)
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND ${GUI} --screenshot ${WORK}/window.png ${CONFIG} OUTPUT_VARIABLE out ERROR_VARIABLE trace
  RESULT_VARIABLE rc TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/window.png)
  message(FATAL_ERROR "ckstudio --screenshot exited with ${rc} (no window.png?):\n${out}")
endif()
expect_not_loaded("${unwanted}" "${unwanted_name}" "ckstudio's first window" "${trace}")

# Port 1 on the loopback: nothing listens there, so the connection is refused at once.
set(request preview --table db.t --clickhouse-url http://127.0.0.1:1)
execute_process(COMMAND ${CLI} ${request} OUTPUT_VARIABLE out ERROR_VARIABLE trace RESULT_VARIABLE rc)
unset(ENV{LD_DEBUG})
if(NOT trace MATCHES "file=[^\n]*libckstudio-http.so" OR NOT trace MATCHES "file=libQt6Network")
  message(FATAL_ERROR "the first request did not load the HTTP module and Qt Network:\n${trace}")
endif()
if(NOT rc EQUAL 4 OR NOT trace MATCHES "network error: Connection refused")
  message(FATAL_ERROR "ckstudio-cli ${request}: expected exit 4 and a refused connection, got ${rc}")
endif()

# A copy of the program with no lib/ckstudio/ beside it.
file(MAKE_DIRECTORY ${WORK}/alone/bin)
file(COPY ${CLI} DESTINATION ${WORK}/alone/bin)
get_filename_component(cli_name ${CLI} NAME)
execute_process(COMMAND ${WORK}/alone/bin/${cli_name} ${request} OUTPUT_VARIABLE out ERROR_VARIABLE err
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 4 OR NOT err MATCHES "cannot load ${WORK}/alone/lib/ckstudio/libckstudio-http.so \\(.*\\): reinstall ckstudio")
  message(FATAL_ERROR "a program without the module: expected exit 4 and a message naming the file, got ${rc}:\n${err}")
endif()
message(STATUS "HTTP module loaded on the first request only; a missing module is named: ${err}")
