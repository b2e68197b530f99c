#pragma once
// orgraph_reference: a deliberately plain, brute-force implementation of the query rules of
// docs/concepts.md, docs/governance.md and docs/influence.md, for differential tests of the library.
//
// Each rule is written once, in the order the documents give it, reading the model only through its
// plain accessors (node_count, operator[], relations, decisions): no index, no cache, no cleverness.
// Every question scans every relation again, so keep the models it is asked about small.
//
// Calls between the reference's own functions are written orgraph_reference::f(...): the arguments are
// orgraph types, so an unqualified call would also find the library's function of the same name by
// argument-dependent lookup, and the reference could end up asking the library it is meant to check.
//
// - time_rules.hpp: existence, replacement dates, successors, bodies in force, relations in force
// - line_management.hpp: candidates, holders, line manager, supervisor, dotted lines, reports, chains
// - governance.hpp: members, chairs, bodies_of, interlocks, reporting lines, sub-bodies, coverage
// - decisions.hpp: decision routes, decisions by a body, bodies without real decisions
// - history.hpp: every aspect of a history on one day, a body's decisions, window questions and the
//   timeline day by day
// - influence.hpp: the influence graph, k shortest paths, channels, cut vertices, reach, double linking
// - validate.hpp: validate()'s findings as (code, severity, ids)

#include "decisions.hpp"
#include "governance.hpp"
#include "history.hpp"
#include "influence.hpp"
#include "line_management.hpp"
#include "text.hpp"
#include "time_rules.hpp"
#include "validate.hpp"
