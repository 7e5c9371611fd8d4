#!/usr/bin/python3
"""Cross-check chokepoint's exports with an independent reader: networkx.

Usage (Debian's python3-networkx; run `npm run build` first):
    /usr/bin/python3 scripts/crosscheck-exports.py [GRAPH_JSON] [--no-metrics]
    /usr/bin/python3 scripts/crosscheck-exports.py --fixtures

Default mode exports GRAPH_JSON (default graphs/rare-earths-2024.json) with the built CLI
in every format, reads each file back with networkx (read_gexf, read_graphml,
cytoscape_graph) or the csv module, and compares with the graph file as Python's json
module reads it: node and edge counts, stage, country, label, capacity, flow, material;
and the metric attributes across formats (gexf = graphml = cyjs = json = csv); igraph
reads the GraphML too, when installed.
Prints one line per format and exits 1 on any mismatch.

--fixtures writes tests/fixtures/import/networkx.graphml and networkx.gexf: a small
graph written by networkx (nx.write_graphml, nx.write_gexf), so the importer tests read
files from a producer other than chokepoint.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ["gexf", "graphml", "cyjs", "json"]
METRICS = ["betweenness", "throughput", "flowShare", "knockoutLoss", "minCut", "inDegree", "outDegree", "pagerank"]
EDGE_METRICS = ["betweenness", "minCut"]

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def export(graph_file, fmt, out, metrics, table=None):
    cmd = ["node", os.path.join(ROOT, "bin", "chokepoint.js"), "export", graph_file, "--format", fmt, "--out", out]
    if not metrics:
        cmd.append("--no-metrics")
    if table:
        cmd += ["--table", table]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def read(fmt, path):
    """The export as a networkx DiGraph (node ids and edge endpoints as strings)."""
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "graphml":
        return nx.read_graphml(path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if fmt == "cyjs":
        return nx.cytoscape_graph(data)  # the export writes `value`, as networkx wants
    g = nx.DiGraph()  # chokepoint graph JSON
    for node in data["nodes"]:
        g.add_node(str(node["key"]), **node.get("attributes", {}))
    for edge in data["edges"]:
        g.add_edge(str(edge["source"]), str(edge["target"]), **edge.get("attributes", {}))
    return g


def compare_graph(fmt, g, original):
    nodes = {str(n["key"]): n.get("attributes", {}) for n in original["nodes"]}
    edges = {(str(e["source"]), str(e["target"])): e.get("attributes", {}) for e in original.get("edges", [])}
    check(g.is_directed(), f"{fmt}: not directed")
    check(g.number_of_nodes() == len(nodes), f"{fmt}: {g.number_of_nodes()} nodes, expected {len(nodes)}")
    check(g.number_of_edges() == len(edges), f"{fmt}: {g.number_of_edges()} edges, expected {len(edges)}")
    checked = 0
    for key, attrs in nodes.items():
        if not check(key in g, f"{fmt}: node {key} missing"):
            continue
        data = g.nodes[key]
        for name in ["stage", "country", "capacity", "startYear", "status"]:
            expected = attrs.get(name, "operating" if name == "status" else None)
            check(same(data.get(name), expected), f"{fmt}: node {key} {name} = {data.get(name)!r}, expected {expected!r}")
            checked += 1
        label_field = "name" if fmt == "cyjs" else "label"
        expected_label = attrs.get("label", key) if fmt in ("gexf", "cyjs") else attrs.get("label")
        check(data.get(label_field) == expected_label, f"{fmt}: node {key} {label_field} = {data.get(label_field)!r}, expected {expected_label!r}")
        if fmt in ("gexf", "graphml") and attrs.get("capacity") is not None:
            check(isinstance(data.get("capacity"), float), f"{fmt}: node {key} capacity read as {type(data.get('capacity')).__name__}, not float")
    for (s, t), attrs in edges.items():
        if not check(g.has_edge(s, t), f"{fmt}: edge {s}->{t} missing"):
            continue
        data = g.edges[s, t]
        for name in ["flow", "capacity", "material"]:
            check(same(data.get(name), attrs.get(name)), f"{fmt}: edge {s}->{t} {name} = {data.get(name)!r}, expected {attrs.get(name)!r}")
            checked += 1
        if fmt == "gexf":
            check(same(data.get("weight"), attrs.get("flow")), f"gexf: edge {s}->{t} weight {data.get('weight')!r} != flow")
        citation = data.get("source_ref") if fmt == "cyjs" else data.get("source")
        if fmt != "cyjs" or attrs.get("source") is not None:
            check(citation == attrs.get("source"), f"{fmt}: edge {s}->{t} citation {citation!r}, expected {attrs.get('source')!r}")
    return checked


def metric_values(g):
    values = {}
    for key, data in g.nodes(data=True):
        for name in METRICS:
            if name in data:
                values[("node", key, name)] = data[name]
    for s, t, data in g.edges(data=True):
        for name in EDGE_METRICS:
            if name in data:
                values[("edge", (s, t), name)] = data[name]
    return values


def igraph_check(path, original):
    """A second GraphML reader: igraph (Debian python3-igraph), when installed."""
    try:
        import igraph
    except ImportError:
        print("igraph   not installed: skipped")
        return
    before = len(problems)
    g = igraph.Graph.Read_GraphML(path)
    check(g.is_directed(), "igraph: not directed")
    check(g.vcount() == len(original["nodes"]), f"igraph: {g.vcount()} vertices")
    check(g.ecount() == len(original.get("edges", [])), f"igraph: {g.ecount()} edges")
    stages = {str(n["key"]): n["attributes"]["stage"] for n in original["nodes"]}
    check(all(stages.get(v["id"]) == v["stage"] for v in g.vs), "igraph: stages differ")
    flows = {(str(e["source"]), str(e["target"])): e["attributes"]["flow"] for e in original.get("edges", [])}
    read = {(g.vs[e.source]["id"], g.vs[e.target]["id"]): e["flow"] for e in g.es}
    check(all(same(read.get(k), v) for k, v in flows.items()), "igraph: flows differ")
    status = "OK" if len(problems) == before else f"{len(problems) - before} problem(s)"
    print(f"igraph   graphml read by igraph {igraph.__version__}: {g.vcount()} vertices, {g.ecount()} edges, stages and flows checked: {status}")


def csv_tables(graph_file, tmp, metrics):
    rows = {}
    for table in ["nodes", "edges"]:
        path = os.path.join(tmp, f"{table}.csv")
        export(graph_file, "csv", path, metrics, table)
        with open(path, newline="", encoding="utf-8") as f:
            rows[table] = list(csv.DictReader(f))
    g = nx.DiGraph()
    for r in rows["nodes"]:
        g.add_node(r["key"], **{k: v for k, v in r.items() if v != ""})
    for r in rows["edges"]:
        g.add_edge(r["source"], r["target"], **{k: v for k, v in r.items() if v != "" and k not in ("source", "target")})
    return g


def crosscheck(graph_file, metrics):
    with open(graph_file, encoding="utf-8") as f:
        original = json.load(f)
    reference = None
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            path = os.path.join(tmp, f"graph.{fmt}")
            export(graph_file, fmt, path, metrics)
            before = len(problems)
            g = read(fmt, path)
            checked = compare_graph(fmt, g, original)
            values = metric_values(g)
            if metrics:
                check(len(values) > 0, f"{fmt}: no metric attributes")
                if fmt in ("gexf", "graphml"):  # typed formats: the declared types must come back
                    types = {"minCut": bool, "betweenness": float, "knockoutLoss": float, "throughput": float, "inDegree": int}
                    for (kind, element, name), v in values.items():
                        check(name not in types or type(v) is types[name], f"{fmt}: {kind} {element} {name} read as {type(v).__name__}")
                if reference is None:
                    reference = values
                else:
                    check(values.keys() == reference.keys(), f"{fmt}: metric attributes differ from {FORMATS[0]}'s: {sorted(values.keys() ^ reference.keys())[:5]}")
                    for k, v in values.items():
                        check(k not in reference or same(v, reference[k]), f"{fmt}: {k} = {v!r}, {FORMATS[0]} has {reference.get(k)!r}")
            status = "OK" if len(problems) == before else f"{len(problems) - before} problem(s)"
            print(f"{fmt:8} {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {checked} values and {len(values)} metric values checked: {status}")
        igraph_check(os.path.join(tmp, "graph.graphml"), original)
        g = csv_tables(graph_file, tmp, metrics)
        before = len(problems)
        check(g.number_of_nodes() == len(original["nodes"]), f"csv: {g.number_of_nodes()} node rows")
        check(g.number_of_edges() == len(original.get("edges", [])), f"csv: {g.number_of_edges()} edge rows")
        for (kind, element, name), expected in (reference or {}).items():
            text = (g.nodes[element] if kind == "node" else g.edges[element]).get(name)
            ok = text == str(expected).lower() if isinstance(expected, bool) else text is not None and same(float(text), float(expected))
            check(ok, f"csv: {kind} {element} {name} = {text!r}, expected {expected!r}")
        status = "OK" if len(problems) == before else f"{len(problems) - before} problem(s)"
        print(f"csv      {g.number_of_nodes()} node rows, {g.number_of_edges()} edge rows, {len(reference or {})} metric cells checked: {status}")


def write_fixtures():
    g = nx.DiGraph(name="written by networkx")
    g.add_node("cn-mine", label="China mines", stage="mining", country="CN", capacity=270000.0)
    g.add_node("cn-sep", stage="separation", country="CN", capacity=254000.5)
    g.add_node("jp-magnet", label="Japan magnets", stage="magnet", country="JP", startYear=2026, status="construction")
    g.add_edge("cn-mine", "cn-sep", flow=240000.0, material="mixed concentrate", source="USGS MCS 2025")
    g.add_edge("cn-sep", "jp-magnet", flow=9000.0, capacity=12000.0, material="NdPr oxide")
    out = os.path.join(ROOT, "tests", "fixtures", "import")
    nx.write_graphml(g, os.path.join(out, "networkx.graphml"))
    nx.write_gexf(g, os.path.join(out, "networkx.gexf"))
    print(f"wrote {out}/networkx.graphml and networkx.gexf (networkx {nx.__version__})")


def main(argv):
    if "--fixtures" in argv:
        write_fixtures()
        return 0
    args = [a for a in argv if not a.startswith("--")]
    graph_file = os.path.abspath(args[0] if args else os.path.join(ROOT, "graphs", "rare-earths-2024.json"))
    print(f"networkx {nx.__version__}; {os.path.relpath(graph_file, ROOT)}")
    crosscheck(graph_file, "--no-metrics" not in argv)
    for p in problems[:40]:
        print(f"  {p}")
    if len(problems) > 40:
        print(f"  ... and {len(problems) - 40} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
