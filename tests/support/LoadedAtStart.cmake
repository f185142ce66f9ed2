# Checks for libraries the programs load on first use only (librdkafka, the HTTP module with Qt Network), for
# cmake -P scripts: include(${CMAKE_CURRENT_LIST_DIR}/../support/LoadedAtStart.cmake).

# Fails when a binary names a library matching `pattern` in its dynamic section; `what` names the library.
function(expect_not_linked pattern what)
  foreach(binary IN LISTS ARGN)
    execute_process(COMMAND readelf -d ${binary} OUTPUT_VARIABLE dynamic ERROR_VARIABLE readelf_err
      RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "readelf -d ${binary} failed (${rc}): ${readelf_err}")
    endif()
    if(dynamic MATCHES "${pattern}")
      message(FATAL_ERROR "${binary} links ${what}:\n${dynamic}")
    endif()
  endforeach()
endfunction()

# Fails when an LD_DEBUG=files `trace` of `run` shows a library matching `pattern` loaded, or is no trace at
# all (then nothing would have been checked).
function(expect_not_loaded pattern what run trace)
  if(NOT trace MATCHES "file=libQt6Core")
    message(FATAL_ERROR "${run}: LD_DEBUG=files gave no loader trace, so nothing was checked:\n${trace}")
  endif()
  if(trace MATCHES "${pattern}")
    string(REGEX MATCHALL "[^\n]*(${pattern})[^\n]*" lines "${trace}")
    list(JOIN lines "\n" lines)
    message(FATAL_ERROR "${run} loaded ${what}:\n${lines}")
  endif()
endfunction()
