/**
 * Cytoscape.js JSON (`.cyjs`), as Cytoscape desktop imports it (File > Import > Network
 * from File) and `cytoscape({elements})` loads it:
 * `{format_version, generated_by, data: {graph attributes}, directed, multigraph,
 *   elements: {nodes: [{data: {id, name, ...}}], edges: [{data: {id, source, target, ...}}]}}`.
 * Every node also gets `name` (its label, else its key), the column Cytoscape desktop
 * shows as the node label, and `value` (its key), which networkx's `cytoscape_graph`
 * takes as the node (as its `cytoscape_data` writes it). Attributes whose names are
 * reserved in element data (`id`, `name` and `value` on nodes; `id`, `source`, `target`
 * on edges) are written with the suffix `_ref`:
 * an edge's citation `source` becomes `source_ref`. Values other than strings, numbers,
 * booleans and lists of those are written as JSON text (Cytoscape columns hold only
 * those). `directed` and `multigraph` are what networkx's `cytoscape_graph` reads.
 */
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { toScalar } from './attribute-types.js';
import { withMetrics } from './with-metrics.js';
import { unlimitedAsText } from '../model/schema.js';

export type CyValue = string | number | boolean | (string | number | boolean)[];
export type CyData = Record<string, CyValue>;

export interface CyjsDocument {
  format_version: '1.0';
  generated_by: 'chokepoint';
  target_cytoscapejs_version: string;
  data: CyData;
  directed: true;
  multigraph: false;
  elements: { nodes: { data: CyData }[]; edges: { data: CyData }[] };
}

const NODE_RESERVED: ReadonlySet<string> = new Set(['id', 'name', 'value']);
const EDGE_RESERVED: ReadonlySet<string> = new Set(['id', 'source', 'target']);

function cyValue(value: unknown): CyValue | undefined {
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    return value as (string | number | boolean)[];
  }
  return toScalar(value);
}

function cyData(attributes: Record<string, unknown>, reserved: ReadonlySet<string>): CyData {
  const out: CyData = {};
  for (const [name, value] of Object.entries(attributes)) {
    const v = cyValue(value);
    if (v !== undefined) out[reserved.has(name) ? `${name}_ref` : name] = v;
  }
  return out;
}

/** The graph (with the report's metrics as attributes, when given) as a Cytoscape.js document object. */
export function toCyjsDocument(graph: SupplyGraph, report?: MetricsReport): CyjsDocument {
  const g = withMetrics(graph, report);
  return {
    format_version: '1.0',
    generated_by: 'chokepoint',
    target_cytoscapejs_version: '~3.0',
    data: cyData(g.getAttributes(), new Set()),
    directed: true,
    multigraph: false,
    elements: {
      nodes: g.mapNodes((node, attributes) => ({ data: { id: node, value: node, name: attributes.label ?? node, ...cyData(attributes, NODE_RESERVED) } })),
      edges: g.mapEdges((edge, attributes, source, target) => ({ data: { id: edge, source, target, ...cyData(attributes, EDGE_RESERVED) } })),
    },
  };
}

/** `toCyjsDocument` as JSON text. */
export function toCyjs(graph: SupplyGraph, report?: MetricsReport): string {
  return `${JSON.stringify(toCyjsDocument(graph, report), unlimitedAsText, 2)}\n`;
}
