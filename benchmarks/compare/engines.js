#!/usr/bin/env node
// The embedded engines on the same data as the other tools (issue 16): Kuzu and DuckDB, each in this
// process, through their node bindings.
//
//     node engines.js kuzu|duckdb DIR [--budget SECONDS]
//
// DIR is a folder written by orgraph_bench_data. Prints one JSON object as tools.py does: for each
// query the median CPU time (process.cpuUsage(), every thread of the process, less the cost of timing
// an empty call) of one question over the sample in seconds, how many were timed, and the answer's
// size for the first id. Each engine is given the graphs resolved for the date, as networkx and
// igraph are (nodes.tsv, line.tsv, influence.tsv), in an in-memory database, one thread; questions
// are prepared statements; `trivial` is the cost of one prepared `RETURN 1` / `SELECT 1`, which is
// what the binding adds to every question. Memory is the growth of the resident set (the way every
// tool is measured): after the line-management tree alone (`memory_tree`) and after everything the
// questions use (`memory`). `load_csv` is the like-for-like row: the engine's own CSV reader on
// persons.csv, the file orgraph's load_csv reads, in a database of its own.

"use strict";

const fs = require("fs");
const path = require("path");

function rss() {
  // The resident set now (not the peak), from the kernel, as orgraph_bench_memory and tools.py read it.
  const fields = fs.readFileSync("/proc/self/statm", "utf8").split(" ");
  return Number(fields[1]) * 4096;
}

function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function readSample(dir) {
  const s = { person: [], body: [], member: [] };
  for (const line of fs.readFileSync(path.join(dir, "sample.txt"), "utf8").split("\n")) {
    const [key, value] = line.trim().split(/\s+/);
    if (!key) continue;
    if (key in s && Array.isArray(s[key])) s[key].push(Number(value));
    else s[key] = Number(value);
  }
  return s;
}

function median(xs) {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

class Timer {
  constructor(budget) {
    this.budget = budget;
    this.results = {};
    this.overhead = 0;
  }

  async measure(f, ids, budget, minRuns = 11) {
    const times = [];
    let answer, spent = 0, k = 0;
    for (;;) {
      const id = ids[k % ids.length];
      const t0 = cpu();
      answer = await f(id);
      const dt = cpu() - t0;
      times.push(Math.max(dt - this.overhead, 0));
      spent += dt;
      k += 1;
      if (k >= ids.length && k >= minRuns) break;
      if (budget && spent > budget && k >= Math.min(3, ids.length)) break;
    }
    return [median(times), times.length, answer];
  }

  async calibrate() {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    this.overhead = (await this.measure(async () => 0, ids, 0))[0];
  }

  async run(name, ids, f) {
    const [m, count, answer] = await this.measure(f, ids, this.budget);
    const first = count > 1 ? await f(ids[0]) : answer;
    this.results[name] = { median: m, timed: count, answer: first };
    process.stderr.write(`  ${name}: ${m.toPrecision(3)} s (${count} timed)\n`);
  }

  async once(name, f) {
    const t0 = cpu();
    const answer = await f();
    this.results[name] = { median: cpu() - t0, timed: 1, answer: answer === undefined ? null : answer };
    process.stderr.write(`  ${name}: ${this.results[name].median.toPrecision(3)} s\n`);
  }

  note(name, value) {
    this.results[name] = { median: value, timed: 1, answer: null };
  }
}

// ---- Kuzu ---------------------------------------------------------------------------------------

async function runKuzu(dir, s, t) {
  const kuzu = require("kuzu");
  const file = (name) => path.join(dir, name).replace(/'/g, "''");
  let db = new kuzu.Database(":memory:");
  let con = new kuzu.Connection(db, 1);
  con.querySync("RETURN 1");
  const q = (text) => con.querySync(text);
  const rss0 = rss();
  await t.once("load_tables", () => {
    q("CREATE NODE TABLE V(v INT64, kind STRING, id STRING, PRIMARY KEY (v))");
    q("CREATE REL TABLE Manages(FROM V TO V)");
    q(`COPY V FROM '${file("nodes.tsv")}' (FILE_FORMAT = 'csv', DELIM = '\t', HEADER = false)`);
    q(`COPY Manages FROM '${file("line.tsv")}' (FILE_FORMAT = 'csv', DELIM = '\t', HEADER = false)`);
    t.note("memory_tree", rss() - rss0);
    q("CREATE REL TABLE Step(FROM V TO V)");
    q(`COPY Step FROM '${file("influence.tsv")}' (FILE_FORMAT = 'csv', DELIM = '\t', HEADER = false)`);
    return null;
  });
  t.note("memory", rss() - rss0);

  const prepared = (text) => {
    const ps = con.prepareSync(text);
    if (!ps.isSuccess()) throw new Error(`Kuzu: ${ps.getErrorMessage()} in ${text}`);
    return (params) => con.executeSync(ps, params).getAllSync();
  };
  await t.calibrate();
  const trivial = prepared("RETURN 1 AS one");
  await t.run("trivial", s.person, () => trivial({}).length);
  const manager = prepared("MATCH (m:V)-[:Manages]->(p:V {v: $v}) RETURN m.v");
  await t.run("line_manager", s.person, (v) => {
    const rows = manager({ v });
    return rows.length ? Number(rows[0]["m.v"]) : 0;
  });
  const chain = prepared("MATCH (p:V {v: $v})<-[:Manages*1..30]-(m:V) RETURN m.v");
  await t.run("management_chain", s.person, (v) => chain({ v }).length);
  const reports = prepared("MATCH (p:V {v: $v})-[:Manages*1..30]->(r:V) RETURN count(r) AS n");
  const count = (v) => Number(reports({ v })[0].n);
  await t.run("all_reports_top", [s.top], count);
  await t.run("all_reports_mid", [s.mid], count);
  const members = prepared("MATCH (p:V)-[:Step]->(b:V {v: $b}) WHERE p.kind = 'person' RETURN p.v");
  await t.run("members", s.body, (b) => members({ b }).length);
  const shortest = prepared(
    "MATCH p = (a:V {v: $a})-[:Step* SHORTEST 1..30]->(b:V {v: $b}) RETURN length(p) AS hops");
  await t.run("influence_path", s.member, (a) => {
    const rows = shortest({ a, b: s.target });
    return rows.length ? Number(rows[0].hops) : 0;
  });
  con.closeSync();
  db.closeSync();

  // The like-for-like CSV row: persons.csv into a table of rows (a person may have several rows, one
  // per manages relation, so the rows get a serial key).
  db = new kuzu.Database(":memory:");
  con = new kuzu.Connection(db, 1);
  con.querySync("RETURN 1");
  await t.once("load_csv", () => {
    con.querySync("CREATE NODE TABLE Row(row SERIAL, person_id STRING, name STRING, manager_id STRING, " +
                  "discipline STRING, organization_id STRING, post STRING, start_date STRING, end_date STRING, " +
                  "PRIMARY KEY (row))");
    con.querySync(`COPY Row FROM '${file("persons.csv")}' (HEADER = true)`);
    return Number(con.querySync("MATCH (r:Row) RETURN count(r) AS n").getAllSync()[0].n);
  });
  con.closeSync();
  db.closeSync();
  return `Kuzu ${kuzu.VERSION}`;
}

// ---- DuckDB -------------------------------------------------------------------------------------

async function runDuckDB(dir, s, t) {
  const { DuckDBInstance } = require("@duckdb/node-api");
  const file = (name) => path.join(dir, name).replace(/'/g, "''");
  let instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  let con = await instance.connect();
  await con.run("SELECT 1");
  const rss0 = rss();
  await t.once("load_tables", async () => {
    await con.run(`CREATE TABLE line AS SELECT * FROM read_csv('${file("line.tsv")}', delim = '\\t', header = false,
                   columns = {'manager': 'INTEGER', 'report': 'INTEGER'})`);
    await con.run("CREATE INDEX line_report ON line(report)");
    await con.run("CREATE INDEX line_manager ON line(manager)");
    t.note("memory_tree", rss() - rss0);
    await con.run(`CREATE TABLE node AS SELECT * FROM read_csv('${file("nodes.tsv")}', delim = '\\t', header = false,
                   columns = {'v': 'INTEGER', 'kind': 'VARCHAR', 'id': 'VARCHAR'})`);
    await con.run("CREATE UNIQUE INDEX node_v ON node(v)");
    await con.run(`CREATE TABLE influence AS SELECT * FROM read_csv('${file("influence.tsv")}', delim = '\\t',
                   header = false, columns = {'src': 'INTEGER', 'dst': 'INTEGER'})`);
    await con.run("CREATE INDEX influence_src ON influence(src)");
    await con.run("CREATE INDEX influence_dst ON influence(dst)");
    return null;
  });
  t.note("memory", rss() - rss0);

  const prepared = async (text) => {
    const ps = await con.prepare(text);
    return async (...args) => {
      args.forEach((a, i) => ps.bindInteger(i + 1, a));
      return (await ps.runAndReadAll()).getRows();
    };
  };
  await t.calibrate();
  const trivial = await prepared("SELECT 1");
  await t.run("trivial", s.person, async () => (await trivial()).length);
  const manager = await prepared("SELECT manager FROM line WHERE report = $1");
  await t.run("line_manager", s.person, async (v) => {
    const rows = await manager(v);
    return rows.length ? Number(rows[0][0]) : 0;
  });
  const chain = await prepared(`
    WITH RECURSIVE chain(p, depth) AS (
      SELECT manager, 1 FROM line WHERE report = $1
      UNION ALL
      SELECT l.manager, chain.depth + 1 FROM chain JOIN line l ON l.report = chain.p WHERE chain.depth < 1000)
    SELECT p FROM chain`);
  await t.run("management_chain", s.person, async (v) => (await chain(v)).length);
  const reports = await prepared(`
    WITH RECURSIVE sub(p) AS (
      SELECT report FROM line WHERE manager = $1
      UNION ALL
      SELECT l.report FROM sub JOIN line l ON l.manager = sub.p)
    SELECT count(*) FROM sub`);
  const count = async (v) => Number((await reports(v))[0][0]);
  await t.run("all_reports_top", [s.top], count);
  await t.run("all_reports_mid", [s.mid], count);
  const members = await prepared(
    "SELECT i.src FROM influence i JOIN node n ON n.v = i.src WHERE i.dst = $1 AND n.kind = 'person'");
  await t.run("members", s.body, async (b) => (await members(b)).length);
  // Breadth-first: USING KEY keeps one row per vertex (its depth when first reached); each round adds
  // the vertices not reached yet, and the search stops once the target has been reached.
  const shortest = await prepared(`
    WITH RECURSIVE bfs(n, depth) USING KEY (n) AS (
      SELECT $1::INTEGER, 0
      UNION
      SELECT i.dst, min(bfs.depth) + 1 FROM bfs JOIN influence i ON i.src = bfs.n
      WHERE i.dst NOT IN (SELECT r.n FROM recurring.bfs r)
        AND NOT EXISTS (SELECT 1 FROM recurring.bfs r WHERE r.n = $2)
      GROUP BY i.dst)
    SELECT depth FROM bfs WHERE n = $2`);
  await t.run("influence_path", s.member, async (a) => {
    const rows = await shortest(a, s.target);
    return rows.length ? Number(rows[0][0]) : 0;
  });
  con.closeSync();
  instance.closeSync();

  instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  con = await instance.connect();
  await con.run("SELECT 1");
  await t.once("load_csv", async () => {
    await con.run(`CREATE TABLE persons AS SELECT * FROM read_csv('${file("persons.csv")}', header = true)`);
    return Number((await con.runAndReadAll("SELECT count(*) FROM persons")).getRows()[0][0]);
  });
  const version = (await con.runAndReadAll("SELECT version()")).getRows()[0][0];
  con.closeSync();
  instance.closeSync();
  return `DuckDB ${version}`;
}

async function main() {
  const [tool, dir] = process.argv.slice(2);
  const b = process.argv.indexOf("--budget");
  const budget = b > 0 ? Number(process.argv[b + 1]) : 15;
  const runners = { kuzu: runKuzu, duckdb: runDuckDB };
  if (!runners[tool] || !dir) {
    process.stderr.write("usage: node engines.js kuzu|duckdb DIR [--budget SECONDS]\n");
    process.exit(2);
  }
  const s = readSample(dir);
  const t = new Timer(budget);
  process.stderr.write(`${tool} at ${s.persons} persons\n`);
  const version = await runners[tool](dir, s, t);
  process.stdout.write(JSON.stringify({ tool, version, persons: s.persons, results: t.results }) + "\n");
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
