# The house rules a grep can check (CONTRIBUTING.md): one naming dialect and arrows that point down.
# cmake -DSOURCE_DIR=... -P check-house.cmake; fails naming each file:line that breaks a rule.
file(GLOB_RECURSE sources LIST_DIRECTORIES false
  ${SOURCE_DIR}/models/*.h ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*.cpp
  ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/tests/*.cpp)
set(broken "")
function(check file regex rule)
  # One report per file and rule, with the first line that breaks it.
  file(STRINGS ${file} lines REGEX "${regex}" LIMIT_COUNT 1)
  if(lines)
    file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
    list(GET lines 0 line)
    string(STRIP "${line}" line)
    string(SUBSTRING "${line}" 0 100 line)
    set(broken "${broken}\n  ${rel}: ${rule}: ${line}" PARENT_SCOPE)
  endif()
endfunction()
foreach(file IN LISTS sources)
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
  # Members are m_camelCase (an mCamelCase member is the other dialect).
  check(${file} "(^|[^A-Za-z0-9_])m[A-Z][A-Za-z0-9]*[^A-Za-z0-9_(]" "member named mX, not m_x")
  check(${file} "Q_SIGNALS|Q_SLOTS|Q_EMIT" "Qt keyword macro, not signals/slots/emit")
  # Only app/cli knows the CLI; no service includes it.
  if(rel MATCHES "^(app|models)/" AND NOT rel MATCHES "^app/cli/")
    check(${file} "#include \"cli/" "CLI header outside app/cli")
  endif()
  # The floors: models sees neither app nor ui, app sees no widgets.
  if(rel MATCHES "^models/")
    check(${file} "#include <Q(Widgets|Network|Widget|MessageBox|Dialog)|#include \"(aiven|clickhouse|kafka|engine|http|secrets|cli)/" "models/ reaching up")
  endif()
  if(rel MATCHES "^app/")
    check(${file} "#include <Q(Widgets|Widget|MessageBox|Dialog|MainWindow)[ >]" "widgets in app/")
  endif()
  # Questions to the user go through UserPrompts.
  if(rel MATCHES "^ui/" AND NOT rel MATCHES "^ui/UserPrompts.cpp$")
    check(${file} "QMessageBox::(question|warning|information|critical)" "message box outside UserPrompts")
  endif()
  # The menus see EditorHost, not the window.
  if(rel MATCHES "^ui/(AivenMenu|ClickHouseMenu)")
    check(${file} "#include \"MainWindow.h\"" "menu includes MainWindow")
  endif()
endforeach()
if(broken)
  message(FATAL_ERROR "house rules broken:${broken}")
endif()
list(LENGTH sources count)
message(STATUS "house rules hold in ${count} files")
