#!/usr/bin/python3
"""Benchmark job, the reference side: load a chokepoint graph JSON, compute exact directed
node betweenness with igraph (C core, single thread), write {node: value} JSON, normalised
as networkx does (divided by (n - 1)(n - 2)). Run with Debian's python3-igraph:
    /usr/bin/python3 scripts/bench/igraph-betweenness.py GRAPH.json OUT.json
"""
import json
import sys

import igraph


def main(graph_file, out_file):
    with open(graph_file) as f:
        data = json.load(f)
    keys = [str(node["key"]) for node in data["nodes"]]
    index = {key: i for i, key in enumerate(keys)}
    edges = [(index[str(e["source"])], index[str(e["target"])]) for e in data.get("edges", [])]
    g = igraph.Graph(n=len(keys), edges=edges, directed=True)
    values = g.betweenness(directed=True)
    n = len(keys)
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1
    with open(out_file, "w") as f:
        json.dump({key: value * scale for key, value in zip(keys, values)}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
