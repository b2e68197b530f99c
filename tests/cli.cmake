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
#
# Tests that write files (convert, generate) use these as well:
#   OUTDIR         a folder emptied before the test; `@OUT@` in any argument or file name stands for it
#   STEPS          how many commands STEP_1, STEP_2, ... to run first (arguments "|"-separated); each
#                  must exit 0 with nothing on stderr. ARGS may then be empty: no final command.
#   SAME_FILES     "a|b": the two files must be byte for byte the same after everything has run
#   DIFFERENT_FILES "a|b": the two files must differ
#   FILE, FILE_REGEX  that file must exist and a line of it match the regex
#   REQUIRES       a file the test needs (data outside the repository): absent, the test is skipped

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.23)
  if(DEFINED REQUIRES AND NOT EXISTS "${REQUIRES}")
    message("SKIPPED: ${REQUIRES} is absent")
    return()
  endif()
  if(DEFINED OUTDIR)
    file(REMOVE_RECURSE "${OUTDIR}")
    file(MAKE_DIRECTORY "${OUTDIR}")
    foreach(var ARGS SAME_FILES DIFFERENT_FILES FILE)
      if(DEFINED ${var})
        string(REPLACE "@OUT@" "${OUTDIR}" ${var} "${${var}}")
      endif()
    endforeach()
  endif()
  if(DEFINED STEPS)
    foreach(i RANGE 1 ${STEPS})
      string(REPLACE "@OUT@" "${OUTDIR}" step "${STEP_${i}}")
      string(REPLACE "|" ";" step_args "${step}")
      execute_process(COMMAND "${CLI}" ${step_args} WORKING_DIRECTORY "${WORKDIR}"
        OUTPUT_VARIABLE step_out ERROR_VARIABLE step_err RESULT_VARIABLE step_rc)
      if(NOT step_rc STREQUAL "0" OR NOT step_err STREQUAL "")
        message(FATAL_ERROR "step ${i} failed: orgraph ${step}\n--- exit code: ${step_rc}\n--- stdout:\n${step_out}--- stderr:\n${step_err}")
      endif()
    endforeach()
  endif()
  if(DEFINED STEPS AND "${ARGS}" STREQUAL "")
    set(rc "${RC}")
    set(out "")
    set(err "")
  else()
    string(REPLACE "|" ";" args "${ARGS}")
    execute_process(COMMAND "${CLI}" ${args} WORKING_DIRECTORY "${WORKDIR}"
      OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  endif()
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

  foreach(var SAME_FILES DIFFERENT_FILES)
    if(DEFINED ${var})
      string(REPLACE "|" ";" pair "${${var}}")
      list(GET pair 0 a)
      list(GET pair 1 b)
      foreach(f IN ITEMS "${a}" "${b}")
        if(NOT EXISTS "${WORKDIR}/${f}" AND NOT EXISTS "${f}")
          message(FATAL_ERROR "${var}: ${f} was not written\n${shown}")
        endif()
      endforeach()
      execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}" "${b}" WORKING_DIRECTORY "${WORKDIR}"
        RESULT_VARIABLE differ OUTPUT_QUIET ERROR_QUIET)
      if(var STREQUAL "SAME_FILES" AND NOT differ EQUAL 0)
        message(FATAL_ERROR "${a} and ${b} differ but must be the same\n${shown}")
      elseif(var STREQUAL "DIFFERENT_FILES" AND differ EQUAL 0)
        message(FATAL_ERROR "${a} and ${b} are the same but must differ\n${shown}")
      endif()
    endif()
  endforeach()
  if(DEFINED FILE)
    if(NOT EXISTS "${FILE}")
      message(FATAL_ERROR "${FILE} was not written\n${shown}")
    endif()
    file(STRINGS "${FILE}" matching REGEX "${FILE_REGEX}") # line by line, binary archives too
    if(NOT matching)
      message(FATAL_ERROR "no line of ${FILE} matches '${FILE_REGEX}'\n${shown}")
    endif()
  endif()
  return()
endif()

if(NOT TARGET orgraph_cli)
  return()
endif()

set(orgraph_cli_driver "${CMAKE_CURRENT_LIST_FILE}")
set(essex "examples/essex_2009/essex_2009.json")
set(west_before "examples/west_essex_2011/before.json")
set(west "examples/west_essex_2011/proposal.json")
set(cli_data "tests/data/cli")

# orgraph_cli_test(<name> ARGS <args...> RC <code> [<driver variable> <value>]...
#                  [STEPS "<command args separated by spaces>"...])
# A test that names STEPS, SAME_FILES, DIFFERENT_FILES or FILE gets its own OUTDIR (`@OUT@`).
function(orgraph_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
    "RC;STDOUT_FILE;STDOUT_MATCHES;STDOUT_NOT_MATCHES;STDERR_LINE;STDERR_MATCHES;SAME_FILES;DIFFERENT_FILES;FILE;FILE_REGEX;REQUIRES"
    "ARGS;JSON;STEPS")
  if(NOT DEFINED arg_RC)
    set(arg_RC 0)
  endif()
  set(defines "-DCLI=$<TARGET_FILE:orgraph_cli>" "-DWORKDIR=${PROJECT_SOURCE_DIR}" "-DRC=${arg_RC}"
              "-DOUTDIR=${CMAKE_CURRENT_BINARY_DIR}/cli-out/${name}")
  string(REPLACE ";" "|" joined "${arg_ARGS}")
  list(APPEND defines "-DARGS=${joined}")
  if(arg_JSON)
    string(REPLACE ";" "|" joined "${arg_JSON}")
    list(APPEND defines "-DJSON=${joined}")
  endif()
  if(arg_STEPS)
    set(i 0)
    foreach(step IN LISTS arg_STEPS)
      math(EXPR i "${i} + 1")
      string(REPLACE " " "|" step "${step}")
      list(APPEND defines "-DSTEP_${i}=${step}")
    endforeach()
    list(APPEND defines "-DSTEPS=${i}")
  endif()
  foreach(var STDOUT_FILE STDOUT_MATCHES STDOUT_NOT_MATCHES STDERR_LINE STDERR_MATCHES SAME_FILES DIFFERENT_FILES
              FILE FILE_REGEX REQUIRES)
    if(DEFINED arg_${var})
      list(APPEND defines "-D${var}=${arg_${var}}")
    endif()
  endforeach()
  add_test(NAME cli.${name} COMMAND "${CMAKE_COMMAND}" ${defines} -P "${orgraph_cli_driver}")
  set_tests_properties(cli.${name} PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED: ")
endfunction()

# ---- help and version ----
orgraph_cli_test(help_lists_every_command ARGS help RC 0
  STDOUT_MATCHES "\n  validate +[^\n]+\n  chain +[^\n]+\n  reports +[^\n]+\n  supervisor +[^\n]+\n  common-manager +[^\n]+\n  members +[^\n]+\n  bodies +[^\n]+\n  history +[^\n]+\n  timeline +[^\n]+\n  reporting-line +[^\n]+\n  sub-bodies +[^\n]+\n  lineage +[^\n]+\n  expiring +[^\n]+\n  interlocks +[^\n]+\n  route +[^\n]+\n  decisions-by +[^\n]+\n  covering +[^\n]+\n  gaps +[^\n]+\n  influence +[^\n]+\n  reach +[^\n]+\n  links +[^\n]+\n  diff +[^\n]+\n  dot +[^\n]+\n  convert +[^\n]+\n  stats +[^\n]+\n  find +[^\n]+\n  generate +[^\n]+\n\n")
orgraph_cli_test(help_flag_lists_every_command ARGS --help RC 0 STDOUT_MATCHES "\n  chain +the management chain")
orgraph_cli_test(help_shows_an_optional_argument_and_a_repeatable_option ARGS help diff RC 0
  STDOUT_MATCHES "^Usage: orgraph diff FILE_A \\[FILE_B\\] \\[--on DATE\\] \\[--vs DATE\\] \\[--pair A:B\\]\\.\\.\\. \\[--json\\] \\[--csv\\]\n")
orgraph_cli_test(help_for_a_command_shows_its_usage ARGS help chain RC 0
  STDOUT_MATCHES "^Usage: orgraph chain FILE ID \\[--on DATE\\] \\[--json\\] \\[--csv\\]\n")
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

# ---- governance: the 2009 letter (examples/essex_2009) ----
orgraph_cli_test(route_to_the_cabinet_of_8_december_2009
  ARGS route ${essex} d-cabinet-2009-12-08 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/route_cabinet_2009-12-08.expected")
orgraph_cli_test(route_from_any_business_design_group_is_the_same_route
  ARGS route ${essex} d-bdg-3 --json RC 0
  JSON "id=d-bdg-3" "route#6" "route.0.id=d-bdg-1" "route.3.id=d-bdg-4" "route.4.id=d-county-bdg"
       "route.4.to=ecc-cabinet" "route.5.id=d-cabinet-2009-12-08" "route.5.body=ecc-cabinet"
       "route.5.date=2009-12-08" "route.5.outcome=decided" "route.5.follows=d-county-bdg" "route.0.follows:NULL"
       "final_decision=d-cabinet-2009-12-08" "open:BOOLEAN" "awaiting:NULL")
orgraph_cli_test(route_of_the_locality_review_awaits_the_cabinet
  ARGS route ${essex} d-ctb-locality-review --json RC 0
  JSON "route#1" "route.0.body=childrens-trust-board" "route.0.date=2009-10-02" "route.0.outcome=recommended"
       "final_decision:NULL" "awaiting=ecc-cabinet")
orgraph_cli_test(route_of_the_locality_review_table_says_open
  ARGS route ${essex} d-ctb-locality-review RC 0
  STDOUT_MATCHES "\nOpen: awaiting a decision by ecc-cabinet \\(Cabinet\\)\n$")
orgraph_cli_test(route_of_the_board_approval_is_one_real_decision
  ARGS route ${essex} d-ctb-governance --json RC 0
  JSON "route#1" "route.0.outcome=approved" "final_decision=d-ctb-governance" "awaiting:NULL")
orgraph_cli_test(covering_basildon_has_its_tascc_and_the_maag_pilot
  ARGS covering ${essex} district-basildon --on 2009-10-26 --json RC 0
  JSON "id=district-basildon" "on=2009-10-26" "classification:NULL" "units#2"
       "units.0.id=tascc-basildon" "units.0.classification=TASCC" "units.0.status:NULL"
       "units.1.id=maag-basildon" "units.1.area=district-basildon" "units.1.status=pilot" "units.1.resolved_from:NULL")
orgraph_cli_test(covering_with_a_classification_is_case_insensitive
  ARGS covering ${essex} district-colchester --on 2009-10-26 --classification maag RC 0
  STDOUT_MATCHES "^Bodies covering district-colchester \\(Colchester\\) on 2009-10-26, classification maag\nID +NAME +CLASSIFICATION +AREA +STATUS +RESOLVED FROM\nmaag-colchester +Colchester Multi Agency Allocation Group +MAAG +district-colchester +pilot +-\n$")
orgraph_cli_test(covering_braintree_has_no_maag
  ARGS covering ${essex} district-braintree --on 2009-10-26 --classification MAAG RC 0
  STDOUT_MATCHES "^No body of classification MAAG covers district-braintree \\(Braintree\\) on 2009-10-26\n$")
orgraph_cli_test(gaps_maag_are_the_ten_districts_without_a_pilot
  ARGS gaps ${essex} --classification MAAG --level district --on 2009-10-26 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/gaps_maag_2009-10-26.expected")
orgraph_cli_test(gaps_maag_json
  ARGS gaps ${essex} --classification MAAG --level district --on 2009-10-26 --json RC 0
  JSON "on=2009-10-26" "classification=MAAG" "level=district" "gaps#10" "gaps.0=district-braintree"
       "gaps.5=district-harlow" "gaps.9=district-uttlesford")
orgraph_cli_test(gaps_tascc_none_every_district_keeps_its_tascc
  ARGS gaps ${essex} --classification TASCC --level district --on 2009-10-26 --json RC 0 JSON "gaps#0")
orgraph_cli_test(gaps_tascc_table_says_every_district_is_covered
  ARGS gaps ${essex} --classification TASCC --level district --on 2009-10-26 RC 0
  STDOUT_MATCHES "^Every district is covered by a body of classification TASCC on 2009-10-26\n$")
orgraph_cli_test(members_of_tascc_harlow_include_the_post_holder
  ARGS members ${essex} tascc-harlow --on 2009-11-02 --json RC 0
  JSON "id=tascc-harlow" "resolved_from:NULL" "size=4" "members#4" "members.0.id=practitioner-a"
       "members.0.role=practitioner" "members.0.on_behalf_of:NULL" "members.0.basis=direct"
       "members.3.id=tascc-manager-harlow" "members.3.post=post-tascc-manager-harlow" "members.3.basis=post_of_body")
orgraph_cli_test(bodies_of_the_seconded_manager_during_the_secondment
  ARGS bodies ${essex} tascc-manager-harlow --on 2009-11-02 --json RC 0
  JSON "id=tascc-manager-harlow" "bodies#2" "bodies.0.id=tascc-harlow" "bodies.1.id=county-business-design-group"
       "bodies.1.name=County Business Design Group" "bodies.1.role=Business Design Lead"
       "bodies.1.post=post-business-design-lead")
orgraph_cli_test(bodies_of_the_seconded_manager_the_day_before
  ARGS bodies ${essex} tascc-manager-harlow --on 2009-11-01 --json RC 0 JSON "bodies#1" "bodies.0.id=tascc-harlow")
orgraph_cli_test(reporting_line_of_a_tascc_follows_parents
  ARGS reporting-line ${essex} tascc-harlow --on 2009-10-26 --json RC 0
  JSON "id=tascc-harlow" "line#2" "line.0.id=scf" "line.0.via=parent" "line.1.id=ecc" "line.1.via=parent"
       "line.0.resolved_from:NULL")
orgraph_cli_test(lineage_of_a_body_never_replaced_is_itself
  ARGS lineage ${essex} ecc-cabinet --on 2009-12-08 --json RC 0
  JSON "lineage#1" "lineage.0=ecc-cabinet" "in_force=ecc-cabinet")

# ---- governance: the 2011 West Essex review (examples/west_essex_2011) ----
orgraph_cli_test(members_of_the_renamed_board_answer_for_its_successor
  ARGS members ${west} west-essex-ctb --on 2011-04-14 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/members_west_essex_ctb_2011-04-14.expected")
orgraph_cli_test(members_of_the_renamed_board_json_says_resolved_from
  ARGS members ${west} west-essex-ctb --on 2011-04-14 --json RC 0
  JSON "id=west-essex-ccdb" "resolved_from=west-essex-ctb" "on=2011-04-14" "size=10" "members#10"
       "members.0.id=p-west-chair" "members.0.role=Chair" "members.1.id=p-wagland"
       "members.1.name=Councillor Lesley Wagland" "members.1.role=Council Representative" "members.1.on_behalf_of=ecc"
       "members.9.id=p-chair-uttlesford" "members.9.on_behalf_of=dcp-uttlesford" "members.9.recorded_on:NULL")
orgraph_cli_test(members_of_the_old_board_the_day_before_the_renaming
  ARGS members ${west} west-essex-ctb --on 2011-04-13 --json RC 0
  JSON "id=west-essex-ctb" "resolved_from:NULL" "size=27" "members#27" "members.26.id=p-provider-harlow")
orgraph_cli_test(members_of_the_old_board_table_has_no_resolution_line_before_the_renaming
  ARGS members ${west} west-essex-ctb --on 2011-04-13 RC 0
  STDOUT_MATCHES "^Members of west-essex-ctb \\(West Essex Children's Trust Board\\) on 2011-04-13: 27 persons\n"
  STDOUT_NOT_MATCHES "has been replaced")
orgraph_cli_test(members_of_the_board_in_the_current_structure
  ARGS members ${west_before} west-essex-ctb --on 2011-04-14 --json RC 0 JSON "resolved_from:NULL" "size=27")
orgraph_cli_test(members_of_the_business_management_group
  ARGS members ${west} business-management-group --on 2011-04-14 --json RC 0
  JSON "size=4" "members.0.id=p-west-chair" "members.1.id=p-chair-epping" "members.2.id=p-chair-harlow"
       "members.3.id=p-chair-uttlesford")
orgraph_cli_test(members_of_the_task_and_finish_group_after_its_dissolution
  ARGS members ${west} task-and-finish-stakeholder-event --on 2011-10-01 RC 0
  STDOUT_MATCHES "^task-and-finish-stakeholder-event \\(Task and Finish Group: Stakeholder Event\\) has no members on 2011-10-01\n$")
orgraph_cli_test(bodies_of_councillor_wagland_during_the_review
  ARGS bodies ${west_before} p-wagland --on 2011-01-20 --json RC 0
  JSON "id=p-wagland" "bodies#2" "bodies.0.id=west-essex-ctb" "bodies.0.role=Council Representative"
       "bodies.0.on_behalf_of=ecc" "bodies.1.id=review-subgroup" "bodies.1.resolved_from:NULL")
# Issue 11: the review subgroup (2010-11-01 to 2011-01-31, four members in December 2010) answers
# nothing outside its lifetime: no members after it, no reporting line before it, no seat for its members.
orgraph_cli_test(members_of_the_review_subgroup_a_year_after_its_dissolution
  ARGS members ${west_before} review-subgroup --on 2012-01-01 --json RC 0
  JSON "size=0" "members#0")
orgraph_cli_test(reporting_line_of_the_review_subgroup_before_its_founding
  ARGS reporting-line ${west_before} review-subgroup --on 2010-01-01 --json RC 0
  JSON "line#0")
orgraph_cli_test(bodies_of_councillor_wagland_after_the_subgroup_ended
  ARGS bodies ${west_before} p-wagland --on 2011-02-01 --json RC 0
  JSON "bodies#1" "bodies.0.id=west-essex-ctb")
orgraph_cli_test(bodies_of_councillor_wagland_after_the_renaming
  ARGS bodies ${west} p-wagland --on 2011-04-14 RC 0
  STDOUT_MATCHES "^Bodies of p-wagland \\(Councillor Lesley Wagland\\) on 2011-04-14\nID +NAME +ROLE +ON BEHALF OF +POST +RESOLVED FROM\nwest-essex-ccdb +West Essex Children's Commissioning and Delivery Board +Council Representative +ecc +- +-\n$")
orgraph_cli_test(reporting_line_of_harlow_the_day_before_the_renaming
  ARGS reporting-line ${west} dcp-harlow --on 2011-04-13 --json RC 0
  JSON "id=dcp-harlow" "line#2" "line.0.id=west-essex-ctb" "line.0.via=reports_to" "line.1.id=essex-ctb")
orgraph_cli_test(reporting_line_of_harlow_on_the_day_of_the_renaming
  ARGS reporting-line ${west} dcp-harlow --on 2011-04-14 RC 0
  STDOUT_MATCHES "\n1  west-essex-ccdb  West Essex Children's Commissioning and Delivery Board  reports_to  -\n2  essex-ctb +Essex Children's Trust Board +reports_to +-\n$")
orgraph_cli_test(reporting_line_of_the_renamed_board_says_so
  ARGS reporting-line ${west} west-essex-ctb --on 2011-04-14 --json RC 0
  JSON "id=west-essex-ccdb" "resolved_from=west-essex-ctb" "line#1" "line.0.id=essex-ctb")
orgraph_cli_test(route_of_the_review_before_the_meeting_is_open
  ARGS route ${west_before} d-review-subgroup --json RC 0
  JSON "route#1" "route.0.body=review-subgroup" "route.0.to=west-essex-ctb" "final_decision:NULL"
       "awaiting=west-essex-ctb")
orgraph_cli_test(route_of_the_review_ends_with_the_board_decision_of_14_april
  ARGS route ${west} d-review-subgroup --json RC 0
  JSON "route#2" "route.1.id=d-west-ccdb-review" "route.1.body=west-essex-ccdb" "route.1.date=2011-04-14"
       "route.1.outcome=approved" "route.1.follows=d-review-subgroup" "final_decision=d-west-ccdb-review" "awaiting:NULL")
orgraph_cli_test(lineage_of_the_board_oldest_first
  ARGS lineage ${west} west-essex-ccdb --on 2011-04-13 --json RC 0
  JSON "id=west-essex-ccdb" "lineage#2" "lineage.0=west-essex-ctb" "lineage.1=west-essex-ccdb" "in_force=west-essex-ctb")
orgraph_cli_test(lineage_table_gives_the_renaming_date
  ARGS lineage ${west} west-essex-ctb --on 2011-04-14 RC 0
  STDOUT_MATCHES "\n1  west-essex-ctb  +West Essex Children's Trust Board +2008-04-01  2011-04-14  +no\n2  west-essex-ccdb  West Essex Children's Commissioning and Delivery Board  2011-04-14  -  +yes\n$")
orgraph_cli_test(covering_harlow_reads_the_old_boards_relation_as_its_successors
  ARGS covering ${west} district-harlow --on 2011-04-14 --json RC 0
  JSON "units#3" "units.0.id=dcp-harlow" "units.0.area=district-harlow" "units.1.id=west-essex-ccdb"
       "units.1.area=west-essex" "units.1.resolved_from=west-essex-ctb" "units.2.id=essex-ctb" "units.2.area=essex")
orgraph_cli_test(gaps_every_district_has_its_partnership
  ARGS gaps ${west} --classification partnership --level district --on 2011-04-14 --json RC 0 JSON "gaps#0")

# ---- governance: relations still naming a replaced body (tests/data/cli/renamed.json) ----
orgraph_cli_test(members_recorded_on_the_old_body_count_for_the_successor
  ARGS members ${cli_data}/renamed.json old-board --on 2011-04-14 RC 0
  STDOUT_MATCHES "^old-board has been replaced: answering for its successor on 2011-04-14, new-board \\(New Board\\)\nMembers of new-board \\(New Board\\) on 2011-04-14: 2 persons\n[^\n]+\np-chair +Board Chair +Chair +- +- +direct, recorded on old-board\n")
orgraph_cli_test(members_resolve_through_two_renamings
  ARGS members ${cli_data}/renamed.json old-board --on 2012-01-01 --json RC 0
  JSON "id=newest-board" "resolved_from=old-board" "members.1.id=p-link" "members.1.on_behalf_of=dcp"
       "members.1.recorded_on=old-board")
orgraph_cli_test(bodies_name_the_successor_and_the_old_body
  ARGS bodies ${cli_data}/renamed.json p-chair --on 2011-04-14 --json RC 0
  JSON "bodies#2" "bodies.0.id=new-board" "bodies.0.resolved_from=old-board" "bodies.1.id=centre"
       "bodies.1.resolved_from:NULL")
orgraph_cli_test(reporting_line_through_a_relation_to_the_old_body
  ARGS reporting-line ${cli_data}/renamed.json dcp --on 2011-04-14 --json RC 0
  JSON "line.0.id=new-board" "line.0.via=reports_to" "line.0.resolved_from=old-board")
orgraph_cli_test(lineage_from_the_middle_of_the_succession
  ARGS lineage ${cli_data}/renamed.json new-board --on 2012-01-01 --json RC 0
  JSON "lineage#3" "lineage.0=old-board" "lineage.2=newest-board" "in_force=newest-board")

# ---- influence: the 2011 review's question ----
orgraph_cli_test(influence_of_harlow_on_the_central_board_as_proposed
  ARGS influence ${west} --from dcp-harlow --to essex-ctb --on 2011-04-14 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/influence_harlow_essex_ctb_2011-04-14.expected")
orgraph_cli_test(influence_of_harlow_on_the_central_board_before_has_one_channel
  ARGS influence ${west_before} --from dcp-harlow --to essex-ctb --on 2011-04-14 --json RC 0
  JSON "from=dcp-harlow" "to=essex-ctb" "on=2011-04-14" "resolved_from.from:NULL" "resolved_from.to:NULL"
       "distance=2" "paths#3" "paths.0#3" "paths.0.0=dcp-harlow" "paths.0.1=west-essex-ctb" "paths.0.2=essex-ctb"
       "paths.2.1=p-provider-harlow" "independent_channels=1" "channels#1"
       "single_points_of_failure#1" "single_points_of_failure.0=west-essex-ctb")
orgraph_cli_test(influence_of_uttlesford_on_the_central_board_as_proposed_has_two_channels
  ARGS influence ${west} --from dcp-uttlesford --to essex-ctb --on 2011-04-14 --paths 1 --json RC 0
  JSON "distance=2" "paths#1" "independent_channels=2" "channels#2" "channels.1#5" "channels.1.1=p-chair-uttlesford" "channels.0#3"
       "channels.1.2=business-management-group" "channels.1.3=p-west-chair" "single_points_of_failure#0")
orgraph_cli_test(influence_on_the_renamed_board_answers_for_its_successor
  ARGS influence ${west} --from dcp-harlow --to west-essex-ctb --on 2011-04-14 --json RC 0
  JSON "to=west-essex-ccdb" "resolved_from.to=west-essex-ctb" "distance=1" "independent_channels=3"
       "single_points_of_failure#0")
orgraph_cli_test(influence_table_says_the_target_was_resolved
  ARGS influence ${west} --from dcp-harlow --to west-essex-ctb --on 2011-04-14 RC 0
  STDOUT_MATCHES "^west-essex-ctb has been replaced: answering for its successor on 2011-04-14, west-essex-ccdb \\([^\n]+\\)\nInfluence of dcp-harlow [^\n]+\nDistance: 1 step\nIndependent channels: 3\nSingle points of failure: none \\(a direct step\\)\n")
orgraph_cli_test(influence_channel_through_the_task_and_finish_group_ends_with_it
  ARGS influence ${west} --from dcp-harlow --to west-essex-ccdb --on 2011-10-01 --json RC 0
  JSON "distance=1" "independent_channels=2")
orgraph_cli_test(influence_of_uttlesford_before_is_one_direct_channel
  ARGS influence ${west_before} --from dcp-uttlesford --to west-essex-ctb --on 2011-04-14 --json RC 0
  JSON "distance=1" "independent_channels=1" "single_points_of_failure#0" "paths.0#2")
orgraph_cli_test(influence_from_a_person
  ARGS influence ${west} --from p-ut-school --to essex-ctb --on 2011-04-14 --json RC 0
  JSON "from=p-ut-school" "distance=3" "independent_channels=1" "single_points_of_failure#1"
       "single_points_of_failure.0=dcp-uttlesford")
orgraph_cli_test(influence_with_no_path
  ARGS influence ${west} --from essex-ctb --to ecc --on 2011-04-14 --json RC 0
  JSON "distance:NULL" "paths#0" "independent_channels=0" "channels#0" "single_points_of_failure#0")
orgraph_cli_test(influence_with_no_path_table
  ARGS influence ${west} --from essex-ctb --to ecc --on 2011-04-14 RC 0
  STDOUT_MATCHES "\nNo influence path: distance none, 0 independent channels, no single point of failure\n$")
orgraph_cli_test(influence_on_behalf_of_a_body
  ARGS influence ${cli_data}/renamed.json --from dcp --to new-board --on 2011-04-14 --json RC 0
  JSON "independent_channels=2" "channels.1.1=p-link")
orgraph_cli_test(reach_of_uttlesford_as_proposed
  ARGS reach ${west} dcp-uttlesford --on 2011-04-14 --json RC 0
  JSON "id=dcp-uttlesford" "resolved_from:NULL" "reach#6" "reach.0.id=west-essex-ccdb" "reach.0.distance=1"
       "reach.1.id=essex-ctb" "reach.1.distance=2" "reach.2.id=business-management-group" "reach.2.distance=2"
       "reach.3.id=dcp-epping-forest" "reach.3.distance=3" "reach.5.id=task-and-finish-stakeholder-event"
       "reach.5.distance=3")
orgraph_cli_test(reach_of_uttlesford_before
  ARGS reach ${west_before} dcp-uttlesford --on 2011-04-14 RC 0
  STDOUT_MATCHES "\nwest-essex-ctb +West Essex Children's Trust Board +1\nessex-ctb +Essex Children's Trust Board +2\ndcp-epping-forest +[^\n]+3\ndcp-harlow +[^\n]+3\n$")
orgraph_cli_test(reach_of_the_renamed_board_says_so
  ARGS reach ${west} west-essex-ctb --on 2011-04-14 --json RC 0
  JSON "id=west-essex-ccdb" "resolved_from=west-essex-ctb" "reach.0.id=essex-ctb" "reach.0.distance=1")
orgraph_cli_test(links_as_proposed
  ARGS links ${west} --on 2011-04-14 RC 0
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/links_west_essex_proposal_2011-04-14.expected")
orgraph_cli_test(links_before_leave_uttlesford_unlinked
  ARGS links ${west_before} --on 2011-04-14 --json RC 0
  JSON "on=2011-04-14" "links#4" "links.0.body=west-essex-ctb" "links.0.above=essex-ctb" "links.0.via=reports_to"
       "links.0.level=single_linked" "links.0.linking.0=p-west-chair" "links.2.linking.0=p-provider-harlow"
       "links.3.body=dcp-uttlesford" "links.3.level=unlinked" "links.3.linking#0")
orgraph_cli_test(links_during_the_review_the_subgroup_is_double_linked
  ARGS links ${west_before} --on 2011-01-20 --json RC 0
  JSON "links#5" "links.4.body=review-subgroup" "links.4.via=parent" "links.4.level=double_linked" "links.4.linking#4")
orgraph_cli_test(links_essex_2009_follow_parents
  ARGS links ${essex} --on 2009-11-02 --json RC 0
  JSON "links.0.body=ecc-cabinet" "links.0.above=ecc" "links.0.via=parent" "links.0.level=unlinked")

# ---- diff: a proposal against the current structure, or one file on two dates ----
orgraph_cli_test(diff_before_the_meeting_finds_no_change
  ARGS diff ${west_before} ${west} --on 2011-01-31 RC 0
  STDOUT_MATCHES "^Changes from ${west_before} to ${west} on 2011-01-31\nBodies added: -\nBodies removed: -\nMembership sizes changed \\(15 bodies unchanged\\): none\nMembers joined \\(0\\): none\nMembers left \\(0\\): none\nMembers whose seats changed \\(0\\): none\nLine managers changed \\(0\\): none\n$")
orgraph_cli_test(diff_the_proposal_against_the_current_structure
  ARGS diff ${west_before} ${west} --on 2011-04-14 --pair dcp-uttlesford:essex-ctb --pair dcp-harlow:west-essex-ctb --json RC 0
  JSON "before.file=${west_before}" "before.on=2011-04-14" "after.file=${west}" "after.on=2011-04-14"
       "bodies_added#3" "bodies_added.0=west-essex-ccdb" "bodies_removed#1" "bodies_removed.0=west-essex-ctb"
       "members_added#17" "members_removed#27" "members_removed.0.body=west-essex-ctb"
       "sizes.10.body=west-essex-ctb" "sizes.10.before=27" "sizes.10.after:NULL"
       "sizes.14.body=west-essex-ccdb" "sizes.14.before:NULL" "sizes.14.after=10" "managers_changed#0" "pairs#2"
       "pairs.0.from=dcp-uttlesford" "pairs.0.before.found:BOOLEAN" "pairs.0.before.distance=2"
       "pairs.0.before.channels=1" "pairs.0.before.single_points_of_failure.0=west-essex-ctb"
       "pairs.0.after.distance=2" "pairs.0.after.channels=2" "pairs.0.after.single_points_of_failure#0"
       "pairs.1.before.channels=2" "pairs.1.after.channels=3")
orgraph_cli_test(diff_table_shows_sizes_and_influence
  ARGS diff ${west_before} ${west} --on 2011-04-14 --pair dcp-uttlesford:essex-ctb RC 0
  STDOUT_MATCHES "\n  west-essex-ctb +27 +-\n  west-essex-ccdb +- +10\n[^$]*Influence [^\n]+\n  FROM +TO +DISTANCE +CHANNELS +SINGLE POINTS BEFORE +SINGLE POINTS AFTER\n  dcp-uttlesford +essex-ctb +2 -> 2 +1 -> 2 +west-essex-ctb +-\n$")
orgraph_cli_test(diff_one_file_on_two_dates
  ARGS diff ${west} --on 2011-01-31 --vs 2011-04-14 --pair dcp-uttlesford:essex-ctb --json RC 0
  JSON "before.file=${west}" "before.on=2011-01-31" "after.file=${west}" "after.on=2011-04-14"
       "bodies_removed#2" "bodies_removed.0=west-essex-ctb" "bodies_removed.1=review-subgroup"
       "pairs.0.before.channels=1" "pairs.0.after.channels=2")
orgraph_cli_test(diff_the_2009_secondment_changes_line_managers
  ARGS diff ${essex} --on 2009-11-01 --vs 2009-11-02 --json RC 0
  JSON "bodies_added#0" "managers_changed#4" "managers_changed.0.person=tascc-manager-harlow"
       "managers_changed.0.before=head-provider-services" "managers_changed.0.after=wendi-ogle-welbourn"
       "managers_changed.1.person=practitioner-a" "managers_changed.1.after=core-manager-social-work")

# ---- dot ----
# (no literal brackets in these regexes: an unbalanced "[" would join CMake list elements)
orgraph_cli_test(dot_highlights_the_independent_channels
  ARGS dot ${west} --on 2011-04-14 --from dcp-harlow --to essex-ctb RC 0
  STDOUT_MATCHES "^digraph G {\n[^$]*\n\"dcp-harlow\"->\"west-essex-ccdb\" .label=reports_to, style=bold, color=red[^$]*\n\"p-west-chair\"->\"business-management-group\" .label=Chair, color=red[^$]*\n}\n$"
  STDOUT_NOT_MATCHES "\"p-provider-harlow\"->\"task-and-finish-stakeholder-event\" [^\n]*red")
orgraph_cli_test(dot_with_paths_highlights_the_shortest_path
  ARGS dot ${west} --on 2011-04-14 --from dcp-harlow --to essex-ctb --paths 1 RC 0
  STDOUT_MATCHES "\n\"west-essex-ccdb\"->\"essex-ctb\" .[^\n]*color=red"
  STDOUT_NOT_MATCHES "\"p-west-chair\"->\"business-management-group\" [^\n]*red")
orgraph_cli_test(dot_focus_draws_a_neighbourhood
  ARGS dot ${essex} --on 2009-11-02 --focus practitioner-a RC 0
  STDOUT_MATCHES "^digraph G {\n[^$]*\"core-manager-social-work\"->\"practitioner-a\" \\[label=manages, color=blue\\]"
  STDOUT_NOT_MATCHES "tascc-manager-harlow")

# ---- bad input and bad usage: exit 2, one line on stderr ----
orgraph_cli_test(malformed_json_names_file_line_and_column
  ARGS validate ${cli_data}/malformed.json RC 2
  STDERR_LINE "orgraph: ${cli_data}/malformed.json:3:16: malformed JSON: syntax error")
orgraph_cli_test(dangling_reference_names_the_id
  ARGS chain ${cli_data}/dangling.json worker RC 2
  STDERR_LINE "orgraph: ${cli_data}/dangling.json: relations[0].from: unknown id 'ghost-manager'")
orgraph_cli_test(missing_file_is_named
  ARGS validate ${cli_data}/no-such-file.json RC 2
  STDERR_LINE "orgraph: ${cli_data}/no-such-file.json: cannot open for reading: No such file or directory")
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
  STDERR_LINE "orgraph: chain: --on needs a value (DATE) (usage: orgraph chain FILE ID [--on DATE] [--json] [--csv])")
orgraph_cli_test(missing_argument_is_named
  ARGS chain ${essex} RC 2
  STDERR_LINE "orgraph: chain: missing ID (or --name TEXT) (usage: orgraph chain FILE ID [--on DATE] [--json] [--csv])")
orgraph_cli_test(extra_argument_is_named
  ARGS validate ${essex} extra RC 2
  STDERR_LINE "orgraph: validate: unexpected argument 'extra' (usage: orgraph validate FILE [--on DATE] [--json] [--csv])")
orgraph_cli_test(unknown_option_is_named
  ARGS reports ${essex} practitioner-a --deep RC 2
  STDERR_LINE "orgraph: reports: unknown option '--deep' (usage: orgraph reports FILE ID [--on DATE] [--all] [--tree] [--json] [--csv])")
orgraph_cli_test(option_of_another_command_is_refused
  ARGS chain ${essex} practitioner-a --all RC 2 STDERR_MATCHES "^orgraph: chain: unknown option '--all'")
orgraph_cli_test(unknown_command_is_named
  ARGS frobnicate ${essex} RC 2
  STDERR_LINE "orgraph: unknown command 'frobnicate' (run 'orgraph help' for the list)")
orgraph_cli_test(no_command_is_bad_usage RC 2
  STDERR_LINE "orgraph: missing command (run 'orgraph help' for the list)")
# ---- bad usage and bad input of the governance and influence commands ----
orgraph_cli_test(members_of_a_person_is_bad_input
  ARGS members ${west} p-wagland RC 2
  STDERR_LINE "orgraph: ${west}: 'p-wagland' is a person: members needs a body (an organization)")
orgraph_cli_test(bodies_of_a_body_is_bad_input
  ARGS bodies ${west} dcp-harlow RC 2
  STDERR_LINE "orgraph: ${west}: 'dcp-harlow' is an organization: bodies needs a person")
orgraph_cli_test(covering_an_organization_is_bad_input
  ARGS covering ${essex} tascc-harlow RC 2
  STDERR_LINE "orgraph: ${essex}: 'tascc-harlow' is an organization: covering needs an area")
orgraph_cli_test(unknown_decision_is_named
  ARGS route ${essex} d-nothing RC 2
  STDERR_LINE "orgraph: ${essex}: unknown decision 'd-nothing'")
orgraph_cli_test(route_takes_no_date
  ARGS route ${essex} d-bdg-1 --on 2009-12-08 RC 2
  STDERR_LINE "orgraph: route: unknown option '--on' (usage: orgraph route FILE DECISION [--json] [--csv])")
orgraph_cli_test(gaps_without_a_level_is_bad_usage
  ARGS gaps ${essex} --classification MAAG RC 2
  STDERR_LINE "orgraph: gaps: --level is required: the classification of the areas to check, such as district (usage: orgraph gaps FILE [--on DATE] --classification C --level L [--json] [--csv])")
orgraph_cli_test(gaps_without_a_classification_is_bad_usage_before_reading_the_file
  ARGS gaps ${cli_data}/no-such-file.json --level district RC 2
  STDERR_MATCHES "^orgraph: gaps: --classification is required: ")
orgraph_cli_test(influence_without_to_is_bad_usage
  ARGS influence ${west} --from dcp-harlow RC 2
  STDERR_LINE "orgraph: influence: --to is required: the body influenced (usage: orgraph influence FILE [--on DATE] --from A --to B [--paths K] [--json] [--csv])")
orgraph_cli_test(influence_without_from_and_to_is_bad_usage
  ARGS influence ${west} RC 2 STDERR_MATCHES "^orgraph: influence: --from is required: the person or body that influences \\(usage: ")
orgraph_cli_test(influence_paths_zero_is_bad_usage
  ARGS influence ${west} --from dcp-harlow --to essex-ctb --paths 0 RC 2
  STDERR_MATCHES "^orgraph: influence: --paths: '0' is not a whole number from 1 to 999999 \\(usage: ")
orgraph_cli_test(influence_paths_not_a_number_is_bad_usage
  ARGS influence ${west} --from dcp-harlow --to essex-ctb --paths=two RC 2
  STDERR_MATCHES "^orgraph: influence: --paths: 'two' is not a whole number")
orgraph_cli_test(influence_to_a_person_is_bad_input
  ARGS influence ${west} --from dcp-harlow --to p-wagland RC 2
  STDERR_LINE "orgraph: ${west}: 'p-wagland' is a person: influence needs a body (an organization)")
orgraph_cli_test(influence_from_an_area_is_bad_input
  ARGS influence ${west} --from district-harlow --to essex-ctb RC 2
  STDERR_LINE "orgraph: ${west}: 'district-harlow' is an area: influence needs a person or a body")
orgraph_cli_test(influence_from_a_body_to_its_own_successor_is_bad_input
  ARGS influence ${west} --from west-essex-ctb --to west-essex-ccdb --on 2011-04-14 RC 2
  STDERR_LINE "orgraph: influence: 'west-essex-ccdb' is both the source and the target on 2011-04-14")
orgraph_cli_test(diff_one_file_without_vs_is_bad_usage
  ARGS diff ${west} --on 2011-04-14 RC 2
  STDERR_LINE "orgraph: diff: one file needs --vs DATE to compare --on DATE with (or give two files) (usage: orgraph diff FILE_A [FILE_B] [--on DATE] [--vs DATE] [--pair A:B]... [--json] [--csv])")
orgraph_cli_test(diff_two_files_with_vs_is_bad_usage
  ARGS diff ${west_before} ${west} --vs 2011-04-14 RC 2
  STDERR_MATCHES "^orgraph: diff: --vs compares two dates of one file: give one file, or drop --vs \\(usage: ")
orgraph_cli_test(diff_bad_pair_is_bad_usage
  ARGS diff ${west_before} ${west} --pair dcp-harlow RC 2
  STDERR_MATCHES "^orgraph: diff: --pair: 'dcp-harlow' is not FROM:TO \\(usage: ")
orgraph_cli_test(diff_bad_vs_date_is_bad_usage
  ARGS diff ${west} --vs 2011-02-30 RC 2 STDERR_MATCHES "^orgraph: diff: --vs: [^\n]*2011-02-30")
orgraph_cli_test(diff_without_files_is_bad_usage
  ARGS diff RC 2 STDERR_MATCHES "^orgraph: diff: missing FILE_A \\(usage: orgraph diff FILE_A \\[FILE_B\\] ")
orgraph_cli_test(diff_three_files_is_bad_usage
  ARGS diff ${west} ${west} ${west} RC 2 STDERR_MATCHES "^orgraph: diff: unexpected argument ")
orgraph_cli_test(diff_pair_of_the_wrong_kind_is_bad_input
  ARGS diff ${west_before} ${west} --on 2011-04-14 --pair essex-ctb:p-wagland RC 2
  STDERR_MATCHES "^orgraph: influence: 'p-wagland' is a person")
orgraph_cli_test(dot_from_without_to_is_bad_usage
  ARGS dot ${west} --from dcp-harlow RC 2
  STDERR_MATCHES "^orgraph: dot: --from needs --to ")
orgraph_cli_test(dot_radius_without_focus_is_bad_usage
  ARGS dot ${west} --radius 2 RC 2 STDERR_MATCHES "^orgraph: dot: --radius needs --focus ")
orgraph_cli_test(dot_unknown_focus_is_named
  ARGS dot ${west} --focus nobody RC 2 STDERR_LINE "orgraph: ${west}: unknown id 'nobody'")


# ---- every command reads any format: JSON, CSV (detected or --mapping) and archives ----
set(staff "${cli_data}/staff.csv")
set(orgs "${PROJECT_SOURCE_DIR}/../shared/data/orgs")
orgraph_cli_test(chain_reads_a_binary_archive
  STEPS "convert ${essex} @OUT@/essex.orgraph"
  ARGS chain @OUT@/essex.orgraph practitioner-a --on 2009-11-02
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/chain_practitioner_a_2009-11-02.expected")
orgraph_cli_test(chain_reads_an_archive_by_its_magic_whatever_its_name
  STEPS "convert ${essex} @OUT@/essex.data --to archive-text"
  ARGS chain @OUT@/essex.data practitioner-a --on 2009-11-01
  STDOUT_FILE "${PROJECT_SOURCE_DIR}/${cli_data}/chain_practitioner_a_2009-11-01.expected")
orgraph_cli_test(members_reads_an_xml_archive
  STEPS "convert ${west} @OUT@/west.orgraph.xml"
  ARGS members @OUT@/west.orgraph.xml west-essex-ctb --on 2011-04-14 --json
  JSON "id=west-essex-ccdb" "resolved_from=west-essex-ctb" "size=10")
orgraph_cli_test(chain_reads_csv_with_the_detected_mapping
  ARGS chain ${staff} w4 --on 2014-01-01 --json
  JSON "chain#3" "chain.0.id=w3" "chain.1.id=dir-a" "chain.2.id=ceo" "chain.0.post:NULL")
orgraph_cli_test(chain_reads_csv_before_a_row_starts
  ARGS chain ${staff} w4 --on 2013-12-31 RC 0
  STDOUT_MATCHES "^w4 \\(Worker Four\\) has no line manager on 2013-12-31\n$")
orgraph_cli_test(reports_read_csv_with_a_mapping_file
  ARGS reports ${cli_data}/hr_export.csv dir-b --on 2013-07-01 --mapping ${cli_data}/hr_export.mapping --json
  JSON "reports#1" "reports.0.id=w2" "reports.0.name=Worker Two")
orgraph_cli_test(help_for_a_file_command_lists_mapping
  ARGS help chain RC 0 STDOUT_MATCHES "\n  --mapping FILE +for CSV input: ")

# ---- convert: every pair of formats ----
orgraph_cli_test(convert_round_trip_json_archive_xml_text_json_is_identical
  STEPS "convert ${essex} @OUT@/a.json"
        "convert @OUT@/a.json @OUT@/b.orgraph"
        "convert @OUT@/b.orgraph @OUT@/c.orgraph.xml"
        "convert @OUT@/c.orgraph.xml @OUT@/d.orgraph.txt"
        "convert @OUT@/d.orgraph.txt @OUT@/e.json"
  SAME_FILES "@OUT@/a.json|@OUT@/e.json")
orgraph_cli_test(convert_round_trip_the_other_way_is_identical
  STEPS "convert ${west} @OUT@/a.orgraph.txt"
        "convert @OUT@/a.orgraph.txt @OUT@/b.orgraph.xml"
        "convert @OUT@/b.orgraph.xml @OUT@/c.orgraph"
        "convert @OUT@/c.orgraph @OUT@/d.orgraph.txt"
  SAME_FILES "@OUT@/a.orgraph.txt|@OUT@/d.orgraph.txt")
orgraph_cli_test(convert_json_to_json_keeps_the_model
  STEPS "convert ${essex} @OUT@/a.json" "convert @OUT@/a.json @OUT@/b.json"
  SAME_FILES "@OUT@/a.json|@OUT@/b.json")
orgraph_cli_test(convert_archive_kinds_differ
  STEPS "convert ${essex} @OUT@/a.orgraph" "convert ${essex} @OUT@/a.orgraph.txt"
  DIFFERENT_FILES "@OUT@/a.orgraph|@OUT@/a.orgraph.txt")
orgraph_cli_test(convert_says_what_it_wrote
  ARGS convert ${essex} @OUT@/essex.orgraph.xml RC 0
  STDOUT_MATCHES "^Wrote [^\n]+/essex\\.orgraph\\.xml \\(archive-xml\\): 67 nodes, 56 relations, 8 decisions\n$"
  FILE "@OUT@/essex.orgraph.xml" FILE_REGEX "<!DOCTYPE boost_serialization>")
orgraph_cli_test(convert_csv_to_json
  ARGS convert ${staff} @OUT@/staff.json RC 0
  STDOUT_MATCHES "^Wrote [^\n]+ \\(json\\): 13 nodes, 18 relations, 0 decisions\n$"
  FILE "@OUT@/staff.json" FILE_REGEX "\"id\": *\"w4\"")
orgraph_cli_test(convert_csv_with_a_mapping_gives_the_same_json
  STEPS "convert ${staff} @OUT@/a.json"
        "convert ${cli_data}/hr_export.csv @OUT@/b.json --mapping ${cli_data}/hr_export.mapping"
  SAME_FILES "@OUT@/a.json|@OUT@/b.json")
orgraph_cli_test(convert_csv_to_each_archive_and_back_to_json
  STEPS "convert ${staff} @OUT@/a.json" "convert ${staff} @OUT@/b.orgraph" "convert ${staff} @OUT@/c.orgraph.xml"
        "convert ${staff} @OUT@/d.orgraph.txt" "convert @OUT@/b.orgraph @OUT@/b.json"
        "convert @OUT@/c.orgraph.xml @OUT@/c.json" "convert @OUT@/d.orgraph.txt @OUT@/d.json"
        "convert @OUT@/b.json @OUT@/e.json"
  SAME_FILES "@OUT@/a.json|@OUT@/e.json")
orgraph_cli_test(convert_json_to_dot_on_stdout
  ARGS convert ${essex} - --to dot --on 2009-11-02 RC 0
  STDOUT_MATCHES "^digraph G \\{\ngraph \\[[^\n]*as on 2009-11-02")
orgraph_cli_test(convert_json_to_a_dot_file
  ARGS convert ${essex} @OUT@/essex.dot --on 2009-11-02 RC 0
  FILE "@OUT@/essex.dot" FILE_REGEX "^\"practitioner-a\" \\[label=\"Practitioner A\", shape=ellipse\\]")
orgraph_cli_test(convert_each_archive_and_csv_to_dot
  STEPS "convert ${essex} @OUT@/a.orgraph" "convert @OUT@/a.orgraph @OUT@/a.dot --on 2009-11-02"
        "convert ${essex} @OUT@/b.dot --on 2009-11-02" "convert ${staff} @OUT@/c.gv --on 2014-01-01"
  SAME_FILES "@OUT@/a.dot|@OUT@/b.dot" FILE "@OUT@/c.gv" FILE_REGEX "^w3->w4 \\[label=manages")
orgraph_cli_test(convert_to_json_on_stdout_with_to
  ARGS convert ${staff} - --to json RC 0 JSON "persons#7" "persons.6.id=w4")
orgraph_cli_test(convert_from_forces_the_input_format
  STEPS "convert ${essex} @OUT@/essex.txt --to json"
        "convert @OUT@/essex.txt @OUT@/a.orgraph --from json" "convert ${essex} @OUT@/b.orgraph"
  SAME_FILES "@OUT@/a.orgraph|@OUT@/b.orgraph")
orgraph_cli_test(convert_to_csv_is_bad_usage
  ARGS convert ${essex} @OUT@/x.csv RC 2
  STDERR_MATCHES "^orgraph: convert: orgraph reads CSV but does not write it: choose json, archive, archive-xml, archive-text, dot or graphml \\(usage: orgraph convert IN OUT ")
orgraph_cli_test(convert_to_an_unknown_extension_is_bad_usage
  ARGS convert ${essex} @OUT@/x.txt RC 2
  STDERR_MATCHES "^orgraph: convert: cannot tell the output format of '[^']+/x\\.txt': name it [^\n]+, or give --to \\(usage: ")
orgraph_cli_test(convert_to_stdout_without_to_is_bad_usage
  ARGS convert ${essex} - RC 2 STDERR_MATCHES "^orgraph: convert: writing to stdout \\(-\\) needs --to FORMAT \\(usage: ")
orgraph_cli_test(convert_unknown_format_is_bad_usage
  ARGS convert ${essex} @OUT@/x.json --to yaml RC 2
  STDERR_MATCHES "^orgraph: convert: --to: unknown format 'yaml' \\(json, archive, archive-xml, archive-text, dot or graphml\\) \\(usage: ")
orgraph_cli_test(convert_from_dot_is_bad_usage
  ARGS convert ${essex} @OUT@/x.json --from dot RC 2
  STDERR_MATCHES "^orgraph: convert: --from dot: DOT is an output format only \\(usage: ")
orgraph_cli_test(convert_missing_out_is_bad_usage
  ARGS convert ${essex} RC 2 STDERR_MATCHES "^orgraph: convert: missing OUT \\(usage: ")
orgraph_cli_test(convert_json_as_archive_is_bad_input
  ARGS convert ${essex} @OUT@/x.json --from archive RC 2
  STDERR_LINE "orgraph: ${essex}: not an orgraph archive: it does not start with the ORGRAPH magic")

# ---- stats: the 2009 example, hand-counted (see docs/cli.md) ----
orgraph_cli_test(stats_of_the_essex_example_during_the_secondment
  ARGS stats ${essex} --on 2009-11-02 --json RC 0
  JSON "files#1" "files.0=${essex}" "on=2009-11-02"
       "nodes.total=67" "nodes.person=15" "nodes.post=8" "nodes.organization=27" "nodes.area=17"
       "relations.total=56" "relations.manages=17" "relations.supervises=3" "relations.dotted_line_manages=0"
       "relations.reports_to=0" "relations.recommends_to=6" "relations.covers=14" "relations.replaced_by=0"
       "relations.partners_with=0" "relations.holds=8" "relations.member_of=8" "decisions=8"
       "dates.earliest=2009-10-02" "dates.latest=2010-03-31"
       "deepest_chain.id=practitioner-a" "deepest_chain.levels=2" "deepest_chain.managers=2"
       "deepest_chain.vacant_posts=0"
       "largest_span.id=head-provider-services" "largest_span.reports=5"
       "largest_body.id=tascc-harlow" "largest_body.members=4" "roots=2")
orgraph_cli_test(stats_of_the_essex_example_before_the_secondment_has_one_root
  ARGS stats ${essex} --on 2009-11-01 --json RC 0
  JSON "roots=1" "largest_span.id=head-provider-services" "largest_span.reports=5" "deepest_chain.levels=2"
       "largest_body.id=tascc-harlow" "largest_body.members=4")
orgraph_cli_test(stats_table
  ARGS stats ${essex} --on 2009-11-02 RC 0
  STDOUT_MATCHES "^Statistics of ${essex} on 2009-11-02\nNodes: 67\n  person        15\n  post          8\n  organization  27\n  area          17\nRelations: 56\n  manages              17\n.*\nDecisions: 8\nDates: 2009-10-02 to 2010-03-31\nDeepest management chain: 2 levels above practitioner-a \\(Practitioner A\\): 2 managers, 0 vacant posts\nLargest span of control: 5 direct reports, head-provider-services \\(Head of Provider Services\\)\nLargest body: 4 members, tascc-harlow \\(TASCC Harlow\\)\nRoots: 2 \\(persons or vacant posts with no line manager who manage someone\\)\n$")
orgraph_cli_test(stats_of_the_west_essex_proposal_has_no_line_management
  ARGS stats ${west} --on 2011-04-14 --json RC 0
  JSON "nodes.person=41" "relations.member_of=66" "relations.replaced_by=1" "decisions=5"
       "dates.earliest=2008-04-01" "dates.latest=2011-09-30" "deepest_chain:NULL" "largest_span:NULL"
       "largest_body.id=west-essex-ccdb" "largest_body.members=10" "roots=0")

# ---- stats: a small CSV (tests/data/cli/staff.csv), hand-counted ----
# 7 persons, a post for each of the 3 with a job title, 3 teams; 7 manages (one a row), 8 member_of,
# 3 holds. On 2013-06-30 dir-a manages w1, w2, w3; w2 moves to dir-b on 2013-07-01 and w4 starts
# under w3 on 2014-01-01.
orgraph_cli_test(stats_of_a_csv_before_the_move
  ARGS stats ${staff} --on 2013-06-30 --json RC 0
  JSON "nodes.total=13" "nodes.person=7" "nodes.post=3" "nodes.organization=3" "nodes.area=0"
       "relations.total=18" "relations.manages=7" "relations.holds=3" "relations.member_of=8" "decisions=0"
       "dates.earliest=2010-01-01" "dates.latest=2014-01-01"
       "deepest_chain.id=w1" "deepest_chain.levels=2" "largest_span.id=dir-a" "largest_span.reports=3"
       "largest_body.id=dir-a-team" "largest_body.members=4" "roots=1")
orgraph_cli_test(stats_of_a_csv_after_the_new_starter
  ARGS stats ${staff} --on 2014-01-01 --json RC 0
  JSON "deepest_chain.id=w4" "deepest_chain.name=Worker Four" "deepest_chain.levels=3" "deepest_chain.managers=3"
       "largest_span.id=ceo" "largest_span.reports=2" "largest_body.id=dir-a-team" "largest_body.members=4"
       "roots=1")
orgraph_cli_test(stats_of_a_csv_with_a_mapping_file
  ARGS stats ${cli_data}/hr_export.csv --mapping ${cli_data}/hr_export.mapping --on 2014-01-01 --json RC 0
  JSON "nodes.total=13" "relations.total=18" "deepest_chain.id=w4" "deepest_chain.levels=3" "roots=1"
       "dates.earliest=2010-01-01")
orgraph_cli_test(stats_of_an_archive_equals_stats_of_its_json
  STEPS "convert ${essex} @OUT@/essex.orgraph"
  ARGS stats @OUT@/essex.orgraph --on 2009-11-02 --json RC 0
  JSON "nodes.total=67" "relations.total=56" "decisions=8" "roots=2" "largest_body.members=4")

# ---- stats: the Department of Health organogram (../shared/data/orgs, when present) ----
# docs/persistence.md: 313 rows in 29 units; one is Eliminated (no post), so 312 posts; 304 holders (87
# named, 217 not disclosed: N/D is a filled post); one root, 7 posts deep (6 above the deepest); with the
# junior file 1,434 posts, 8 deep.
orgraph_cli_test(stats_of_the_dh_senior_organogram_with_the_detected_mapping
  REQUIRES "${orgs}/organogram_dh_2011-09-30_senior.csv"
  ARGS stats ${orgs}/organogram_dh_2011-09-30_senior.csv --on 2011-09-30 --json RC 0
  JSON "nodes.post=312" "nodes.person=304" "nodes.organization=29" "relations.manages=311" "relations.holds=304"
       "dates.earliest:NULL" "deepest_chain.levels=6" "roots=1")
orgraph_cli_test(stats_of_the_dh_senior_and_junior_organograms
  REQUIRES "${orgs}/organogram_dh_2011-09-30_junior.csv"
  ARGS stats ${orgs}/organogram_dh_2011-09-30_senior.csv --also ${orgs}/organogram_dh_2011-09-30_junior.csv
       --on 2011-09-30 --json RC 0
  JSON "files#2" "nodes.post=1434" "deepest_chain.levels=7" "roots=1")

# ---- stats and loading: bad input ----
orgraph_cli_test(stats_of_a_csv_with_an_unknown_header_asks_for_a_mapping
  ARGS stats ${cli_data}/hr_export.csv RC 2
  STDERR_LINE "orgraph: ${cli_data}/hr_export.csv:1: the header row is neither orgraph's (person_id, ...) nor a UK organogram's: give a mapping (--mapping FILE)")
orgraph_cli_test(stats_with_a_bad_mapping_file_names_the_line
  ARGS stats ${cli_data}/hr_export.csv --mapping ${cli_data}/bad.mapping RC 2
  STDERR_LINE "orgraph: ${cli_data}/bad.mapping:3: unknown key 'colour'")
orgraph_cli_test(stats_with_a_missing_mapping_file
  ARGS stats ${staff} --mapping no-such.mapping RC 2 STDERR_LINE "orgraph: no-such.mapping: cannot open for reading: No such file or directory")
orgraph_cli_test(stats_of_a_file_that_is_not_an_archive
  ARGS stats ${cli_data}/not_an_archive.orgraph RC 2
  STDERR_LINE "orgraph: ${cli_data}/not_an_archive.orgraph: not an orgraph archive: it does not start with the ORGRAPH magic")
orgraph_cli_test(stats_of_a_missing_csv
  ARGS stats no-such-file.csv RC 2 STDERR_LINE "orgraph: no-such-file.csv: cannot open for reading: No such file or directory")
orgraph_cli_test(stats_of_a_file_of_unknown_format
  ARGS stats ${cli_data}/chain_practitioner_a_2009-11-01.expected RC 2
  STDERR_MATCHES "^orgraph: ${cli_data}/chain_practitioner_a_2009-11-01\\.expected: cannot tell the format: ")
orgraph_cli_test(stats_of_a_malformed_json_file
  ARGS stats ${cli_data}/malformed.json RC 2 STDERR_MATCHES "^orgraph: ${cli_data}/malformed\\.json:3:16: malformed JSON")
# --also adds to a file of any format, but only a format that can add to a model (CSV) may follow it;
# a JSON file after it is refused before anything is read.
orgraph_cli_test(stats_also_adds_csv_to_json
  ARGS stats ${essex} --also ${staff} --on 2014-01-01 --json RC 0
  JSON "files#2" "files.1=${staff}" "nodes.total=80" "nodes.person=22" "relations.total=74")
orgraph_cli_test(stats_also_with_a_json_file_is_bad_input
  ARGS stats ${staff} --also ${cli_data}/malformed.json RC 2
  STDERR_LINE "orgraph: ${cli_data}/malformed.json: a json file is read alone: it cannot be added to the model of ${staff} (CSV files can)")
orgraph_cli_test(stats_bad_date_is_bad_usage
  ARGS stats ${essex} --on 2009-13-01 RC 2 STDERR_MATCHES "^orgraph: stats: --on: ")
orgraph_cli_test(stats_takes_no_from
  ARGS stats ${essex} --from json RC 2 STDERR_MATCHES "^orgraph: stats: unknown option '--from'")

# ---- generate: deterministic for a seed ----
orgraph_cli_test(generate_twice_with_a_seed_gives_the_same_file
  STEPS "generate --persons 300 --seed 42 @OUT@/a.orgraph" "generate @OUT@/b.orgraph --seed 42 --persons 300"
  SAME_FILES "@OUT@/a.orgraph|@OUT@/b.orgraph")
orgraph_cli_test(generate_json_twice_with_a_seed_gives_the_same_file
  STEPS "generate --persons 120 --seed 7 @OUT@/a.json" "generate --persons 120 --seed 7 @OUT@/b.json"
  SAME_FILES "@OUT@/a.json|@OUT@/b.json")
orgraph_cli_test(generate_with_another_seed_gives_another_file
  STEPS "generate --persons 300 --seed 42 @OUT@/a.json" "generate --persons 300 --seed 43 @OUT@/b.json"
  DIFFERENT_FILES "@OUT@/a.json|@OUT@/b.json")
orgraph_cli_test(generate_says_what_it_wrote
  ARGS generate --persons 50 @OUT@/g.orgraph.xml RC 0
  STDOUT_MATCHES "^Wrote [^\n]+/g\\.orgraph\\.xml \\(archive-xml\\): 50 persons, seed 1, [0-9]+ nodes, [0-9]+ relations, [0-9]+ decisions\n$")
orgraph_cli_test(generate_has_exactly_the_persons_asked_for
  STEPS "generate --persons 250 --seed 3 @OUT@/g.orgraph"
  ARGS stats @OUT@/g.orgraph --on 2020-01-01 --json RC 0
  JSON "nodes.person=250" "roots=1")
orgraph_cli_test(generate_to_dot_on_stdout
  ARGS generate --persons 20 - --to dot --on 2020-01-01 RC 0 STDOUT_MATCHES "^digraph G \\{\n")
orgraph_cli_test(generate_without_persons_is_bad_usage
  ARGS generate @OUT@/g.json RC 2
  STDERR_MATCHES "^orgraph: generate: --persons is required: how many persons \\(usage: orgraph generate OUT --persons N ")
orgraph_cli_test(generate_zero_persons_is_bad_usage
  ARGS generate --persons 0 @OUT@/g.json RC 2 STDERR_MATCHES "^orgraph: generate: --persons: '0' is not a whole number ")
orgraph_cli_test(generate_bad_seed_is_bad_usage
  ARGS generate --persons 5 --seed 18446744073709551616 @OUT@/g.json RC 2
  STDERR_MATCHES "^orgraph: generate: --seed: '18446744073709551616' is not a whole number from 0 to 18446744073709551615 ")
orgraph_cli_test(generate_to_csv_is_bad_usage
  ARGS generate --persons 5 @OUT@/g.csv RC 2 STDERR_MATCHES "^orgraph: generate: orgraph reads CSV but does not write it")
orgraph_cli_test(generate_takes_no_mapping
  ARGS generate --persons 5 @OUT@/g.json --mapping x RC 2 STDERR_MATCHES "^orgraph: generate: unknown option '--mapping'")
