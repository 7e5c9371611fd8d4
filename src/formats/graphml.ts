/**
 * GraphML (http://graphml.graphdrawing.org/), as Gephi, Cytoscape desktop, yEd, networkx
 * and igraph read it. Written by hand because graphology-graphml only parses: one
 * `<key id for attr.name attr.type>` per attribute name and element kind (types from
 * `attribute-types.ts`: string, int, long, double, boolean), `edgedefault="directed"`,
 * values XML-escaped; an attribute missing on an element is simply omitted. Graph
 * attributes that are not scalars (`stages`, `countries`) are written as JSON text and
 * parsed back on import. Every node gets a `label` (its key when it has none) and every
 * edge a `weight` equal to its `flow`, as in the GEXF export (Gephi, yEd and networkx
 * users expect them); on import a label equal to the key and a weight equal to the flow
 * are dropped again. Every node also gets the map's drawing as plain data keys, as yEd
 * and Cytoscape read them: `x`, `y` (screen coordinates, y down) and `color` (`#rrggbb`,
 * its country's colour; none without a country), from `map-style.ts` (the positions
 * and colours of the GEXF export); on import, `x`, `y` and `color` equal to what the
 * export writes for that graph are dropped. Edges keep their keys as GraphML edge ids.
 * Read back with our own reader (`graphml-read.ts`, `fromGraphml`).
 */
import type { SupplyGraph } from '../model/graph.js';
import type { ParseResult } from '../model/parse-graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { attributeType, scalarText, toScalar, type Scalar, type ValueType } from './attribute-types.js';
import { readGraphmlDocument } from './graphml-read.js';
import { importPlainGraph, type ImportOptions, type PlainGraph } from './imported-graph.js';
import { withMetrics } from './with-metrics.js';
import { graphStyles, mapStyles, type NodeStyle } from './map-style.js';
import { DEFAULT_STAGES } from '../model/stages.js';
import { escapeXml, parseXmlDocument } from './xml-document.js';

type Kind = 'graph' | 'node' | 'edge';

interface Key {
  id: string;
  name: string;
  type: ValueType;
}

/** Scalar attributes of each element, in graph order. */
type Rows = Map<string, Scalar>[];

function scalarRow(attributes: Record<string, unknown>): Map<string, Scalar> {
  const row = new Map<string, Scalar>();
  for (const [name, value] of Object.entries(attributes)) {
    const scalar = toScalar(value);
    if (scalar !== undefined) row.set(name, scalar);
  }
  return row;
}

/** One key per attribute name, in order of first appearance, typed from all its values. */
function collectKeys(kind: Kind, prefix: string, rows: Rows): Key[] {
  const values = new Map<string, Scalar[]>();
  for (const row of rows) {
    for (const [name, value] of row) {
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    }
  }
  return [...values].map(([name, list], i) => ({ id: `${prefix}${i}`, name, type: attributeType(kind, name, list) }));
}

function dataLines(keys: Key[], row: Map<string, Scalar>, indent: string): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = row.get(key.name);
    if (value !== undefined) lines.push(`${indent}<data key="${key.id}">${escapeXml(scalarText(value))}</data>`);
  }
  return lines;
}

function keyLine(kind: Kind, key: Key): string {
  return `  <key id="${key.id}" for="${kind}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`;
}

/** The graph (with the report's metrics as attributes, when given) as a GraphML document. */
export function toGraphml(graph: SupplyGraph, report?: MetricsReport): string {
  const g = withMetrics(graph, report);
  const graphRow = scalarRow(g.getAttributes());
  const nodeIds = g.nodes();
  // Every node has a `label` (its key when it has none) and every edge a `weight` (its
  // flow), the columns Gephi, yEd and Cytoscape show and weigh by, as in the GEXF export.
  const styles = graphStyles(graph);
  const nodeRows = g.mapNodes((node, attributes) => scalarRow({ label: node, ...attributes, ...styles[node] }));
  const edges = g.mapEdges((edge, attributes, source, target) => ({ edge, source, target, row: scalarRow({ ...attributes, weight: attributes.flow }) }));
  const graphKeys = collectKeys('graph', 'g', [graphRow]);
  const nodeKeys = collectKeys('node', 'n', nodeRows);
  const edgeKeys = collectKeys('edge', 'e', edges.map((e) => e.row));

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphKeys.map((k) => keyLine('graph', k)),
    ...nodeKeys.map((k) => keyLine('node', k)),
    ...edgeKeys.map((k) => keyLine('edge', k)),
    '  <graph edgedefault="directed">',
    ...dataLines(graphKeys, graphRow, '    '),
  ];
  nodeIds.forEach((node, i) => {
    const data = dataLines(nodeKeys, nodeRows[i] ?? new Map(), '      ');
    const open = `    <node id="${escapeXml(node)}"`;
    lines.push(...(data.length === 0 ? [`${open}/>`] : [`${open}>`, ...data, '    </node>']));
  });
  for (const e of edges) {
    const data = dataLines(edgeKeys, e.row, '      ');
    const open = `    <edge id="${escapeXml(e.edge)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"`;
    lines.push(...(data.length === 0 ? [`${open}/>`] : [`${open}>`, ...data, '    </edge>']));
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * Reads a GraphML document (from chokepoint, Gephi, Cytoscape, yEd, networkx) into a
 * validated SupplyGraph. Throws InputError naming `file` for malformed XML, undirected
 * edges, missing required attributes and every element-level problem.
 */
export function fromGraphml(text: string, file: string, options: ImportOptions = {}): ParseResult {
  const doc = parseXmlDocument(text, file, 'graphml');
  const plain = readGraphmlDocument(doc, file);
  const styles = exportedStyles(plain);
  return importPlainGraph(
    plain,
    file,
    {
      format: 'GraphML',
      // What the export adds is dropped again: a label equal to the key, a weight equal to
      // the flow, the map's x, y and colour.
      node: (key, attributes) => {
        const style = styles[key];
        if (style && attributes.x === style.x && attributes.y === style.y && attributes.color === style.color) {
          delete attributes.x;
          delete attributes.y;
          delete attributes.color;
        }
        if (attributes.label === key) delete attributes.label;
      },
      edge: (attributes) => {
        if (attributes.weight === attributes.flow) delete attributes.weight;
      },
    },
    options,
  );
}

/** The map styles `toGraphml` would write for a graph read from GraphML (before validation). */
function exportedStyles(plain: PlainGraph): Record<string, NodeStyle> {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  let stages: readonly string[] = DEFAULT_STAGES;
  const listed: unknown = plain.attributes.stages;
  try {
    const parsed: unknown = typeof listed === 'string' ? JSON.parse(listed) : listed;
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((s) => typeof s === 'string')) stages = parsed as string[];
  } catch {
    // not a stage list: parseGraph reports it
  }
  const nodes = plain.nodes.map(({ key, attributes: a }) => ({ id: key, stage: text(a.stage), country: text(a.country), label: text(a.label) ?? key }));
  return mapStyles(nodes, plain.edges, stages);
}
