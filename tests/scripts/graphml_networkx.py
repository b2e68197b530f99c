"""Reads GraphML that `orgraph convert` wrote back with networkx, as an analyst would.

    graphml_networkx.py ORGRAPH MODEL OUT_DIR

Converts MODEL to GraphML twice, every node and relation, then only what is in force on a date, and
checks that networkx reads each file with as many nodes and edges as orgraph says it wrote (its
"Wrote ...: N nodes, M relations" line), with the attributes the docs promise. Prints "SKIPPED: ..." (which CTest reads as skipped) when networkx is not there.
"""
import re
import subprocess
import sys
from pathlib import Path

try:
    import networkx as nx
except ImportError:
    print("SKIPPED: python3 has no networkx (Debian: python3-networkx)")
    sys.exit(0)


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0 or done.stderr:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def read(path):
    # Two nodes may share several relations (a person who holds a post and sits for it): a multigraph.
    return nx.read_graphml(path, force_multigraph=True)


def main():
    orgraph, model, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)

    everything = out_dir / "everything.graphml"
    wrote = run(orgraph, "convert", model, str(everything))
    counts = re.search(r": (\d+) nodes, (\d+) relations$", wrote.strip())
    g = read(everything)
    expected = (int(counts.group(1)), int(counts.group(2)))
    if (g.number_of_nodes(), g.number_of_edges()) != expected:
        sys.exit(f"networkx read {g.number_of_nodes()} nodes and {g.number_of_edges()} edges, "
                 f"orgraph wrote {expected[0]} and {expected[1]}")
    kinds = {data["kind"] for _, data in g.nodes(data=True)}
    types = {data["type"] for _, _, data in g.edges(data=True)}
    for _, data in g.nodes(data=True):
        for key in ("orgraph_id", "kind", "name", "label", "start", "end", "labels"):
            if key not in data:
                sys.exit(f"a node has no '{key}': {data}")
    if not g.is_directed() or "person" not in kinds or "manages" not in types:
        sys.exit(f"unexpected graph: directed {g.is_directed()}, kinds {kinds}, types {types}")

    # On a date: only what is in force, fewer edges, and the date in the graph's attributes.
    dated = out_dir / "dated.graphml"
    wrote = run(orgraph, "convert", model, str(dated), "--on", "2009-10-26")
    counts = re.search(r": (\d+) nodes, (\d+) relations in force on 2009-10-26$", wrote.strip())
    d = read(dated)
    in_force = (int(counts.group(1)), int(counts.group(2)))
    if (d.number_of_nodes(), d.number_of_edges()) != in_force or d.graph.get("as_on") != "2009-10-26":
        sys.exit(f"networkx read {d.number_of_nodes()} nodes and {d.number_of_edges()} edges as on "
                 f"{d.graph.get('as_on')}, orgraph wrote {in_force[0]} and {in_force[1]} as on 2009-10-26")
    if not 0 < d.number_of_edges() < g.number_of_edges():
        sys.exit(f"the dated file has {d.number_of_edges()} edges of {g.number_of_edges()}")
    print(f"networkx read {expected[0]} nodes and {expected[1]} edges; on 2009-10-26, "
          f"{in_force[0]} nodes and {in_force[1]} edges")


main()
