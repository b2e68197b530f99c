# CTest tests of the CLI's questions over time (docs/time.md) and of what real public data needs from
# the CLI (an area, a change of seat, a job share), run by tests/cli.cmake's driver (orgraph_cli_test).

if(NOT TARGET orgraph_cli OR NOT COMMAND orgraph_cli_test)
  return()
endif()
set(popolo "${PROJECT_SOURCE_DIR}/../shared/data/popolo")

# ---- history: the 2009 letter's secondment, as the seed document dates it ----
orgraph_cli_test(history_of_practitioner_a_has_the_two_changes_of_the_secondment
  ARGS history ${essex} practitioner-a --from 2009-01-01 --to 2010-12-31 --json RC 0
  JSON "id=practitioner-a" "from=2009-01-01" "to=2010-12-31" "changes#4"
       "changes.0.date=2009-11-02" "changes.0.aspect=line_manager" "changes.0.before=tascc-manager-harlow"
       "changes.0.after=core-manager-social-work" "changes.0.arrangement=interim"
       "changes.2.date=2010-04-01" "changes.2.aspect=line_manager" "changes.2.after=tascc-manager-harlow")
orgraph_cli_test(history_of_a_practitioner_as_a_table
  ARGS history ${essex} practitioner-a --from 2009-01-01 --to 2010-12-31 RC 0
  STDOUT_MATCHES "^History of practitioner-a \\(Practitioner A\\) from 2009-01-01 to 2010-12-31\nDATE +ASPECT +BEFORE +AFTER\n2009-11-02 +line_manager +tascc-manager-harlow via post-tascc-manager-harlow +core-manager-social-work via post-core-manager-social-work \\(interim\\)\n")
orgraph_cli_test(history_of_a_quiet_period_says_nothing_changed
  ARGS history ${essex} practitioner-a --from 2009-12-01 --to 2009-12-31 RC 0
  STDOUT_MATCHES "^Nothing about practitioner-a \\(Practitioner A\\) changed from 2009-12-01 to 2009-12-31\n$")
orgraph_cli_test(history_of_the_renamed_board_shows_the_renaming
  ARGS history ${west} west-essex-ctb --from 2011-01-01 --to 2011-12-31 --json RC 0
  JSON "id=west-essex-ctb" "changes.0.date=2011-04-14")
orgraph_cli_test(history_with_to_before_from_is_bad_usage
  ARGS history ${essex} practitioner-a --from 2010-01-01 --to 2009-01-01 RC 2
  STDERR_LINE "orgraph: history: --to 2009-01-01 is before --from 2010-01-01 (usage: orgraph history FILE ID [--from DATE] [--to DATE] [--json] [--csv])")

# ---- timeline and the window forms ----
orgraph_cli_test(timeline_of_the_west_essex_proposal_in_2011
  ARGS timeline ${west} --from 2011-01-01 --to 2011-12-31 --json RC 0
  JSON "dates#4" "dates.2.date=2011-04-14" "dates.2.replacements=1" "dates.3.date=2011-10-01" "dates.3.nodes_ceased=1")
orgraph_cli_test(members_between_two_dates_give_each_one_periods
  ARGS members ${west} west-essex-ctb --from 2010-01-01 --to 2010-12-31 --json RC 0
  JSON "id=west-essex-ctb" "members#27" "members.0.periods#1" "members.0.periods.0.from=2010-01-01"
       "members.0.periods.0.to=2010-12-31")
orgraph_cli_test(bodies_between_two_dates_follow_the_renaming
  ARGS bodies ${west} p-wagland --from 2010-01-01 --to 2011-12-31 --json RC 0
  JSON "bodies#3" "bodies.0.id=west-essex-ctb" "bodies.0.periods.0.to=2011-04-13" "bodies.2.id=west-essex-ccdb"
       "bodies.2.periods.0.from=2011-04-14")
orgraph_cli_test(members_window_and_on_exclude_each_other
  ARGS members ${west} west-essex-ctb --from 2010-01-01 --on 2010-06-01 RC 2
  STDERR_LINE "orgraph: members: --on cannot go with --from (usage: orgraph members FILE BODY [--on DATE] [--area AREA] [--from DATE] [--to DATE] [--json] [--csv])")

# ---- real public data: a constituency, a party switch ----
orgraph_cli_test(members_for_an_area_is_the_member_for_the_constituency
  REQUIRES "${popolo}/ep_uk_commons.json"
  ARGS members ${popolo}/ep_uk_commons.json legislature --on 2008-07-11 --area uk.org.publicwhip/cons/267 --json RC 0
  JSON "size=1" "members#1" "members.0.name=David Davis" "members.0.area=uk.org.publicwhip/cons/267"
       "area=uk.org.publicwhip/cons/267")
orgraph_cli_test(members_for_an_area_between_a_resignation_and_a_by_election_is_nobody
  REQUIRES "${popolo}/ep_uk_commons.json"
  ARGS members ${popolo}/ep_uk_commons.json legislature --on 2008-06-25 --area uk.org.publicwhip/cons/267 --json RC 0
  JSON "size=0" "members#0")
orgraph_cli_test(diff_across_a_party_switch_names_the_changed_seats
  REQUIRES "${popolo}/ep_scotland_parliament.json"
  ARGS diff ${popolo}/ep_scotland_parliament.json --on 2012-10-22 --vs 2012-10-24 --json RC 0
  JSON "members_changed#2" "members_changed.0.before.0.on_behalf_of=scottish-national-party"
       "members_changed.0.after.0.on_behalf_of=independent" "members_added#0" "members_removed#0")

# ---- a job share: one post, two holders, both reported ----
set(orgs_mod "${PROJECT_SOURCE_DIR}/../shared/data/orgs/organogram_mod_2016-03-31_senior.csv")
orgraph_cli_test(reports_name_both_holders_of_a_job_share
  REQUIRES "${orgs_mod}"
  ARGS reports ${orgs_mod} 00003285 --on 2016-03-31 RC 0
  STDOUT_MATCHES "\n00000609 +Transformation Director +post +00000609/holder, 00000609/holder-2\n")
orgraph_cli_test(reports_json_lists_the_holders_of_a_job_share
  REQUIRES "${orgs_mod}"
  ARGS reports ${orgs_mod} 00003285 --on 2016-03-31 --json RC 0
  JSON "reports#6" "reports.5.id=00000609" "reports.5.holder=00000609/holder" "reports.5.holders#2"
       "reports.5.holders.1=00000609/holder-2")
