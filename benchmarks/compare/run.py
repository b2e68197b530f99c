#!/usr/bin/python3
"""The full comparison (issues 7, 11 and 16): generate the data once, run every tool at every size,
print the tables, write docs/performance.md's generated sections and draw docs/images/performance.png.

    /usr/bin/python3 benchmarks/compare/run.py [--sizes 1000,10000,100000,1000000] [--seed 42]
        [--build build/bench] [--data build/bench-data] [--budget 15] [--skip-build] [--only-report]
        [--hostile-max 1000000] [--tools sqlite,networkx,igraph,kuzu,duckdb]

Data folders are kept (build/bench-data/<persons>/) and only generated when missing; results go to
build/bench-data/results.json, which --only-report reads again to redraw the tables and the plot.

A compared tool that is not installed is skipped with a message, never an error: networkx and igraph
need Debian's python3-networkx and python3-igraph, Kuzu and DuckDB need node and
`npm install` in benchmarks/compare (then `node node_modules/kuzu/install.js`, which npm does not run).
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"  # Debian's, which sees python3-networkx and python3-igraph

# (row, label) in table order.
QUERIES = [
    ("trivial", "0. one trivial query (the binding's cost)"),
    ("line_manager", "1. line manager"),
    ("manager_of", "1. line manager, person only (manager_of)"),
    ("management_chain", "2. management chain"),
    ("chain_of_persons", "2. chain of persons only (manager_of)"),
    ("all_reports_top", "3. all reports, top person"),
    ("all_reports_mid", "3. all reports, mid-level manager"),
    ("members", "4. members of a body"),
    ("influence_path", "5. shortest influence path"),
    ("independent_channels", "5. independent channels"),
    ("single_points_of_failure", "5. single points of failure"),
    ("validate", "6. whole-model validation"),
    ("dot", "6. DOT picture of the whole model"),
    ("compare", "6. compare the date with a year before"),
    ("load_json", "7. load JSON"),
    ("load_csv", "7. load CSV (person rows, like for like)"),
    ("load_archive", "7. load binary archive"),
    ("load_tables", "7. load the engine's tables"),
    ("save_archive", "7. save binary archive"),
    ("save_json", "7. save JSON"),
    ("build_bodies", "build a snapshot: bodies"),
    ("build_holders", "build a snapshot: holders"),
    ("build_line_management", "build a snapshot: line management"),
    ("build_seats", "build a snapshot: seats"),
    ("build_links", "build a snapshot: links"),
    ("build_influence", "build a snapshot: influence graph"),
    ("build_all", "build a snapshot: every part (prepare())"),
    ("memory", "8. memory, bytes per person: what answers"),
    ("memory_tree", "8. memory, bytes per person: the line-management tree"),
]
MEMORY = ("memory", "memory_tree")
BUILDS = tuple(q for q, _ in QUERIES if q.startswith("build_"))
TOOLS = ["model", "snapshot", "baseline", "sqlite", "networkx", "igraph", "kuzu", "duckdb"]
COMPARED = ["sqlite", "networkx", "igraph", "kuzu", "duckdb"]
TOOL_NAMES = {"model": "orgraph model", "snapshot": "snapshot", "baseline": "plain arrays",
              "sqlite": "SQLite", "networkx": "networkx", "igraph": "igraph", "kuzu": "Kuzu", "duckdb": "DuckDB"}
HOSTILE = [
    ("chain_build/snapshot", "1M chain: build the line-management part"),
    ("chain_last/snapshot", "1M chain: chain of the last person, snapshot"),
    ("chain_last/model", "1M chain: chain of the last person, model"),
    ("reports_first/snapshot", "1M chain: all reports of the first person, snapshot"),
    ("body_members/snapshot", "1M body: members, snapshot"),
    ("body_members/model", "1M body: members, model"),
    ("body_size/model", "1M body: membership_size, model"),
    ("body_validate/model", "1M body: validate"),
    ("body_dot/model", "1M body: dot"),
    ("body_compare/model", "1M body: compare two dates"),
]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$", " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def build(build_dir):
    run(["cmake", "--preset", "release", "-B", build_dir, "-DORGRAPH_BUILD_BENCHMARKS=ON",
         "-DORGRAPH_BUILD_EXAMPLES=OFF", "-DORGRAPH_BUILD_CLI=OFF", "-DORGRAPH_BUILD_TESTS=OFF"], cwd=ROOT)
    run(["cmake", "--build", build_dir, "-j2", "--target", "orgraph_bench", "orgraph_bench_data",
         "orgraph_bench_memory", "orgraph_bench_hostile"], cwd=ROOT)


def available_tools(wanted):
    """The compared tools that can run here; a message for each that cannot."""
    ok = []
    for tool in wanted:
        if tool in ("networkx", "igraph", "sqlite"):
            module = {"networkx": "networkx", "igraph": "igraph", "sqlite": "sqlite3"}[tool]
            if not os.path.exists(PYTHON) or subprocess.run([PYTHON, "-c", f"import {module}"],
                                                            capture_output=True).returncode != 0:
                log(f"skipping {tool}: {PYTHON} cannot import {module} (apt-get install python3-{module})")
                continue
        elif tool in ("kuzu", "duckdb"):
            package = {"kuzu": "kuzu", "duckdb": "@duckdb/node-api"}[tool]
            if shutil.which("node") is None:
                log(f"skipping {tool}: no node on the PATH")
                continue
            probe = subprocess.run(["node", "-e", f"require({package!r})"], cwd=HERE, capture_output=True)
            if probe.returncode != 0:
                log(f"skipping {tool}: node cannot load {package} (npm install in benchmarks/compare"
                    + (", then node node_modules/kuzu/install.js" if tool == "kuzu" else "") + ")")
                continue
        else:
            log(f"skipping {tool}: not a compared tool (one of {', '.join(COMPARED)})")
            continue
        ok.append(tool)
    return ok


def orgraph_results(path):
    """Google Benchmark JSON → {query: {tool: seconds}}: the median of repetitions when there are any."""
    with open(path) as f:
        doc = json.load(f)
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    plain, median, answers = {}, {}, {}
    for b in doc["benchmarks"]:
        name = b.get("run_name", b["name"])
        # CPU time: the machine is shared, and waiting for a core is not the query's cost.
        seconds = b["cpu_time"] * scale[b["time_unit"]]
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                median[name] = seconds
                if "answer" in b:
                    answers[name] = b["answer"]
        else:
            plain.setdefault(name, []).append(seconds)
            if "answer" in b:
                answers[name] = b["answer"]
    out, answer = {}, {}
    for name in set(plain) | set(median):
        parts = name.split("/")
        query, tool = parts[0], parts[1]
        if len(parts) > 2 and parts[2].isdigit():  # the hostile shapes: query/tool/size
            query = f"{parts[0]}/{parts[1]}"
            tool = parts[2]
        out.setdefault(query, {})[tool] = median.get(name, statistics.median(plain.get(name, [0])))
        if name in answers:
            answer.setdefault(query, {})[tool] = answers[name]
    return out, answer


def run_compared(tool, args, d):
    """One compared tool at one size: its JSON, or None (with a message) if it failed."""
    if tool in ("kuzu", "duckdb"):
        cmd = ["node", os.path.join(HERE, "engines.js"), tool, d, "--budget", str(args.budget)]
    else:
        cmd = [PYTHON, os.path.join(HERE, "tools.py"), tool, d, "--budget", str(args.budget)]
    log("$", " ".join(cmd))
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        log(f"{tool} failed (exit {r.returncode}); its column stays empty")
        return None
    return json.loads(r.stdout)


def measure_size(args, bench, persons, tools):
    d = os.path.join(args.data, str(persons))
    if not os.path.exists(os.path.join(d, "sample.txt")):
        t0 = time.time()
        run([os.path.join(bench, "orgraph_bench_data"), str(persons), str(args.seed), d])
        log(f"data for {persons} persons in {time.time() - t0:.0f} s")
    res = {"load": load_average()}
    out = os.path.join(d, "orgraph.json")
    r = subprocess.run([os.path.join(bench, "orgraph_bench"), f"--data={d}", "--benchmark_format=console",
                        f"--benchmark_out={out}", "--benchmark_out_format=json", "--benchmark_min_time=0.5",
                        "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"],
                       stdout=sys.stderr, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(r.stderr)
    res["checks"] = [line for line in r.stderr.splitlines() if line.startswith("check:")]
    times, answers = orgraph_results(out)
    mem = {}
    for fmt in ("archive", "json", "csv"):
        mem[fmt] = json.loads(run([os.path.join(bench, "orgraph_bench_memory"), d, fmt],
                                  capture_output=True, text=True).stdout)
    a = mem["archive"]
    times["memory"] = {"model": a["model_rss"] / persons, "snapshot": a["snapshot_rss"] / persons,
                       "baseline": a["baseline_bytes"] / persons}
    times["memory_tree"] = {"snapshot": a["tree_rss"] / persons, "baseline": a["baseline_line_bytes"] / persons}
    res["orgraph_memory"] = mem
    res["answers"] = {"orgraph": answers}
    res["versions"] = {}
    for tool in tools:
        r = run_compared(tool, args, d)
        if r is None:
            continue
        for query, v in r["results"].items():
            value = v["median"] / persons if query in MEMORY else v["median"]
            times.setdefault(query, {})[tool] = value
        res[tool] = r["results"]
        res["answers"][tool] = {q: v.get("answer") for q, v in r["results"].items()}
        if r.get("version"):
            res["versions"][tool] = r["version"]
    res["times"] = times
    res["load_after"] = load_average()
    return res


def measure_hostile(args, bench):
    out = os.path.join(args.data, "hostile.json")
    before = load_average()
    run([os.path.join(bench, "orgraph_bench_hostile"), f"--max={args.hostile_max}", "--benchmark_format=console",
         f"--benchmark_out={out}", "--benchmark_out_format=json", "--benchmark_min_time=0.5",
         "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"], stdout=sys.stderr)
    times, answers = orgraph_results(out)
    return {"times": times, "answers": answers, "load": before, "load_after": load_average()}


def compile_times(build_dir, runs=5):
    """Median CPU seconds to compile, at -O2, a TU asking one orgraph query and one using adjacency_list."""
    sources = {
        "orgraph": "#include <orgraph/orgraph.hpp>\n"
                   "int ask(const orgraph::model& m) {\n"
                   "  auto a = orgraph::line_manager(m, 0, orgraph::date::from_ymd(2024, 12, 31));\n"
                   "  return a && a->manager ? 1 : 0;\n}\n",
        "adjacency_list": "#include <boost/graph/adjacency_list.hpp>\n"
                          "using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;\n"
                          "int ask(const graph& g) { return static_cast<int>(in_degree(0, g)); }\n",
    }
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in sources.items():
            src = os.path.join(tmp, name + ".cpp")
            with open(src, "w") as f:
                f.write(text)
            times = []
            for _ in range(runs):
                t0 = os.times()
                subprocess.run(["g++", "-std=c++17", "-O2", "-c", src, "-o", os.path.join(tmp, name + ".o"),
                                "-I", os.path.join(ROOT, "include"), "-I", os.path.join(build_dir, "include"),
                                "-DORGRAPH_STATIC_DEFINE"], check=True)
                t1 = os.times()
                times.append(t1.children_user - t0.children_user + t1.children_system - t0.children_system)
            out[name] = {"median": statistics.median(times), "runs": times}
    out["ratio"] = out["orgraph"]["median"] / out["adjacency_list"]["median"]
    return out


# ---- reporting ---------------------------------------------------------------------------------

def fmt_time(s):
    if s is None:
        return "–"
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if s >= scale * 0.9995:  # 999.96 µs is written 1 ms, not 1e+03 µs
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.2g} ns"


def fmt_bytes(b):
    return "–" if b is None else f"{b:,.0f} B"


def fmt_ratio(r):
    if r is None:
        return "–"
    return f"{r:.2g}×" if r < 10 else f"{r:,.0f}×"


def ratio(a, b):
    return a / b if a and b else None


def best_orgraph(t, query):
    """orgraph's figure: the snapshot's where it has one, else the model's. For memory, the model's
    (a snapshot is built from it and kept beside it); for the tree, the snapshot's line part."""
    if query == "memory":
        return t.get("model")
    return t.get("snapshot") if t.get("snapshot") is not None else t.get("model")


def table(results):
    head = ("| query | persons | " + " | ".join(TOOL_NAMES[k] for k in TOOLS) + " | snapshot ÷ plain | "
            + " | ".join(f"{TOOL_NAMES[k]} ÷ orgraph" for k in COMPARED) + " |")
    lines = [head, "|" + "---|" * (2 + len(TOOLS) + 1 + len(COMPARED))]
    sizes = sorted(results["sizes"], key=int)
    for query, label in QUERIES:
        for n in sizes:
            t = results["sizes"][n]["times"].get(query)
            if not t or not any(t.get(k) is not None for k in TOOLS):
                continue
            f = fmt_bytes if query in MEMORY else fmt_time
            o = best_orgraph(t, query)
            cells = [label, f"{int(n):,}"] + [f(t.get(k)) for k in TOOLS]
            cells += [fmt_ratio(ratio(o, t.get("baseline")))]
            cells += [fmt_ratio(ratio(t.get(k), o)) for k in COMPARED]
            if query in BUILDS or query == "trivial":
                cells[-1 - len(COMPARED):] = ["–"] * (1 + len(COMPARED))
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def hostile_table(results):
    h = results.get("hostile")
    if not h:
        return "(not run)"
    sizes = sorted({int(k) for q in h["times"].values() for k in q}, key=int)
    head = "| shape and question | " + " | ".join(f"{n:,}" for n in sizes) + " | growth per ×10 (last step) | answer |"
    lines = [head, "|" + "---|" * (len(sizes) + 3)]
    for key, label in HOSTILE:
        t = h["times"].get(key)
        if not t:
            continue
        cells = [label] + [fmt_time(t.get(str(n))) for n in sizes]
        growth = ratio(t.get(str(sizes[-1])), t.get(str(sizes[-2]))) if len(sizes) > 1 else None
        cells.append(fmt_ratio(growth))
        cells.append(f"{h['answers'].get(key, {}).get(str(sizes[-1]), 0):,.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def memory_table(results):
    """Loading and memory of the model itself, from orgraph_bench_memory."""
    head = ("| persons | memory_bytes() per person | heap per person | resident per person | "
            "peak while loading JSON ÷ memory_bytes() | peak while loading the archive ÷ memory_bytes() | "
            "snapshot (every part) per person | line part (tree) per person |")
    lines = [head, "|" + "---|" * 8]
    for n in sorted(results["sizes"], key=int):
        mem = results["sizes"][n].get("orgraph_memory", {})
        a, j = mem.get("archive"), mem.get("json")
        if not a:
            continue
        p = int(n)
        lines.append(f"| {p:,} | {a['memory_bytes'] / p:,.0f} B | {a['model_heap'] / p:,.0f} B | "
                     f"{a['model_rss'] / p:,.0f} B | "
                     + (f"{j['load_peak_rss'] / j['memory_bytes']:.2f}×" if j else "–")
                     + f" | {a['load_peak_rss'] / a['memory_bytes']:.2f}× | {a['snapshot_heap'] / p:,.0f} B | "
                     f"{a['tree_heap'] / p:,.0f} B |")
    return "\n".join(lines)


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    skip = BUILDS[:-1]  # the parts have their own sum, build_all
    queries = [(q, l) for q, l in QUERIES
               if q not in skip and any(q in r["times"] for r in results["sizes"].values())]
    cols = 5
    rows = (len(queries) + cols) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.0 * cols, 3.2 * rows))
    styles = {"model": ("tab:blue", "o-"), "snapshot": ("tab:cyan", "s-"), "baseline": ("black", "^--"),
              "sqlite": ("tab:orange", "v-"), "networkx": ("tab:green", "D-"), "igraph": ("tab:red", "x-"),
              "kuzu": ("tab:purple", "P-"), "duckdb": ("tab:brown", "*-")}
    sizes = sorted(results["sizes"], key=int)
    for ax, (query, label) in zip(axes.flat, queries):
        for tool in TOOLS:
            pts = [(int(n), results["sizes"][n]["times"].get(query, {}).get(tool)) for n in sizes]
            pts = [(x, y) for x, y in pts if y]
            if pts:
                colour, style = styles[tool]
                ax.plot(*zip(*pts), style, color=colour, label=TOOL_NAMES[tool], markersize=4, linewidth=1.2)
        first = results["sizes"][sizes[0]]["times"].get(query, {})
        y0 = next((first[k] for k in ("model", "snapshot", "sqlite", "duckdb") if first.get(k)), None)
        if query not in MEMORY and query != "trivial" and y0:  # slope one: what linear growth looks like
            x0 = int(sizes[0])
            ax.plot([x0, int(sizes[-1])], [y0, y0 * int(sizes[-1]) / x0], ":", color="grey",
                    linewidth=0.8, label="linear growth (slope 1)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(label, fontsize=9)
        ax.set_xlabel("persons", fontsize=8)
        ax.set_ylabel("bytes per person" if query in MEMORY else "CPU seconds", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(True, which="major", linewidth=0.3)
    handles = {}
    for ax in axes.flat:
        for h, l in zip(*ax.get_legend_handles_labels()):
            handles.setdefault(l, h)
    for ax in list(axes.flat)[len(queries):]:
        ax.axis("off")
    spare = list(axes.flat)[len(queries):]
    if spare:
        spare[0].legend(handles.values(), handles.keys(), loc="center", fontsize=10, frameon=False)
    else:
        fig.legend(handles.values(), handles.keys(), loc="lower center", ncol=9, fontsize=9, frameon=False)
    fig.suptitle("orgraph against plain arrays, SQLite, networkx, igraph, Kuzu and DuckDB: "
                 "median CPU time of one question (log-log)", fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.98))
    fig.savefig(path, dpi=80)
    log("wrote", path)


def machine(results):
    def cpu():
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
        return platform.processor()

    def mem():
        with open("/proc/meminfo") as f:
            return f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB"

    def python_versions():
        code = ("import platform, sqlite3\nout = ['Python ' + platform.python_version(), 'SQLite ' + sqlite3.sqlite_version]\n"
                "for m in ('networkx', 'igraph'):\n    try:\n        out.append(m + ' ' + __import__(m).__version__)\n"
                "    except ImportError:\n        pass\nprint(', '.join(out))")
        r = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True)
        return r.stdout.strip() or "no Python"

    gxx = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else None
    versions = {}
    for r in results["sizes"].values():
        versions.update(r.get("versions", {}))
    loads = ", ".join(f"{int(n):,}: {r['load']:.1f} → {r['load_after']:.1f}" for n, r in
                      sorted(results["sizes"].items(), key=lambda kv: int(kv[0])))
    if results.get("hostile"):
        h = results["hostile"]
        loads += f"; hostile shapes: {h['load']:.1f} → {h['load_after']:.1f}"
    c = results.get("compile")
    engines = ", ".join(versions[k] for k in ("kuzu", "duckdb") if k in versions)
    rows = [
        ("date", results["date"]),
        ("CPU", f"{cpu()}, {os.cpu_count()} cores (nproc)"),
        ("memory", mem()),
        ("system", f"{platform.system()} {platform.release()}"),
        ("compiler", f"{gxx}, Release (-O3 -DNDEBUG)"),
        ("tools", python_versions() + (f"; node {node}: {engines}" if node and engines else "")),
        ("load average (1 min) before → after each size", loads),
    ]
    if c:
        rows.append(("compile time, g++ -O2 -c, CPU, median of 5",
                     f"`<orgraph/orgraph.hpp>` + one query {c['orgraph']['median']:.2f} s, "
                     f"`<boost/graph/adjacency_list.hpp>` {c['adjacency_list']['median']:.2f} s: {c['ratio']:.2f}×"))
    return "| | |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)


def checks(results):
    lines = []
    for n, r in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        c = r.get("checks", [])
        total = next((line for line in c if "in all" in line), "no check run")
        lines.append(f"- {int(n):,} persons: {total.replace('check: ', '')}")
    return "\n".join(lines)


def write_docs(results):
    path = os.path.join(ROOT, "docs", "performance.md")
    with open(path) as f:
        text = f.read()
    for name, body in (("machine", machine(results)), ("table", table(results)), ("hostile", hostile_table(results)),
                       ("memory", memory_table(results)), ("checks", checks(results))):
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin in text and end in text:
            a, b = text.index(begin) + len(begin), text.index(end)
            text = text[:a] + "\n" + body + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    log("wrote", path)


def save(results, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(results, f, indent=1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000,100000,1000000")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--build", default=os.path.join(ROOT, "build", "bench"))
    p.add_argument("--data", default=os.path.join(ROOT, "build", "bench-data"))
    p.add_argument("--budget", type=float, default=15.0, help="seconds a compared tool may spend on one query")
    p.add_argument("--tools", default=",".join(COMPARED), help="the compared tools to run (comma-separated)")
    p.add_argument("--hostile-max", type=int, default=1000000, help="largest hostile shape; 0 skips them")
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--only-report", action="store_true", help="redraw from results.json")
    p.add_argument("--no-docs", action="store_true", help="print the tables, write neither doc nor plot")
    args = p.parse_args()
    args.build, args.data = os.path.abspath(args.build), os.path.abspath(args.data)
    results_path = os.path.join(args.data, "results.json")
    if args.only_report:
        with open(results_path) as f:
            results = json.load(f)
    else:
        if not args.skip_build:
            build(args.build)
        bench = os.path.join(args.build, "benchmarks")
        tools = available_tools([t for t in args.tools.split(",") if t])
        results = {"date": datetime.date.today().isoformat(), "seed": args.seed, "sizes": {}, "tools": tools}
        for n in (int(s) for s in args.sizes.split(",")):
            log(f"==== {n:,} persons (load average {load_average():.1f})")
            results["sizes"][str(n)] = measure_size(args, bench, n, tools)
            save(results, results_path)
        if args.hostile_max > 0:
            log(f"==== hostile shapes (load average {load_average():.1f})")
            results["hostile"] = measure_hostile(args, bench)
            save(results, results_path)
        results["compile"] = compile_times(args.build)
        save(results, results_path)
    print(table(results))
    print()
    print(hostile_table(results))
    print()
    print(memory_table(results))
    if results.get("compile"):
        c = results["compile"]
        print(f"\ncompile: orgraph {c['orgraph']['median']:.2f} s, adjacency_list {c['adjacency_list']['median']:.2f} s,"
              f" ratio {c['ratio']:.2f}")
    if not args.no_docs:
        try:
            os.makedirs(os.path.join(ROOT, "docs", "images"), exist_ok=True)
            plot(results, os.path.join(ROOT, "docs", "images", "performance.png"))
        except ImportError:
            log("no matplotlib: the plot is not redrawn (apt-get install python3-matplotlib)")
        write_docs(results)


if __name__ == "__main__":
    main()
