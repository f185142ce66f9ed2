# The embedded ClickHouse 26 engine's pin (packaging/chdb.version) for the code that locates it at run time
# (app/engine): sets CKSTUDIO_CHDB_VERSION. The library itself is never linked, only dlopen()ed.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/chdb.version _chdb_version REGEX "^CHDB_VERSION=")
string(REGEX REPLACE "^CHDB_VERSION=" "" CKSTUDIO_CHDB_VERSION "${_chdb_version}")
if(NOT CKSTUDIO_CHDB_VERSION MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "packaging/chdb.version: no CHDB_VERSION=X.Y.Z line")
endif()
# Re-run cmake when the pin changes.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/packaging/chdb.version)
