#!/usr/bin/python3
"""The other tools on the same data: networkx, python-igraph and SQLite.

    /usr/bin/python3 tools.py networkx|igraph|sqlite DIR [--budget SECONDS]

DIR is a folder written by orgraph_bench_data. Prints one JSON object: for each query the median
CPU time (process_time, less the cost of timing an empty call; the machine is shared) of one
question over the sample in seconds, how many questions were timed (the sample, repeated to at
least 11), and the answer's size for the first id (to check that the tools agree). A query stops
once it has used its time budget (after at least three ids), so that slow tools finish at a million.

networkx and igraph are given the graphs already resolved for the date (line.tsv, influence.tsv), as
the baseline is: they are timed on the questions, and on building the graph from model.json for
`load_json`. SQLite holds the dated relations in indexed tables of an in-memory database and
answers with SQL, recursive common table expressions for chains, reports and paths, resolving dates
and precedence as it goes.

Memory is measured as for every tool of the comparison: the growth of the resident set (now, not the
peak) while the tool holds what it answers from: `memory_tree` after the line-management tree alone,
`memory` after everything (networkx and igraph: the two graphs; SQLite: its tables and indexes).
"""

import datetime
import gc
import json
import os
import resource
import sqlite3
import statistics
import sys
import time


def read_tsv(path, types):
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            yield tuple(t(p) for t, p in zip(types, parts))


def read_sample(d):
    s = {"person": [], "body": [], "member": []}
    with open(os.path.join(d, "sample.txt")) as f:
        for line in f:
            key, value = line.split()
            if key in s:
                s[key].append(int(value))
            else:
                s[key] = int(value)
    return s


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss():
    """The resident set now, from the kernel, after a collection (as the other tools read it)."""
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class timer:
    """Times one question at a time with process_time, minus the cost of timing an empty call."""

    def __init__(self, budget):
        self.budget = budget
        self.results = {}
        self.overhead = 0.0
        self.overhead = self.measure(lambda _: 0, list(range(1000)), 0.0)[0]

    def measure(self, f, ids, budget, min_runs=11):
        times, answer, spent, k = [], None, 0.0, 0
        while True:
            i = ids[k % len(ids)]
            t0 = time.process_time()
            answer = f(i)
            dt = time.process_time() - t0
            times.append(max(dt - self.overhead, 0.0))
            spent += dt
            k += 1
            if k >= len(ids) and k >= min_runs:
                break
            if budget and spent > budget and k >= min(3, len(ids)):
                break
        return statistics.median(times), len(times), answer

    def run(self, name, ids, f):
        median, count, answer = self.measure(f, ids, self.budget)
        # The answer for the first id, to check that the tools agree.
        first = f(ids[0]) if count > 1 else answer
        size = first if isinstance(first, (int, float)) or first is None else len(first)
        self.results[name] = {"median": median, "timed": count, "answer": size}
        print(f"  {name}: {median:.3g} s ({count} timed)", file=sys.stderr)

    def once(self, name, f):
        t0 = time.process_time()
        answer = f()
        self.results[name] = {"median": time.process_time() - t0, "timed": 1, "answer": answer}
        print(f"  {name}: {self.results[name]['median']:.3g} s", file=sys.stderr)


def graph_from_json_networkx(path):
    import networkx as nx
    with open(path) as f:
        doc = json.load(f)
    g = nx.DiGraph()
    for key in ("persons", "organizations", "posts", "areas"):
        for rec in doc.get(key, []):
            g.add_node(rec["id"], kind=key, **{k: v for k, v in rec.items() if k != "id"})
    for rec in doc.get("memberships", []):
        who = rec.get("person_id") or rec.get("post_id")
        to = rec.get("post_id") if rec.get("person_id") and rec.get("post_id") else rec.get("organization_id")
        g.add_edge(who, to, **rec)
    for rec in doc.get("relations", []):
        g.add_edge(rec["from"], rec["to"], **rec)
    return g


def graph_from_json_igraph(path):
    import igraph as ig
    with open(path) as f:
        doc = json.load(f)
    index, kinds = {}, []
    for key in ("persons", "organizations", "posts", "areas"):
        for rec in doc.get(key, []):
            index[rec["id"]] = len(kinds)
            kinds.append(key)
    edges, types = [], []
    for rec in doc.get("memberships", []):
        who = rec.get("person_id") or rec.get("post_id")
        to = rec.get("post_id") if rec.get("person_id") and rec.get("post_id") else rec.get("organization_id")
        edges.append((index[who], index[to]))
        types.append("holds" if rec.get("person_id") and rec.get("post_id") else "member_of")
    for rec in doc.get("relations", []):
        edges.append((index[rec["from"]], index[rec["to"]]))
        types.append(rec["type"])
    g = ig.Graph(n=len(kinds), edges=edges, directed=True)
    g.vs["kind"] = kinds
    g.es["type"] = types
    return g


def person_flags(d):
    return {v: k == "person" for v, k, _ in read_tsv(os.path.join(d, "nodes.tsv"), (int, str, str))}


def run_networkx(d, s, t):
    import networkx as nx
    is_person = person_flags(d)
    rss0 = rss()
    line = nx.DiGraph()
    line.add_nodes_from(is_person)
    line.add_edges_from(read_tsv(os.path.join(d, "line.tsv"), (int, int)))
    t.results["memory_tree"] = {"median": rss() - rss0, "timed": 1, "answer": None}
    infl = nx.DiGraph()
    infl.add_edges_from(read_tsv(os.path.join(d, "influence.tsv"), (int, int)))
    t.results["memory"] = {"median": rss() - rss0, "timed": 1, "answer": None}
    t.once("load_json", lambda: graph_from_json_networkx(os.path.join(d, "model.json")).number_of_nodes())

    def manager(v):
        return next(iter(line.predecessors(v)), None)

    def chain(v):
        out = []
        v = manager(v)
        while v is not None:
            out.append(v)
            v = manager(v)
        return out

    t.run("trivial", s["person"], lambda v: line.number_of_nodes())
    t.run("line_manager", s["person"], lambda v: manager(v) or 0)
    t.run("management_chain", s["person"], chain)
    t.run("all_reports_top", [s["top"]], lambda v: nx.descendants(line, v))
    t.run("all_reports_mid", [s["mid"]], lambda v: nx.descendants(line, v))
    t.run("members", s["body"], lambda b: [u for u in infl.predecessors(b) if is_person.get(u)] if b in infl else [])
    target = s["target"]
    t.run("influence_path", s["member"], lambda v: len(nx.shortest_path(infl, v, target)) - 1)
    t.run("independent_channels", s["member"], lambda v: nx.node_connectivity(infl, v, target))
    t.once("validate", lambda: int(nx.is_directed_acyclic_graph(line)) + sum(
        1 for v, k in line.in_degree() if k == 0 and line.out_degree(v) == 0))


def run_igraph(d, s, t):
    import igraph as ig
    is_person = person_flags(d)
    n = max(is_person) + 1
    person = [False] * n
    for v, p in is_person.items():
        person[v] = p
    rss0 = rss()
    line = ig.Graph(n=n, edges=list(read_tsv(os.path.join(d, "line.tsv"), (int, int))), directed=True)
    t.results["memory_tree"] = {"median": rss() - rss0, "timed": 1, "answer": None}
    infl = ig.Graph(n=n, edges=list(read_tsv(os.path.join(d, "influence.tsv"), (int, int))), directed=True)
    t.results["memory"] = {"median": rss() - rss0, "timed": 1, "answer": None}
    t.once("load_json", lambda: graph_from_json_igraph(os.path.join(d, "model.json")).vcount())

    def manager(v):
        p = line.predecessors(v)
        return p[0] if p else None

    def chain(v):
        out = []
        v = manager(v)
        while v is not None:
            out.append(v)
            v = manager(v)
        return out

    t.run("trivial", s["person"], lambda v: line.vcount())
    t.run("line_manager", s["person"], lambda v: manager(v) or 0)
    t.run("management_chain", s["person"], chain)
    t.run("all_reports_top", [s["top"]], lambda v: len(line.subcomponent(v, mode="out")) - 1)
    t.run("all_reports_mid", [s["mid"]], lambda v: len(line.subcomponent(v, mode="out")) - 1)
    t.run("members", s["body"], lambda b: [u for u in infl.predecessors(b) if person[u]])
    target = s["target"]
    t.run("influence_path", s["member"],
          lambda v: len(infl.get_shortest_paths(v, to=target, mode="out", output="vpath")[0]) - 1)
    t.run("independent_channels", s["member"],
          lambda v: infl.vertex_connectivity(source=v, target=target, neighbors="negative"))
    t.once("validate", lambda: int(line.is_dag()) + sum(
        1 for a, b in zip(line.indegree(), line.outdegree()) if a == 0 and b == 0))


SCHEMA = """
CREATE TABLE node(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ext_id TEXT NOT NULL UNIQUE);
CREATE TABLE manages(manager INTEGER NOT NULL, report INTEGER NOT NULL, first INTEGER, last INTEGER, temporary INTEGER);
CREATE TABLE member_of(member INTEGER NOT NULL, body INTEGER NOT NULL, first INTEGER, last INTEGER);
CREATE TABLE holds(person INTEGER NOT NULL, post INTEGER NOT NULL, first INTEGER, last INTEGER, temporary INTEGER);
CREATE TABLE post(id INTEGER PRIMARY KEY, body INTEGER);
CREATE TABLE influence(src INTEGER NOT NULL, dst INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX manages_report ON manages(report, first, last);
CREATE INDEX manages_manager ON manages(manager, first, last);
CREATE INDEX member_of_body ON member_of(body, first, last);
CREATE INDEX holds_post ON holds(post, first, last);
CREATE INDEX post_body ON post(body);
CREATE INDEX influence_src ON influence(src);
"""
# The effective line manager: the manages relation in force, a temporary one first, then the first added.
BEST = "SELECT manager FROM manages WHERE report = {r} AND first <= :d AND last >= :d ORDER BY temporary DESC, rowid LIMIT 1"


def run_sqlite(d, s, t):
    def load():
        db = sqlite3.connect(":memory:")
        db.executescript(SCHEMA)
        tsv = lambda name, types: read_tsv(os.path.join(d, name), types)
        db.executemany("INSERT INTO node VALUES (?, ?, ?)", tsv("nodes.tsv", (int, str, str)))
        db.executemany("INSERT INTO manages VALUES (?, ?, ?, ?, ?)", tsv("manages.tsv", (int,) * 5))
        db.executemany("INSERT INTO member_of VALUES (?, ?, ?, ?)", tsv("memberships.tsv", (int,) * 4))
        db.executemany("INSERT INTO holds VALUES (?, ?, ?, ?, ?)", tsv("holds.tsv", (int,) * 5))
        db.executemany("INSERT INTO post VALUES (?, ?)", tsv("posts.tsv", (int, int)))
        db.executemany("INSERT INTO influence VALUES (?, ?)", tsv("influence.tsv", (int, int)))
        db.executescript(INDEXES)
        db.commit()
        db.execute("ANALYZE")
        return db

    rss0 = rss()
    t0 = time.process_time()
    db = load()
    t.results["load_tables"] = {"median": time.process_time() - t0, "timed": 1, "answer": None}
    t.results["memory"] = {"median": rss() - rss0, "timed": 1, "answer": None}
    # orgraph's query date, 2024-12-31, in days since 1970-01-01 as the tables hold dates.
    p = {"d": (datetime.date(2024, 12, 31) - datetime.date(1970, 1, 1)).days}

    def one(sql, **kw):
        return db.execute(sql, {**p, **kw}).fetchall()

    t.run("trivial", s["person"], lambda v: one("SELECT 1"))
    t.run("line_manager", s["person"], lambda v: len(one(BEST.format(r=":v"), v=v)))
    chain_sql = f"""
        WITH RECURSIVE chain(p, depth) AS (
          SELECT :v, 0
          UNION ALL
          SELECT ({BEST.format(r='chain.p')}), depth + 1 FROM chain WHERE chain.p IS NOT NULL AND depth < 1000)
        SELECT p FROM chain WHERE depth > 0 AND p IS NOT NULL"""
    t.run("management_chain", s["person"], lambda v: one(chain_sql, v=v))
    reports_sql = f"""
        WITH RECURSIVE sub(p) AS (
          SELECT :v
          UNION ALL
          SELECT m.report FROM manages m JOIN sub ON m.manager = sub.p
          WHERE m.first <= :d AND m.last >= :d AND m.manager = ({BEST.format(r='m.report')}))
        SELECT count(*) - 1 FROM sub"""
    t.run("all_reports_top", [s["top"]], lambda v: one(reports_sql, v=v)[0][0])
    t.run("all_reports_mid", [s["mid"]], lambda v: one(reports_sql, v=v)[0][0])
    members_sql = """
        SELECT member FROM member_of WHERE body = :b AND first <= :d AND last >= :d
        UNION ALL
        SELECT h.person FROM post JOIN holds h ON h.post = post.id
        WHERE post.body = :b AND h.first <= :d AND h.last >= :d"""
    t.run("members", s["body"], lambda b: one(members_sql, b=b))
    # Breadth-first by depth (ORDER BY makes the queue a priority queue), the first row at the target
    # ends it; depth bounded so that an unreachable target cannot run away.
    path_sql = """
        WITH RECURSIVE bfs(n, depth) AS (
          SELECT :v, 0
          UNION
          SELECT i.dst, bfs.depth + 1 FROM bfs JOIN influence i ON i.src = bfs.n WHERE bfs.depth < 16
          ORDER BY 2)
        SELECT depth FROM bfs WHERE n = :t LIMIT 1"""
    t.run("influence_path", s["member"], lambda v: one(path_sql, v=v, t=s["target"])[0][0])
    db.close()


def main():
    tool, d = sys.argv[1], sys.argv[2]
    budget = float(sys.argv[sys.argv.index("--budget") + 1]) if "--budget" in sys.argv else 15.0
    s = read_sample(d)
    t = timer(budget)
    print(f"{tool} at {s['persons']} persons", file=sys.stderr)
    {"networkx": run_networkx, "igraph": run_igraph, "sqlite": run_sqlite}[tool](d, s, t)
    json.dump({"tool": tool, "persons": s["persons"], "results": t.results}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
