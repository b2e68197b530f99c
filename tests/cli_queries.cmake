# CTest tests of the CLI's newer parts, run by tests/cli.cmake's driver (orgraph_cli_test there):
# suggestions, --name, --csv, the note on a historical file, and the options every file command
# shares.

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
  ARGS convert ${essex} - --to jsno RC 2 STDERR_MATCHES "^orgraph: convert: --to: unknown format 'jsno' \\(did you mean json\\?\\)")
orgraph_cli_test(suggests_nothing_when_nothing_is_near
  ARGS chain ${essex} zzzzzz RC 2 STDERR_LINE "orgraph: ${essex}: unknown id 'zzzzzz'")

# ---- --name wherever an id is asked for ----
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
orgraph_cli_test(name_and_id_together_are_too_many
  ARGS chain ${essex} practitioner-a --name "Practitioner B" RC 2
  STDERR_MATCHES "^orgraph: chain: --name: the ids and names given are more than the 1 asked for \\(usage: ")
orgraph_cli_test(name_finds_a_decision_by_its_subject
  ARGS route ${essex} --name "locality review" --json JSON "id=d-ctb-locality-review" "awaiting=ecc-cabinet")

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
orgraph_cli_test(help_lists_the_reading_options
  ARGS help members RC 0
  STDOUT_MATCHES "\nReading files:\n  --also FILE\\.\\.\\. +another file [^\n]+\n  --mapping FILE +for CSV input: [^\n]+\n  --lenient +skip bad records")
orgraph_cli_test(also_adds_a_csv_to_any_command
  ARGS chain ${essex} new-starter --also ${cli_data}/new_starter.csv --on 2009-11-02 --json
  JSON "id=new-starter" "chain.0.id=head-provider-services")
orgraph_cli_test(a_missing_also_file_is_named
  ARGS chain ${essex} practitioner-a --also ${cli_data}/no-such.csv RC 2
  STDERR_LINE "orgraph: ${cli_data}/no-such.csv: cannot open for reading: No such file or directory")
