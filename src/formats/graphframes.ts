/**
 * GraphFrames (Apache Spark) export: `vertices.csv` with the column `id` (the node key)
 * and `edges.csv` with `src` and `dst` (GraphFrames' required columns) and `key` (the
 * edge key), each followed by one column per attribute and metric; and
 * `load_graphframes.py`, which reads both with an explicit Spark schema (types from
 * attribute-types.ts: STRING, INT, BIGINT, DOUBLE, BOOLEAN, so nothing is left to
 * inference) and builds the GraphFrame. An attribute named `id` (vertices) or `src`,
 * `dst`, `key` (edges) is written with the suffix `_ref`. Empty cells are nulls.
 * CSV, not Parquet: see docs/scale.md. Pure; tested by headers and by reading the files
 * back (no Spark runs here).
 */
import { stringify } from 'csv-stringify/sync';
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import type { ValueType } from './attribute-types.js';
import type { ExportFile } from './neo4j.js';
import { cellText, edgeTable, nodeTable, type TypedColumn } from './typed-tables.js';
import { withMetrics } from './with-metrics.js';

/** Spark SQL's name of each value type. */
export const SPARK_TYPE: Record<ValueType, string> = { boolean: 'BOOLEAN', int: 'INT', long: 'BIGINT', double: 'DOUBLE', string: 'STRING' };

/** A Spark DDL schema string: identity columns as STRING, then the typed columns. */
export function sparkSchema(identity: readonly string[], columns: readonly TypedColumn[]): string {
  return [...identity.map((name) => `\`${name}\` STRING`), ...columns.map((c) => `\`${c.name.replace(/`/g, '``')}\` ${SPARK_TYPE[c.type]}`)].join(', ');
}

const pyString = (text: string): string => JSON.stringify(text);

/** The files of a GraphFrames export (see the module comment). */
export function toGraphFrames(graph: SupplyGraph, report?: MetricsReport): ExportFile[] {
  const g = withMetrics(graph, report);
  const vertices = nodeTable(g, new Set(['id']));
  const edges = edgeTable(g, new Set(['src', 'dst', 'key']));
  const vertexRows = vertices.rows.map((row) => [row.identity[0] as string, ...row.values.map(cellText)]);
  const edgeRows = edges.rows.map((row) => [...row.identity, ...row.values.map(cellText)]);
  const script = `# Builds a GraphFrame from vertices.csv and edges.csv (chokepoint export --format graphframes).
# Run with pyspark and the graphframes package, e.g.
#   pyspark --packages graphframes:graphframes:<version>  then  exec(open("load_graphframes.py").read())
import os
from graphframes import GraphFrame

here = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else "."
options = {"header": True, "multiLine": True, "escape": '"'}
vertices = spark.read.options(**options).schema(${pyString(sparkSchema(['id'], vertices.columns))}).csv(os.path.join(here, "vertices.csv"))
edges = spark.read.options(**options).schema(${pyString(sparkSchema(['src', 'dst', 'key'], edges.columns))}).csv(os.path.join(here, "edges.csv"))
g = GraphFrame(vertices, edges)
print(g.vertices.count(), "vertices,", g.edges.count(), "edges")
`;
  return [
    { name: 'vertices.csv', content: stringify([['id', ...vertices.columns.map((c) => c.name)], ...vertexRows]) },
    { name: 'edges.csv', content: stringify([['src', 'dst', 'key', ...edges.columns.map((c) => c.name)], ...edgeRows]) },
    { name: 'load_graphframes.py', content: script },
  ];
}
