# Runs every `orgraph ...` line of the README's sh blocks with the tool just built, from the source root,
# and fails on the first that does not exit 0: the README's lines must work as printed.
# Arguments: -DREADME=... -DORGRAPH=... -DSOURCE_DIR=... -DWORK_DIR=...
file(STRINGS "${README}" lines)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(in_sh FALSE)
set(count 0)
foreach(line IN LISTS lines)
  if(line MATCHES "^```sh")
    set(in_sh TRUE)
  elseif(line MATCHES "^```")
    set(in_sh FALSE)
  elseif(in_sh AND line MATCHES "^orgraph ")
    # Drop the trailing comment (" # ..."); the line is otherwise given to sh unchanged.
    string(REGEX REPLACE "[ ]+# .*$" "" command "${line}")
    # Outputs the README writes to /tmp go to this test's own folder instead (before the tool's path
    # goes in, which may itself be under /tmp).
    string(REPLACE "/tmp/" "${WORK_DIR}/" command "${command}")
    string(REGEX REPLACE "^orgraph " "\"${ORGRAPH}\" " command "${command}")
    execute_process(COMMAND sh -c "${command}" WORKING_DIRECTORY "${SOURCE_DIR}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "README line failed (exit ${rc}): ${line}\n${out}${err}")
    endif()
    if(out STREQUAL "")
      message(FATAL_ERROR "README line printed nothing: ${line}")
    endif()
    math(EXPR count "${count} + 1")
  endif()
endforeach()
if(count LESS 5)
  message(FATAL_ERROR "found only ${count} orgraph lines in ${README}: has the README's layout changed?")
endif()
message(STATUS "${count} README lines ran")
