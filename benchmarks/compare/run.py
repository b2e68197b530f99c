#!/usr/bin/python3
"""The full comparison (issue 7): generate the data once, run every tool at every size, print one
table, write docs/performance.md's generated sections and draw docs/images/performance.png.

    /usr/bin/python3 benchmarks/compare/run.py [--sizes 1000,10000,100000,1000000] [--seed 42]
        [--build build/bench] [--data build/bench-data] [--budget 15] [--skip-build] [--only-report]

Data folders are kept (build/bench-data/<persons>/) and only generated when missing; results go to
build/bench-data/results.json, which --only-report reads again to redraw the table and the plot.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PYTHON = "/usr/bin/python3"  # Debian's, which sees python3-networkx and python3-igraph

# (row, label) in table order.
QUERIES = [
    ("line_manager", "1. line manager"),
    ("manager_of", "1. line manager, person only (manager_of)"),
    ("management_chain", "2. management chain"),
    ("chain_of_persons", "2. chain of persons only (manager_of)"),
    ("all_reports_top", "3. all reports, top person"),
    ("all_reports_mid", "3. all reports, mid-level manager"),
    ("members", "4. members of a body"),
    ("influence_path", "5. shortest influence path"),
    ("independent_channels", "5. independent channels"),
    ("validate", "6. whole-model validation"),
    ("load_json", "7. load JSON"),
    ("load_csv", "7. load CSV (line management)"),
    ("load_archive", "7. load binary archive"),
    ("load_tables", "7. load tables (SQLite)"),
    ("save_archive", "7. save binary archive"),
    ("save_json", "7. save JSON"),
    ("chart_build", "build an org_chart"),
    ("network_build", "build an influence_network"),
    ("memory", "8. memory, bytes per person"),
]
TOOLS = ["model", "chart", "baseline", "sqlite", "networkx", "igraph"]
TOOL_NAMES = {"model": "orgraph model", "chart": "snapshot", "baseline": "plain arrays",
              "sqlite": "SQLite", "networkx": "networkx", "igraph": "igraph"}


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
         "-DORGRAPH_BUILD_EXAMPLES=OFF", "-DORGRAPH_BUILD_CLI=OFF"], cwd=ROOT)
    run(["cmake", "--build", build_dir, "-j2", "--target", "orgraph_bench", "orgraph_bench_data",
         "orgraph_bench_memory"], cwd=ROOT)


def orgraph_results(path):
    """Google Benchmark JSON → {query: {tool: seconds}}: the median of repetitions when there are any."""
    with open(path) as f:
        doc = json.load(f)
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    plain, median = {}, {}
    for b in doc["benchmarks"]:
        name = b.get("run_name", b["name"])
        # CPU time: the machine is shared, and waiting for a core is not the query's cost.
        seconds = b["cpu_time"] * scale[b["time_unit"]]
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                median[name] = seconds
        else:
            plain.setdefault(name, []).append(seconds)
    out = {}
    for name in set(plain) | set(median):
        query, tool = name.split("/")[:2]
        out.setdefault(query, {})[tool] = median.get(name, statistics.median(plain.get(name, [0])))
    return out


def measure_size(args, bench, persons):
    d = os.path.join(args.data, str(persons))
    if not os.path.exists(os.path.join(d, "sample.txt")):
        t0 = time.time()
        run([os.path.join(bench, "orgraph_bench_data"), str(persons), str(args.seed), d])
        log(f"data for {persons} persons in {time.time() - t0:.0f} s")
    res = {"load": load_average()}
    out = os.path.join(d, "orgraph.json")
    run([os.path.join(bench, "orgraph_bench"), f"--data={d}", "--benchmark_format=console",
         f"--benchmark_out={out}", "--benchmark_out_format=json", "--benchmark_min_time=0.5",
         "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"], stdout=sys.stderr)
    times = orgraph_results(out)
    mem = json.loads(run([os.path.join(bench, "orgraph_bench_memory"), d], capture_output=True, text=True).stdout)
    times["memory"] = {"model": mem["model_heap"] / persons, "chart": mem["chart_heap"] / persons,
                       "baseline": mem["baseline_bytes"] / persons}
    res["orgraph_memory"] = mem
    for tool in ("sqlite", "networkx", "igraph"):
        r = json.loads(run([PYTHON, os.path.join(ROOT, "benchmarks", "compare", "tools.py"), tool, d,
                            "--budget", str(args.budget)], capture_output=True, text=True).stdout)
        for query, v in r["results"].items():
            value = v["median"] / persons if query == "memory" else v["median"]
            times.setdefault(query, {})[tool] = value
        res[tool] = r["results"]
    res["times"] = times
    res["load_after"] = load_average()
    return res


def compile_times(build_dir, runs=5):
    """Median seconds to compile, at -O2, a TU asking one orgraph query and one using adjacency_list."""
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
                t0 = time.perf_counter()
                subprocess.run(["g++", "-std=c++17", "-O2", "-c", src, "-o", os.path.join(tmp, name + ".o"),
                                "-I", os.path.join(ROOT, "include"), "-I", os.path.join(build_dir, "include"),
                                "-DORGRAPH_STATIC_DEFINE"], check=True)
                times.append(time.perf_counter() - t0)
            out[name] = {"median": statistics.median(times), "runs": times}
    out["ratio"] = out["orgraph"]["median"] / out["adjacency_list"]["median"]
    return out


# ---- reporting ---------------------------------------------------------------------------------

def fmt_time(s):
    if s is None:
        return "–"
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.2g} ns"


def fmt_bytes(b):
    return "–" if b is None else f"{b:,.0f} B"


def fmt_ratio(r):
    if r is None:
        return "–"
    return f"{r:.2g}×" if r < 10 else f"{r:,.0f}×"


def best_orgraph(t, query):
    """orgraph's answer: a dated snapshot where it has one (org_chart for line management,
    influence_network for influence), else the model. For memory, the model: a snapshot is built
    from it and kept beside it."""
    if query == "memory":
        return t.get("model")
    return t.get("chart") if t.get("chart") is not None else t.get("model")


def table(results):
    head = ("| query | persons | orgraph model | org_chart | plain arrays | SQLite | networkx | igraph "
            "| orgraph ÷ plain | SQLite ÷ orgraph | networkx ÷ orgraph | igraph ÷ orgraph |")
    lines = [head, "|" + "---|" * 12]
    sizes = sorted(results["sizes"], key=int)
    for query, label in QUERIES:
        for n in sizes:
            t = results["sizes"][n]["times"].get(query)
            if not t:
                continue
            f = fmt_bytes if query == "memory" else fmt_time
            o = best_orgraph(t, query)
            ratio = lambda a, b: a / b if a and b else None  # noqa: E731
            cells = [label, f"{int(n):,}"] + [f(t.get(k)) for k in TOOLS]
            cells += [fmt_ratio(ratio(o, t.get("baseline"))), fmt_ratio(ratio(t.get("sqlite"), o)),
                      fmt_ratio(ratio(t.get("networkx"), o)), fmt_ratio(ratio(t.get("igraph"), o))]
            if query in ("chart_build", "network_build"):
                cells[-4:] = ["–"] * 4
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    queries = [(q, l) for q, l in QUERIES if any(q in r["times"] for r in results["sizes"].values())]
    cols = 4
    rows = (len(queries) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.3 * rows))
    styles = {"model": ("tab:blue", "o-"), "chart": ("tab:cyan", "s-"), "baseline": ("black", "^--"),
              "sqlite": ("tab:orange", "v-"), "networkx": ("tab:green", "D-"), "igraph": ("tab:red", "x-")}
    sizes = sorted(results["sizes"], key=int)
    for ax, (query, label) in zip(axes.flat, queries):
        for tool in TOOLS:
            pts = [(int(n), results["sizes"][n]["times"].get(query, {}).get(tool)) for n in sizes]
            pts = [(x, y) for x, y in pts if y]
            if pts:
                colour, style = styles[tool]
                ax.plot(*zip(*pts), style, color=colour, label=TOOL_NAMES[tool], markersize=4, linewidth=1.2)
        first = results["sizes"][sizes[0]]["times"].get(query, {})
        y0 = next((first[k] for k in ("model", "chart", "sqlite") if first.get(k)), None)
        if query != "memory" and y0:  # a line of slope one: what linear growth looks like
            x0 = int(sizes[0])
            ax.plot([x0, int(sizes[-1])], [y0, y0 * int(sizes[-1]) / x0], ":", color="grey",
                    linewidth=0.8, label="linear growth (slope 1)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(label, fontsize=10)
        ax.set_xlabel("persons", fontsize=8)
        ax.set_ylabel("bytes per person" if query == "memory" else "seconds", fontsize=8)
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
        fig.legend(handles.values(), handles.keys(), loc="lower center", ncol=7, fontsize=9, frameon=False)
    fig.suptitle("orgraph against plain arrays, SQLite, networkx and igraph: median time of one question (log-log)",
                 fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(path, dpi=90)
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

    gxx = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    import igraph, networkx, sqlite3  # noqa: E401
    loads = ", ".join(f"{int(n):,}: {r['load']:.1f} → {r['load_after']:.1f}" for n, r in
                      sorted(results["sizes"].items(), key=lambda kv: int(kv[0])))
    c = results.get("compile")
    rows = [
        ("date", results["date"]),
        ("CPU", f"{cpu()}, {os.cpu_count()} cores (nproc)"),
        ("memory", mem()),
        ("system", f"{platform.system()} {platform.release()}"),
        ("compiler", f"{gxx}, Release (-O3 -DNDEBUG)"),
        ("tools", f"Python {platform.python_version()}, networkx {networkx.__version__}, "
                  f"python-igraph {igraph.__version__}, SQLite {sqlite3.sqlite_version}"),
        ("load average (1 min) before → after each size", loads),
    ]
    if c:
        rows.append(("compile time, g++ -O2 -c, median of 5",
                     f"`<orgraph/orgraph.hpp>` + one query {c['orgraph']['median']:.2f} s, "
                     f"`<boost/graph/adjacency_list.hpp>` {c['adjacency_list']['median']:.2f} s: {c['ratio']:.2f}×"))
    return "| | |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)


def write_docs(results):
    path = os.path.join(ROOT, "docs", "performance.md")
    with open(path) as f:
        text = f.read()
    for name, body in (("machine", machine(results)), ("table", table(results))):
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin in text and end in text:
            a, b = text.index(begin) + len(begin), text.index(end)
            text = text[:a] + "\n" + body + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    log("wrote", path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000,100000,1000000")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--build", default=os.path.join(ROOT, "build", "bench"))
    p.add_argument("--data", default=os.path.join(ROOT, "build", "bench-data"))
    p.add_argument("--budget", type=float, default=15.0, help="seconds a Python tool may spend on one query")
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--only-report", action="store_true", help="redraw from results.json")
    p.add_argument("--no-docs", action="store_true", help="print the table, write neither doc nor plot")
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
        results = {"date": datetime.date.today().isoformat(), "seed": args.seed, "sizes": {}}
        for n in (int(s) for s in args.sizes.split(",")):
            log(f"==== {n:,} persons (load average {load_average():.1f})")
            results["sizes"][str(n)] = measure_size(args, bench, n)
            os.makedirs(args.data, exist_ok=True)
            with open(results_path, "w") as f:
                json.dump(results, f, indent=1)
        results["compile"] = compile_times(args.build)
        with open(results_path, "w") as f:
            json.dump(results, f, indent=1)
    print(table(results))
    if results.get("compile"):
        c = results["compile"]
        print(f"\ncompile: orgraph {c['orgraph']['median']:.2f} s, adjacency_list {c['adjacency_list']['median']:.2f} s,"
              f" ratio {c['ratio']:.2f}")
    if not args.no_docs:
        os.makedirs(os.path.join(ROOT, "docs", "images"), exist_ok=True)
        plot(results, os.path.join(ROOT, "docs", "images", "performance.png"))
        write_docs(results)


if __name__ == "__main__":
    main()
