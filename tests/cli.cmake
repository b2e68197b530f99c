# CTest tests that run the `orgraph` command-line tool.
#
# This file has two roles. Included from tests/CMakeLists.txt, it declares the tests. Run with
# `cmake -P tests/cli.cmake`, it is the driver each test calls: it runs the tool once and checks the
# exit code, stdout and stderr exactly as the test asks.
#
# Driver variables (every list is separated by "|"):
#   CLI            the tool                           ARGS          its arguments
#   WORKDIR        where to run it (file names in messages are relative to it)
#   RC             the exit code it must return
#   STDOUT_FILE    stdout must equal this file         STDOUT_MATCHES / STDOUT_NOT_MATCHES   a regex
#   STDERR_LINE    stderr must be exactly this line    STDERR_MATCHES   stderr must be one line matching this
#   JSON           stdout must be JSON with these properties, each `path=value` (string or number),
#                  `path#N` (array or object of N members) or `path:TYPE` (NULL, NUMBER, STRING,
#                  BOOLEAN, ARRAY, OBJECT); a path is keys and indices joined by "."
# `@TODAY@` in a regex stands for today's date (UTC), the date a command means without --on.
# Unless a stderr check is given, stderr must be empty; when RC is 2, stdout must be empty.

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.23)
  string(REPLACE "|" ";" args "${ARGS}")
  execute_process(COMMAND "${CLI}" ${args} WORKING_DIRECTORY "${WORKDIR}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  set(shown "orgraph ${ARGS}\n--- exit code: ${rc}\n--- stdout:\n${out}--- stderr:\n${err}")
  string(TIMESTAMP today "%Y-%m-%d" UTC)
  foreach(var STDOUT_MATCHES STDOUT_NOT_MATCHES STDERR_MATCHES)
    if(DEFINED ${var})
      string(REPLACE "@TODAY@" "${today}" ${var} "${${var}}")
    endif()
  endforeach()

  if(NOT rc STREQUAL RC)
    message(FATAL_ERROR "expected exit code ${RC}\n${shown}")
  endif()
  if(RC EQUAL 2 AND NOT out STREQUAL "")
    message(FATAL_ERROR "expected nothing on stdout after an error\n${shown}")
  endif()

  if(DEFINED STDOUT_FILE)
    file(READ "${STDOUT_FILE}" expected)
    if(NOT out STREQUAL expected)
      message(FATAL_ERROR "stdout differs from ${STDOUT_FILE}\n--- expected:\n${expected}${shown}")
    endif()
  endif()
  if(DEFINED STDOUT_MATCHES AND NOT out MATCHES "${STDOUT_MATCHES}")
    message(FATAL_ERROR "stdout does not match '${STDOUT_MATCHES}'\n${shown}")
  endif()
  if(DEFINED STDOUT_NOT_MATCHES AND out MATCHES "${STDOUT_NOT_MATCHES}")
    message(FATAL_ERROR "stdout matches '${STDOUT_NOT_MATCHES}' but must not\n${shown}")
  endif()

  if(DEFINED STDERR_LINE)
    if(NOT err STREQUAL "${STDERR_LINE}\n")
      message(FATAL_ERROR "stderr must be exactly the line\n${STDERR_LINE}\n${shown}")
    endif()
  elseif(DEFINED STDERR_MATCHES)
    string(REGEX MATCHALL "\n" newlines "${err}")
    list(LENGTH newlines lines)
    if(NOT lines EQUAL 1 OR NOT err MATCHES "\n$" OR NOT err MATCHES "${STDERR_MATCHES}")
      message(FATAL_ERROR "stderr must be one line matching '${STDERR_MATCHES}'\n${shown}")
    endif()
  elseif(NOT err STREQUAL "")
    message(FATAL_ERROR "expected nothing on stderr\n${shown}")
  endif()

  if(DEFINED JSON)
    string(JSON members ERROR_VARIABLE json_error LENGTH "${out}")
    if(json_error)
      message(FATAL_ERROR "stdout is not a JSON object or array: ${json_error}\n${shown}")
    endif()
    string(REPLACE "|" ";" checks "${JSON}")
    foreach(check IN LISTS checks)
      if(check MATCHES "^([^=#:]+)=(.*)$")
        set(mode GET)
      elseif(check MATCHES "^([^=#:]+)#([0-9]+)$")
        set(mode LENGTH)
      elseif(check MATCHES "^([^=#:]+):([A-Z]+)$")
        set(mode TYPE)
      else()
        message(FATAL_ERROR "bad JSON check '${check}'")
      endif()
      set(want "${CMAKE_MATCH_2}")
      string(REPLACE "." ";" path "${CMAKE_MATCH_1}")
      string(JSON got ERROR_VARIABLE json_error ${mode} "${out}" ${path})
      if(json_error)
        message(FATAL_ERROR "JSON check '${check}': ${json_error}\n${shown}")
      endif()
      if(NOT got STREQUAL want)
        message(FATAL_ERROR "JSON check '${check}': got '${got}'\n${shown}")
      endif()
    endforeach()
  endif()
  return()
endif()

if(NOT TARGET orgraph_cli)
  return()
endif()

set(orgraph_cli_driver "${CMAKE_CURRENT_LIST_FILE}")
set(essex "examples/essex_2009/essex_2009.json")
set(cli_data "tests/data/cli")

# orgraph_cli_test(<name> ARGS <args...> RC <code> [<driver variable> <value>]...)
function(orgraph_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
    "RC;STDOUT_FILE;STDOUT_MATCHES;STDOUT_NOT_MATCHES;STDERR_LINE;STDERR_MATCHES" "ARGS;JSON")
  set(defines "-DCLI=$<TARGET_FILE:orgraph_cli>" "-DWORKDIR=${PROJECT_SOURCE_DIR}" "-DRC=${arg_RC}")
  string(REPLACE ";" "|" joined "${arg_ARGS}")
  list(APPEND defines "-DARGS=${joined}")
  if(arg_JSON)
    string(REPLACE ";" "|" joined "${arg_JSON}")
    list(APPEND defines "-DJSON=${joined}")
  endif()
  foreach(var STDOUT_FILE STDOUT_MATCHES STDOUT_NOT_MATCHES STDERR_LINE STDERR_MATCHES)
    if(DEFINED arg_${var})
      list(APPEND defines "-D${var}=${arg_${var}}")
    endif()
  endforeach()
  add_test(NAME cli.${name} COMMAND "${CMAKE_COMMAND}" ${defines} -P "${orgraph_cli_driver}")
endfunction()

# ---- help and version ----
orgraph_cli_test(help_lists_every_command ARGS help RC 0
  STDOUT_MATCHES "\n  validate  [^\n]+\n  chain     [^\n]+\n  reports   [^\n]+\n")
orgraph_cli_test(help_flag_lists_every_command ARGS --help RC 0 STDOUT_MATCHES "\n  chain     the management chain")
orgraph_cli_test(help_for_a_command_shows_its_usage ARGS help chain RC 0
  STDOUT_MATCHES "^Usage: orgraph chain FILE ID \\[--on DATE\\] \\[--json\\]\n")
orgraph_cli_test(command_help_flag_shows_its_options ARGS reports --help RC 0 STDOUT_MATCHES "\n  --all  ")
orgraph_cli_test(version_is_the_project_version ARGS --version RC 0
  STDOUT_MATCHES "^orgraph ${PROJECT_VERSION_MAJOR}\\.${PROJECT_VERSION_MINOR}\\.${PROJECT_VERSION_PATCH}\n$")

# ---- chain: the seconded TASCC manager's practitioners (examples/essex_2009) ----
orgraph_cli_test(chain_before_secondment_is_the_tascc_manager
  ARGS chain ${essex} practitioner-a --on 2009-11-01 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/chain_practitioner_a_2009-11-01.expected")
orgraph_cli_test(chain_on_secondment_date_is_the_core_team_manager
  ARGS chain ${essex} practitioner-a --on 2009-11-02 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/chain_practitioner_a_2009-11-02.expected")
orgraph_cli_test(chain_on_last_day_of_secondment_is_still_the_core_team_manager
  ARGS chain ${essex} practitioner-c --on=2010-03-31 RC 0
  STDOUT_MATCHES "\n1  core-manager-education-welfare  " STDOUT_NOT_MATCHES "tascc-manager-harlow")
orgraph_cli_test(chain_after_secondment_is_the_tascc_manager_again
  ARGS chain ${essex} practitioner-c --on 2010-04-01 RC 0
  STDOUT_MATCHES "\n1  tascc-manager-harlow  " STDOUT_NOT_MATCHES "core-manager")
orgraph_cli_test(chain_of_the_seconded_manager_goes_through_the_secondment_post
  ARGS chain ${essex} tascc-manager-harlow --on 2009-12-01 RC 0
  STDOUT_MATCHES "\n1  wendi-ogle-welbourn +Wendi Ogle-Welbourn +post-director-commissioning ")
orgraph_cli_test(chain_without_on_is_asked_about_today
  ARGS chain ${essex} practitioner-a RC 0
  STDOUT_MATCHES "^Management chain of practitioner-a \\(Practitioner A\\) on @TODAY@, nearest first\n")
orgraph_cli_test(chain_json_has_the_documented_keys
  ARGS chain ${essex} practitioner-b --on 2009-11-02 --json RC 0
  JSON "id=practitioner-b" "on=2009-11-02" "chain#2"
       "chain.0.id=core-manager-educational-psychology"
       "chain.0.name=Core Team Manager (Educational Psychology)"
       "chain.0.post=post-core-manager-educational-psychology"
       "chain.0.arrangement=interim" "chain.0.vacant_posts#0" "chain.0.ambiguous:BOOLEAN"
       "chain.1.id=head-provider-services" "chain.1.arrangement=substantive")
orgraph_cli_test(chain_json_lists_vacant_posts_passed
  ARGS chain ${cli_data}/broken.json vac-report --on 2009-10-26 --json RC 0
  JSON "chain#1" "chain.0.id=top-person" "chain.0.post=post-top" "chain.0.vacant_posts#1"
       "chain.0.vacant_posts.0=post-vacant")
orgraph_cli_test(chain_stops_before_repeating_a_cycle
  ARGS chain ${cli_data}/broken.json cyc-a --on 2009-10-26 --json RC 0
  JSON "chain#2" "chain.0.id=cyc-b" "chain.1.id=cyc-c" "chain.0.post:NULL")

# ---- reports ----
orgraph_cli_test(reports_during_secondment_include_the_interim_report
  ARGS reports ${essex} core-manager-social-work --on 2009-11-02 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/reports_core_social_work_2009-11-02.expected")
orgraph_cli_test(reports_before_secondment_json
  ARGS reports ${essex} core-manager-social-work --on 2009-11-01 --json RC 0
  JSON "id=core-manager-social-work" "on=2009-11-01" "all:BOOLEAN" "reports#1"
       "reports.0.id=practitioner-f" "reports.0.name=Practitioner F" "reports.0.kind=person")
orgraph_cli_test(reports_all_goes_down_through_posts
  ARGS reports ${essex} head-provider-services --all --on 2009-11-01 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/reports_all_head_2009-11-01.expected")
orgraph_cli_test(reports_json_names_post_holders
  ARGS reports ${essex} head-provider-services --on 2009-11-01 --json RC 0
  JSON "reports#5" "reports.0.id=post-tascc-manager-harlow" "reports.0.kind=post"
       "reports.0.holder=tascc-manager-harlow" "reports.4.holder=core-manager-education-welfare")
orgraph_cli_test(reports_of_the_seconded_manager_are_none_during_secondment
  ARGS reports ${essex} tascc-manager-harlow --on 2009-11-02 RC 0
  STDOUT_MATCHES "^tascc-manager-harlow \\(TASCC Manager \\(Harlow\\)\\) has no direct reports on 2009-11-02\n$")

# ---- validate ----
orgraph_cli_test(validate_example_has_warnings_only
  ARGS validate ${essex} --on 2009-11-02 RC 0
  STDOUT_MATCHES "^Validation on 2009-11-02: 0 errors, 1 warning\n"
  STDOUT_NOT_MATCHES "tascc-manager-harlow")
orgraph_cli_test(validate_example_before_secondment_warns_outside_discipline
  ARGS validate ${essex} --on 2009-11-01 --json RC 0
  JSON "on=2009-11-01" "errors#0" "warnings#3" "warnings.0.code=outside_discipline"
       "warnings.0.ids.0=practitioner-b" "warnings.0.ids.1=tascc-manager-harlow")
orgraph_cli_test(validate_broken_file_lists_each_problem
  ARGS validate ${cli_data}/broken.json --on 2009-10-26 RC 1
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/validate_broken_2009-10-26.expected")
orgraph_cli_test(validate_broken_file_json
  ARGS validate ${cli_data}/broken.json --on 2009-10-26 --json RC 1
  JSON "errors#3" "warnings#3"
       "errors.0.code=self_management" "errors.0.ids#1" "errors.0.ids.0=selfie" "errors.0.message:STRING"
       "errors.1.code=ambiguous_manager" "errors.1.ids.0=amb" "errors.1.ids.1=mgr-1" "errors.1.ids.2=mgr-2"
       "errors.2.code=management_cycle" "errors.2.ids#3" "errors.2.ids.0=cyc-a"
       "warnings.0.code=outside_discipline" "warnings.0.ids.1=od-boss"
       "warnings.1.code=no_manager" "warnings.1.ids.0=loner"
       "warnings.2.code=vacant_manager_post" "warnings.2.ids.0=post-vacant" "warnings.2.ids.1=vac-report")

# ---- bad input and bad usage: exit 2, one line on stderr ----
orgraph_cli_test(malformed_json_names_file_line_and_column
  ARGS validate ${cli_data}/malformed.json RC 2
  STDERR_LINE "orgraph: ${cli_data}/malformed.json:3:16: malformed JSON: syntax error")
orgraph_cli_test(dangling_reference_names_the_id
  ARGS chain ${cli_data}/dangling.json worker RC 2
  STDERR_LINE "orgraph: ${cli_data}/dangling.json: relations[0].from: unknown id 'ghost-manager'")
orgraph_cli_test(missing_file_is_named
  ARGS validate ${cli_data}/no-such-file.json RC 2
  STDERR_LINE "orgraph: ${cli_data}/no-such-file.json: cannot open for reading")
orgraph_cli_test(unknown_id_is_named
  ARGS chain ${essex} nobody --on 2009-11-01 RC 2
  STDERR_LINE "orgraph: ${essex}: unknown id 'nobody'")
orgraph_cli_test(reports_of_an_organization_is_bad_input
  ARGS reports ${essex} tascc-harlow RC 2
  STDERR_LINE "orgraph: ${essex}: 'tascc-harlow' is an organization: reports needs a person or a post")
orgraph_cli_test(impossible_on_date_is_bad_usage
  ARGS chain ${essex} practitioner-a --on 2009-02-30 RC 2
  STDERR_MATCHES "^orgraph: chain: --on: [^\n]*2009-02-30[^\n]*\\(usage: orgraph chain FILE ID")
orgraph_cli_test(partial_on_date_is_bad_usage
  ARGS chain ${essex} practitioner-a --on 2009-11 RC 2 STDERR_MATCHES "^orgraph: chain: --on: ")
orgraph_cli_test(on_without_a_value_is_bad_usage
  ARGS chain ${essex} practitioner-a --on RC 2
  STDERR_LINE "orgraph: chain: --on needs a value (DATE) (usage: orgraph chain FILE ID [--on DATE] [--json])")
orgraph_cli_test(missing_argument_is_named
  ARGS chain ${essex} RC 2
  STDERR_LINE "orgraph: chain: missing ID (usage: orgraph chain FILE ID [--on DATE] [--json])")
orgraph_cli_test(extra_argument_is_named
  ARGS validate ${essex} extra RC 2
  STDERR_LINE "orgraph: validate: unexpected argument 'extra' (usage: orgraph validate FILE [--on DATE] [--json])")
orgraph_cli_test(unknown_option_is_named
  ARGS reports ${essex} practitioner-a --deep RC 2
  STDERR_LINE "orgraph: reports: unknown option '--deep' (usage: orgraph reports FILE ID [--on DATE] [--all] [--json])")
orgraph_cli_test(option_of_another_command_is_refused
  ARGS chain ${essex} practitioner-a --all RC 2 STDERR_MATCHES "^orgraph: chain: unknown option '--all'")
orgraph_cli_test(unknown_command_is_named
  ARGS frobnicate ${essex} RC 2
  STDERR_LINE "orgraph: unknown command 'frobnicate' (run 'orgraph help' for the list)")
orgraph_cli_test(no_command_is_bad_usage RC 2
  STDERR_LINE "orgraph: missing command (run 'orgraph help' for the list)")
