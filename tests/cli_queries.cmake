# CTest tests of the CLI's newer parts, run by tests/cli.cmake's driver (orgraph_cli_test there):
# suggestions, find and --name, the commands for every library query, --csv, GraphML export, the
# note on a historical file, and the options every file command shares.

if(NOT TARGET orgraph_cli OR NOT COMMAND orgraph_cli_test)
  return()
endif()

# ---- did you mean: commands, options, ids, names, decisions, dates and choices ----
orgraph_cli_test(suggests_a_command
  ARGS chian ${essex} RC 2
  STDERR_LINE "orgraph: unknown command 'chian' (did you mean chain?) (run 'orgraph help' for the list)")
orgraph_cli_test(suggests_a_command_to_help
  ARGS help memebrs RC 2
  STDERR_LINE "orgraph: help: unknown command 'memebrs' (did you mean members?) (run 'orgraph help' for the list)")
orgraph_cli_test(suggests_an_option
  ARGS chain ${essex} practitioner-a --jsno RC 2
  STDERR_LINE "orgraph: chain: unknown option '--jsno' (did you mean --json?) (usage: orgraph chain FILE ID [--on DATE] [--json] [--csv])")
orgraph_cli_test(suggests_an_id_one_edit_away
  ARGS chain ${essex} practitioner-aa --on 2009-11-02 RC 2
  STDERR_LINE "orgraph: ${essex}: unknown id 'practitioner-aa' (did you mean practitioner-a?)")
orgraph_cli_test(suggests_an_id_in_another_case
  ARGS reports ${essex} HEAD-Provider-Services RC 2
  STDERR_LINE "orgraph: ${essex}: unknown id 'HEAD-Provider-Services' (did you mean head-provider-services?)")
orgraph_cli_test(suggests_the_id_of_a_name_given_as_an_id
  ARGS chain ${cli_data}/accents.csv "Jürgen Müller" RC 2
  STDERR_LINE "orgraph: ${cli_data}/accents.csv: unknown id 'Jürgen Müller' (did you mean p-jurgen (Jürgen Müller)?)")
orgraph_cli_test(suggests_only_nodes_of_the_kind_asked_for
  ARGS members ${west} dcp-harlw RC 2
  STDERR_LINE "orgraph: ${west}: unknown id 'dcp-harlw' (did you mean dcp-harlow?)")
orgraph_cli_test(suggests_up_to_three_decisions
  ARGS route ${essex} d-bdg-5 RC 2
  STDERR_LINE "orgraph: ${essex}: unknown decision 'd-bdg-5' (did you mean d-bdg-1, d-bdg-2 or d-bdg-3?)")
orgraph_cli_test(suggests_a_date_with_a_missing_zero
  ARGS chain ${essex} practitioner-a --on 2009-11-2 RC 2
  STDERR_LINE "orgraph: chain: --on: '2009-11-2' is not a date YYYY-MM-DD (did you mean 2009-11-02?) (usage: orgraph chain FILE ID [--on DATE] [--json] [--csv])")
orgraph_cli_test(suggests_a_date_written_day_first
  ARGS reach ${west} dcp-harlow --on 14/04/2011 RC 2 STDERR_MATCHES "^orgraph: reach: --on: '14/04/2011' is not a date YYYY-MM-DD \\(did you mean 2011-04-14\\?\\)")
orgraph_cli_test(suggests_the_first_day_of_a_month
  ARGS chain ${essex} practitioner-a --on 2009-11 RC 2 STDERR_MATCHES "\\(did you mean 2009-11-01\\?\\)")
orgraph_cli_test(says_why_a_well_formed_date_is_no_day
  ARGS chain ${essex} practitioner-a --on 2009-02-30 RC 2
  STDERR_MATCHES "^orgraph: chain: --on: invalid date '2009-02-30': that month has no such day \\(usage: ")
orgraph_cli_test(suggests_a_choice
  ARGS find ${essex} harlow --kind bdy RC 2 STDERR_MATCHES "^orgraph: find: --kind: unknown kind 'bdy' \\(did you mean body\\?\\)")
orgraph_cli_test(suggests_nothing_when_nothing_is_near
  ARGS chain ${essex} zzzzzz RC 2 STDERR_LINE "orgraph: ${essex}: unknown id 'zzzzzz'")

# ---- find, and --name wherever an id is asked for ----
orgraph_cli_test(find_ignores_case_and_accents
  ARGS find ${cli_data}/accents.csv MULLER --json
  JSON "text=MULLER" "kind:NULL" "matches#2" "matches.0.id=p-jurgen" "matches.0.name=Jürgen Müller"
       "matches.0.exact:BOOLEAN" "matches.1.id=p-jurgen-2")
orgraph_cli_test(find_lists_whole_matches_first
  ARGS find ${cli_data}/accents.csv "jurgen muller" RC 0
  STDOUT_MATCHES "^Matches for 'jurgen muller' in [^\n]+: 2\nID +NAME +KIND +MATCH\np-jurgen +Jürgen Müller +person +whole\np-jurgen-2 +Jurgen Muller-Smith +person +part\n$")
orgraph_cli_test(find_keeps_to_one_kind
  ARGS find ${essex} harlow --kind body --json
  JSON "kind=body" "matches#1" "matches.0.id=tascc-harlow" "matches.0.kind=organization")
orgraph_cli_test(find_says_when_nothing_matches
  ARGS find ${essex} nothing-like-this RC 0
  STDOUT_MATCHES "^No node of ${essex} has 'nothing-like-this' in its id or name\n$")
orgraph_cli_test(name_finds_a_person_by_a_piece_of_their_name
  ARGS chain ${cli_data}/accents.csv --name "jurgen muller" --on 2021-01-01 --json
  JSON "id=p-jurgen" "chain.0.id=p-zoe")
orgraph_cli_test(name_that_matches_several_lists_them
  ARGS chain ${cli_data}/accents.csv --name muller --on 2021-01-01 RC 2
  STDERR_LINE "orgraph: ${cli_data}/accents.csv: --name 'muller' matches 2 persons or posts (give the id or more of the name): p-jurgen (Jürgen Müller), p-jurgen-2 (Jurgen Muller-Smith)")
orgraph_cli_test(name_finds_a_part_of_a_name
  ARGS bodies ${west} --name "Lesley Wagland" --on 2011-04-14 --json RC 0 JSON "id=p-wagland")
orgraph_cli_test(name_that_matches_nothing_says_so
  ARGS members ${west} --name "Nonexistent Board" RC 2
  STDERR_LINE "orgraph: ${west}: no bodies named like 'Nonexistent Board'")
orgraph_cli_test(name_replaces_the_second_id
  ARGS common-manager ${essex} practitioner-a --name "Practitioner D" --on 2009-11-01 --json
  JSON "a=practitioner-a" "b=practitioner-d" "manager=head-provider-services")
orgraph_cli_test(name_and_id_together_are_too_many
  ARGS chain ${essex} practitioner-a --name "Practitioner B" RC 2
  STDERR_MATCHES "^orgraph: chain: --name: the ids and names given are more than the 1 asked for \\(usage: ")
orgraph_cli_test(name_finds_a_decision_by_its_subject
  ARGS route ${essex} --name "locality review" --json JSON "id=d-ctb-locality-review" "awaiting=ecc-cabinet")

# ---- a command for every library query ----
orgraph_cli_test(supervisor_during_the_secondment_is_the_core_team_manager
  ARGS supervisor ${essex} practitioner-a --on 2009-11-02 --json
  JSON "id=practitioner-a" "supervisor.id=core-manager-social-work" "supervisor.relation=supervises"
       "supervisor.arrangement=interim" "dotted_line_managers#0")
orgraph_cli_test(supervisor_without_supervision_is_the_line_manager
  ARGS supervisor ${essex} practitioner-a --on 2009-11-01 RC 0
  STDOUT_MATCHES "\nsupervisor +tascc-manager-harlow +TASCC Manager \\(Harlow\\) +post-tascc-manager-harlow +substantive +manages +-\n$")
orgraph_cli_test(common_manager_of_two_teams
  ARGS common-manager ${essex} practitioner-a practitioner-d --on 2009-11-01 RC 0
  STDOUT_MATCHES "^Lowest common manager of practitioner-a \\(Practitioner A\\) and practitioner-d \\(Practitioner D\\) on 2009-11-01: head-provider-services \\(Head of Provider Services\\)\n$")
orgraph_cli_test(sub_bodies_of_the_central_board
  ARGS sub-bodies ${west} essex-ctb --on 2011-04-14 --json
  JSON "id=essex-ctb" "direct:BOOLEAN" "sub_bodies#6" "sub_bodies.0.id=west-essex-ccdb" "sub_bodies.0.depth=1"
       "sub_bodies.1.id=dcp-epping-forest" "sub_bodies.1.depth=2" "sub_bodies.1.above=west-essex-ccdb"
       "sub_bodies.4.via=parent")
orgraph_cli_test(sub_bodies_direct_of_the_renamed_board
  ARGS sub-bodies ${west} west-essex-ctb --direct --on 2011-04-14 --json
  JSON "id=west-essex-ccdb" "resolved_from=west-essex-ctb" "sub_bodies#5" "sub_bodies.0.depth=1")
orgraph_cli_test(expiring_finds_the_task_and_finish_group
  ARGS expiring ${west} --on 2011-09-01 --within 60 --json
  JSON "within=60" "expiring#1" "expiring.0.id=task-and-finish-stakeholder-event" "expiring.0.last_day=2011-09-30"
       "expiring.0.days_left=29")
orgraph_cli_test(expiring_within_a_shorter_time_finds_nothing
  ARGS expiring ${west} --on 2011-09-01 --within 28 RC 0
  STDOUT_MATCHES "^No body in force on 2011-09-01 ends within 28 days\n$")
orgraph_cli_test(interlocks_of_the_proposal
  ARGS interlocks ${west} --on 2011-04-14 --json
  JSON "interlocks#7" "interlocks.0.id=p-west-chair" "interlocks.0.bodies#3" "interlocks.0.bodies.2=business-management-group")
orgraph_cli_test(decisions_by_the_cabinet
  ARGS decisions-by ${essex} ecc-cabinet --json
  JSON "id=ecc-cabinet" "from:NULL" "decisions#1" "decisions.0.id=d-cabinet-2009-12-08" "decisions.0.follows=d-county-bdg")
orgraph_cli_test(decisions_by_in_a_period
  ARGS decisions-by ${essex} childrens-trust-board --from 2009-10-03 --to 2009-12-31 RC 0
  STDOUT_MATCHES "recorded no decision from 2009-10-03 to 2009-12-31\n$")
orgraph_cli_test(reports_all_json_has_depth_and_manager
  ARGS reports ${essex} head-provider-services --all --on 2009-11-01 --json
  JSON "reports#13" "reports.0.depth=1" "reports.0.manager=head-provider-services" "reports.5.id=practitioner-a"
       "reports.5.depth=2" "reports.5.manager=post-tascc-manager-harlow")
orgraph_cli_test(reports_tree_draws_the_levels
  ARGS reports ${essex} head-provider-services --tree --on 2009-11-01 RC 0
  STDOUT_MATCHES "^Reports of head-provider-services [^\n]+, as a tree\nhead-provider-services \\(Head of Provider Services\\)\n├─ post-tascc-manager-harlow \\(TASCC Manager, Harlow\\), held by tascc-manager-harlow\n│  ├─ practitioner-a \\(Practitioner A\\)\n")
orgraph_cli_test(reports_tree_shows_a_holder_seconded_out
  ARGS reports ${essex} head-provider-services --tree --on 2009-11-02 RC 0
  STDOUT_MATCHES "held by tascc-manager-harlow \\(seconded to post-business-design-lead\\)\n")
orgraph_cli_test(reports_tree_is_not_json
  ARGS reports ${essex} head-provider-services --tree --json RC 2
  STDERR_MATCHES "^orgraph: reports: --tree cannot go with --json \\(usage: ")

# ---- --csv: every table, RFC 4180 ----
orgraph_cli_test(chain_as_csv
  ARGS chain ${essex} practitioner-a --on 2009-11-02 --csv RC 0
  STDOUT_MATCHES "^#,ID,NAME,POST,ARRANGEMENT,VACANT POSTS PASSED\n1,core-manager-social-work,Core Team Manager \\(Social Work\\),post-core-manager-social-work,interim,-\n2,head-provider-services,[^\n]+\n$")
orgraph_cli_test(csv_quotes_a_cell_with_a_comma
  ARGS reports ${essex} head-provider-services --on 2009-11-01 --csv RC 0
  STDOUT_MATCHES "^ID,NAME,KIND,HOLDER\npost-tascc-manager-harlow,\"TASCC Manager, Harlow\",post,tascc-manager-harlow\n")
orgraph_cli_test(csv_of_an_empty_answer_is_the_header
  ARGS gaps ${essex} --classification TASCC --level district --on 2009-10-26 --csv RC 0 STDOUT_MATCHES "^ID,NAME,PARENT\n$")
orgraph_cli_test(csv_of_influence_is_one_table_of_paths
  ARGS influence ${west} --from dcp-harlow --to essex-ctb --on 2011-04-14 --csv RC 0
  STDOUT_MATCHES "^SET,#,STEPS,PATH\nshortest,1,2,dcp-harlow -reports_to-> west-essex-ccdb -reports_to-> essex-ctb\n(shortest,[^\n]+\n)+channel,1,2,dcp-harlow -reports_to->[^\n]+\nchannel,2,4,")
orgraph_cli_test(csv_of_diff_is_one_row_a_change
  ARGS diff ${west_before} ${west} --on 2011-04-14 --pair dcp-uttlesford:essex-ctb --csv RC 0
  STDOUT_MATCHES "^CHANGE,ID,OTHER,BEFORE,AFTER\nbody_added,west-essex-ccdb,,,\n[^$]*\nsize,west-essex-ctb,,27,-\n[^$]*\ninfluence_channels,dcp-uttlesford,essex-ctb,1,2\n")
orgraph_cli_test(csv_of_stats_is_one_row_a_figure
  ARGS stats ${essex} --on 2009-11-02 --csv RC 0
  STDOUT_MATCHES "^STATISTIC,VALUE\nfiles.0,${essex}\non,2009-11-02\nnodes.total,67\n[^$]*\nroots,2\n$")
orgraph_cli_test(csv_and_json_exclude_each_other
  ARGS links ${west} --json --csv RC 2 STDERR_MATCHES "^orgraph: links: --json cannot go with --csv \\(usage: ")

# ---- GraphML: Boost.Graph's writer, read back by networkx ----
orgraph_cli_test(convert_to_graphml
  ARGS convert ${essex} @OUT@/essex.graphml RC 0
  STDOUT_MATCHES "^Wrote [^\n]+/essex\\.graphml \\(graphml\\): 67 nodes, 56 relations\n$"
  FILE "@OUT@/essex.graphml" FILE_REGEX "<key id=\"key[0-9]+\" for=\"node\" attr.name=\"kind\" attr.type=\"string\" />")
# After its dissolution (2011-09-30) the task-and-finish group is not a node; the board is.
# ("." stands for the ";" of "&apos;": a semicolon would split the argument.)
orgraph_cli_test(convert_to_graphml_on_stdout_on_a_date
  ARGS convert ${west} - --to graphml --on 2011-10-01 RC 0
  STDOUT_MATCHES "for=\"graph\" attr.name=\"as_on\"[^$]*<graph [^\n]+>\n +<data key=\"key[0-9]+\">2011-10-01</data>\n[^$]*>:Organization</data>\n +<data key=\"key[0-9]+\">West Essex Children&apos.s Commissioning and Delivery Board</data>"
  STDOUT_NOT_MATCHES "Task and Finish Group")
orgraph_cli_test(convert_to_graphml_on_a_date_says_what_it_holds
  ARGS convert ${essex} @OUT@/essex.graphml --on 2009-10-26 RC 0
  STDOUT_MATCHES "^Wrote [^\n]+ \\(graphml\\): 66 nodes, 48 relations in force on 2009-10-26\n$")
find_program(ORGRAPH_PYTHON3 python3 DOC "python3, for the test that networkx reads GraphML back")
if(ORGRAPH_PYTHON3)
  add_test(NAME cli.graphml_read_back_by_networkx
    COMMAND "${ORGRAPH_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/scripts/graphml_networkx.py" $<TARGET_FILE:orgraph_cli>
            "${PROJECT_SOURCE_DIR}/${essex}" "${CMAKE_CURRENT_BINARY_DIR}/cli-out/graphml_networkx")
else()
  add_test(NAME cli.graphml_read_back_by_networkx COMMAND "${CMAKE_COMMAND}" -E echo "SKIPPED: no python3")
endif()
set_tests_properties(cli.graphml_read_back_by_networkx PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED: ")

# ---- the date a question is asked about ----
orgraph_cli_test(a_file_whose_relations_all_ended_gets_a_note
  ARGS chain ${cli_data}/history.csv w1 RC 0
  STDOUT_MATCHES "^w1 \\(Former Worker\\) has no line manager on @TODAY@\n$"
  STDERR_MATCHES "^orgraph: note: answering for today, @TODAY@, but every relation in ${cli_data}/history\\.csv ended by 2012-12-31 \\(its dates span 2010-01-01 to 2012-12-31\\): give --on DATE for another day\n$")
orgraph_cli_test(no_note_with_on
  ARGS chain ${cli_data}/history.csv w1 --on 2011-01-01 --json JSON "chain.0.id=boss")

# ---- every file command reads several files, with a mapping, leniently ----
orgraph_cli_test(lenient_is_taken_by_every_file_command
  ARGS members ${west} west-essex-ctb --on 2011-04-14 --lenient --json JSON "size=10")
# The bad record is named on one warning line, the rest loads, and the answer is given (exit 0);
# strict loading refuses the same file (dangling_reference_names_the_id in tests/cli.cmake).
orgraph_cli_test(lenient_names_each_skipped_record_and_answers
  ARGS chain ${cli_data}/dangling.json worker --on 2011-01-01 --lenient RC 0
  STDOUT_MATCHES "^worker \\(Worker\\) has no line manager on 2011-01-01\n$"
  STDERR_LINE "orgraph: warning: ${cli_data}/dangling.json: relations[0]: skipped: from: unknown id 'ghost-manager'")
orgraph_cli_test(help_lists_the_reading_options
  ARGS help members RC 0
  STDOUT_MATCHES "\nReading files:\n  --also FILE\\.\\.\\. +another file [^\n]+\n  --mapping FILE +for CSV input: [^\n]+\n  --lenient +skip bad records")
orgraph_cli_test(also_adds_a_csv_to_any_command
  ARGS chain ${essex} new-starter --also ${cli_data}/new_starter.csv --on 2009-11-02 --json
  JSON "id=new-starter" "chain.0.id=head-provider-services")
orgraph_cli_test(a_missing_also_file_is_named
  ARGS chain ${essex} practitioner-a --also ${cli_data}/no-such.csv RC 2
  STDERR_LINE "orgraph: ${cli_data}/no-such.csv: cannot open for reading: No such file or directory")
