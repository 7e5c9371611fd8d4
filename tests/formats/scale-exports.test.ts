/**
 * neo4j and graphframes exports: no Neo4j or Spark runs here, so the files are checked by
 * their headers (the column syntax each engine reads) and by reading them back the way
 * the engine would (typed columns, empty cell = absent) into the same graph and metrics.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/formats/bundle-formats.js';
import { toGraphFrames } from '../../src/formats/graphframes.js';
import { stageLabel, toNeo4j } from '../../src/formats/neo4j.js';
import { withMetrics } from '../../src/formats/with-metrics.js';
import { UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { sampleGraph, sampleReport } from './sample.js';

type Rows = string[][];
const table = (text: string): Rows => parse(text) as Rows;
const file = (files: { name: string; content: string }[], name: string): string => files.find((f) => f.name === name)?.content ?? '';

/** A cell read as its declared type; empty cells are absent (neo4j-admin's and Spark's default). */
function typed(cell: string, type: string): unknown {
  if (cell === '') return undefined;
  if (type === 'double' || type === 'int' || type === 'long' || type === 'DOUBLE' || type === 'INT' || type === 'BIGINT') return Number(cell);
  if (type === 'boolean' || type === 'BOOLEAN') return cell === 'true';
  return cell;
}

/** Attributes of an element from a typed row: columns `name:type` (neo4j) or a type map (Spark). */
function record(header: string[], row: string[], from: number, typeOf: (column: string) => [string, string]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.slice(from).forEach((column, i) => {
    const [name, type] = typeOf(column);
    const value = typed(row[from + i] as string, type);
    if (value !== undefined) out[name] = value;
  });
  return out;
}

/** What the exports should hold: the graph with the report's metrics, values as scalars. */
function expectedAttributes(graph: SupplyGraph) {
  const g = withMetrics(graph, sampleReport());
  const clean = (attributes: object) => Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))));
  return {
    nodes: Object.fromEntries(g.mapNodes((key, a) => [key, clean(a)])),
    edges: Object.fromEntries(g.mapEdges((key, a, source, target) => [key, { source, target, attributes: clean(a) }])),
  };
}

describe('toNeo4j', () => {
  const files = toNeo4j(sampleGraph(), sampleReport());

  it('writes the neo4j-admin import headers: id:ID, :LABEL, :START_ID, :END_ID, :TYPE and typed properties', () => {
    expect(files.map((f) => f.name)).toEqual(['nodes.csv', 'relationships.csv', 'import.sh', 'gds.cypher']);
    expect(table(file(files, 'nodes.csv'))[0]).toEqual([
      // attributes in order of first appearance (the first node carries the metrics)
      'id:ID', ':LABEL', 'label:string', 'stage:string', 'country:string', 'capacity:double', 'status:string', 'source:string', 'operator:string',
      'betweenness:double', 'throughput:double', 'flowShare:double', 'knockoutLoss:double', 'minCut:boolean', 'inDegree:int', 'outDegree:int',
      'confidence:string', 'notes:string', 'startYear:int',
    ]);
    expect(table(file(files, 'relationships.csv'))[0]).toEqual([':START_ID', ':END_ID', ':TYPE', 'key:string', 'flow:double', 'material:string', 'source:string', 'betweenness:double', 'minCut:boolean', 'capacity:double', 'share:double']);
    expect(table(file(files, 'nodes.csv'))[1]?.slice(0, 2)).toEqual(['cn-mine', 'Facility;Mining']);
    expect(file(files, 'import.sh')).toContain('neo4j-admin database import full --overwrite-destination --multiline-fields=true');
    expect(file(files, 'import.sh')).toContain('--nodes=nodes.csv --relationships=relationships.csv');
  });

  it('reads back into the same nodes, edges, attributes and metrics', () => {
    const expected = expectedAttributes(sampleGraph());
    const [nodeHeader, ...nodeRows] = table(file(files, 'nodes.csv')) as [string[], ...Rows];
    const split = (column: string) => column.split(':') as [string, string];
    const nodes = Object.fromEntries(nodeRows.map((row) => [row[0], record(nodeHeader, row, 2, split)]));
    expect(nodes).toEqual(expected.nodes);
    const [edgeHeader, ...edgeRows] = table(file(files, 'relationships.csv')) as [string[], ...Rows];
    const edges = Object.fromEntries(edgeRows.map((row) => [row[3], { source: row[0], target: row[1], attributes: record(edgeHeader, row, 4, split) }]));
    expect(edges).toEqual(expected.edges);
    expect(new Set(edgeRows.map((row) => row[2]))).toEqual(new Set(['SUPPLIES']));
  });

  it('projects capacity ?? flow and runs sampled betweenness and maxFlow in the GDS script', () => {
    const cypher = file(files, 'gds.cypher');
    expect(cypher).toContain("gds.graph.project('chokepoint'");
    expect(cypher).toContain('capacity: coalesce(r.capacity, r.flow)');
    expect(cypher).toContain('gds.betweenness.stream(\'chokepoint\', { samplingSize: 100');
    expect(cypher).toContain("gds.maxFlow.stats('chokepoint'");
  });

  it('names an attribute called id id_ref, and stages as labels', () => {
    const graph = sampleGraph();
    graph.setNodeAttribute('cn-mine', 'id', 'legacy-7');
    const header = table(file(toNeo4j(graph), 'nodes.csv'))[0] as string[];
    expect(header[0]).toBe('id:ID');
    expect(header).toContain('id_ref:string');
    expect(['end-use', 'mining', 'rare earth oxide', '2nd-stage'].map(stageLabel)).toEqual(['EndUse', 'Mining', 'RareEarthOxide', 'Stage2ndStage']);
  });
});

describe('toGraphFrames', () => {
  const files = toGraphFrames(sampleGraph(), sampleReport());

  it('writes vertices with id and edges with src and dst first, and a loader with the Spark schema', () => {
    expect(files.map((f) => f.name)).toEqual(['vertices.csv', 'edges.csv', 'load_graphframes.py']);
    expect(table(file(files, 'vertices.csv'))[0]?.[0]).toBe('id');
    expect(table(file(files, 'edges.csv'))[0]?.slice(0, 3)).toEqual(['src', 'dst', 'key']);
    const script = file(files, 'load_graphframes.py');
    expect(script).toContain('from graphframes import GraphFrame');
    expect(script).toContain('`id` STRING, `label` STRING, `stage` STRING, `country` STRING, `capacity` DOUBLE');
    expect(script).toContain('`src` STRING, `dst` STRING, `key` STRING, `flow` DOUBLE');
    expect(script).toContain('`minCut` BOOLEAN');
  });

  it('reads back into the same graph and metrics, with the types of the schema', () => {
    const expected = expectedAttributes(sampleGraph());
    const script = file(files, 'load_graphframes.py');
    const schemas = [...script.matchAll(/schema\("([^"]*)"\)/g)].map((m) => new Map((m[1] as string).split(', ').map((part) => part.replace(/`/g, '').split(' ') as [string, string])));
    const [vertexTypes, edgeTypes] = schemas as [Map<string, string>, Map<string, string>];
    const [vertexHeader, ...vertexRows] = table(file(files, 'vertices.csv')) as [string[], ...Rows];
    expect([...vertexTypes.keys()]).toEqual(vertexHeader);
    const byType = (types: Map<string, string>) => (column: string): [string, string] => [column, types.get(column) as string];
    expect(Object.fromEntries(vertexRows.map((row) => [row[0], record(vertexHeader, row, 1, byType(vertexTypes))]))).toEqual(expected.nodes);
    const [edgeHeader, ...edgeRows] = table(file(files, 'edges.csv')) as [string[], ...Rows];
    expect([...edgeTypes.keys()]).toEqual(edgeHeader);
    const edges = Object.fromEntries(edgeRows.map((row) => [row[2], { source: row[0], target: row[1], attributes: record(edgeHeader, row, 3, byType(edgeTypes)) }]));
    expect(edges).toEqual(expected.edges);
  });

  it('renames edge attributes called src or dst', () => {
    const graph = sampleGraph();
    graph.setEdgeAttribute('cn-japan', 'src', 'x');
    expect(table(file(toGraphFrames(graph), 'edges.csv'))[0]).toContain('src_ref');
  });
});

describe('exportBundle', () => {
  it('refuses an unknown folder format', () => {
    expect(() => exportBundle('parquet', sampleGraph())).toThrow(UsageError);
  });
});
