/**
 * Neo4j export: the graph as the CSV files of `neo4j-admin database import full`
 * (Neo4j 5) plus a Cypher script for the Graph Data Science library.
 *
 * - `nodes.csv`: `id:ID` (the node key), `:LABEL` (`Facility` and the stage as a label
 *   in PascalCase, `Facility;Mining`, `Facility;EndUse`), then one typed column per
 *   attribute and metric (`capacity:double`, `startYear:int`, `minCut:boolean`,
 *   `label:string`, ...). An attribute called `id` is written `id_ref`.
 * - `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (`SUPPLIES`), `key:string` (the
 *   edge key), then the typed attribute and metric columns (`flow:double`, ...).
 * - `import.sh`: the neo4j-admin command that loads both files.
 * - `gds.cypher`: projects the operating chain into GDS (edge capacity `capacity ??
 *   flow`, node capacity `capacity`, else unbounded), runs sampled betweenness
 *   (`samplingSize` 100) and maximum flow from the chain's sources to its sinks
 *   (`gds.maxFlow`, GDS 2.25+ for node capacities). GDS betweenness is not normalised:
 *   divide by (n-1)(n-2) to compare with chokepoint's `betweenness`.
 * Empty cells are absent properties (neo4j-admin's default); multi-line notes need the
 * `--multiline-fields=true` that import.sh passes. Pure; tested by headers and by reading
 * the files back (no Neo4j runs here).
 */
import { stringify } from 'csv-stringify/sync';
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import type { ValueType } from './attribute-types.js';
import { cellText, edgeTable, nodeTable } from './typed-tables.js';
import { withMetrics } from './with-metrics.js';

export interface ExportFile {
  name: string;
  content: string;
}

/** neo4j-admin's name of each value type. */
const NEO4J_TYPE: Record<ValueType, string> = { boolean: 'boolean', int: 'int', long: 'long', double: 'double', string: 'string' };

export const NEO4J_NODE_LABEL = 'Facility';
export const NEO4J_RELATIONSHIP_TYPE = 'SUPPLIES';

/** A stage as a Neo4j label: PascalCase letters and digits (`end-use` -> `EndUse`). */
export function stageLabel(stage: string): string {
  const words = stage.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const label = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
  return label === '' || /^\p{N}/u.test(label) ? `Stage${label}` : label;
}

const IMPORT_SH = `#!/bin/sh
# Loads nodes.csv and relationships.csv into a Neo4j 5 database (stop it first).
# Usage: sh import.sh [DATABASE]   (default: neo4j; the database is replaced)
set -e
cd "$(dirname "$0")"
neo4j-admin database import full --overwrite-destination --multiline-fields=true \\
  --nodes=nodes.csv --relationships=relationships.csv "\${1:-neo4j}"
`;

const GDS_CYPHER = `// chokepoint -> Neo4j Graph Data Science. Run after import.sh, in cypher-shell or Browser.
// The operating chain only (planned and prospective projects wait for scenarios, as in chokepoint).

// 1. Project: edge capacity = capacity ?? flow; node capacity = capacity, else unbounded.
MATCH (s:${NEO4J_NODE_LABEL})-[r:${NEO4J_RELATIONSHIP_TYPE}]->(t:${NEO4J_NODE_LABEL})
WHERE coalesce(s.status, 'operating') = 'operating' AND coalesce(t.status, 'operating') = 'operating'
WITH gds.graph.project('chokepoint', s, t, {
  sourceNodeProperties: { nodeCapacity: coalesce(s.capacity, 1.0e18) },
  targetNodeProperties: { nodeCapacity: coalesce(t.capacity, 1.0e18) },
  relationshipProperties: { capacity: coalesce(r.capacity, r.flow), flow: r.flow }
}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships;

// 2. Sampled betweenness (100 pivot sources). Scores are not normalised:
//    divide by (n-1)(n-2) to compare with chokepoint's betweenness.
CALL gds.betweenness.stream('chokepoint', { samplingSize: 100, samplingSeed: 1 })
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
ORDER BY score DESC LIMIT 25;

// 3. Maximum flow from every source (no in-edge) to every sink (no out-edge), as chokepoint's
//    maxFlow; nodeCapacityProperty needs GDS 2.25 or later.
MATCH (v:${NEO4J_NODE_LABEL}) WHERE coalesce(v.status, 'operating') = 'operating'
WITH v,
  COUNT { (u:${NEO4J_NODE_LABEL})-[:${NEO4J_RELATIONSHIP_TYPE}]->(v) WHERE coalesce(u.status, 'operating') = 'operating' } AS indegree,
  COUNT { (v)-[:${NEO4J_RELATIONSHIP_TYPE}]->(w:${NEO4J_NODE_LABEL}) WHERE coalesce(w.status, 'operating') = 'operating' } AS outdegree
WITH collect(CASE WHEN indegree = 0 AND outdegree > 0 THEN v END) AS sources,
     collect(CASE WHEN outdegree = 0 AND indegree > 0 THEN v END) AS sinks
CALL gds.maxFlow.stats('chokepoint', {
  sourceNodes: sources, targetNodes: sinks,
  capacityProperty: 'capacity', nodeCapacityProperty: 'nodeCapacity'
})
YIELD totalFlow
RETURN totalFlow;
`;

/** The files of a Neo4j export (see the module comment). */
export function toNeo4j(graph: SupplyGraph, report?: MetricsReport): ExportFile[] {
  const g = withMetrics(graph, report);
  const nodes = nodeTable(g, new Set(['id']));
  const edges = edgeTable(g, new Set(['key']));
  const nodeHeader = ['id:ID', ':LABEL', ...nodes.columns.map((c) => `${c.name}:${NEO4J_TYPE[c.type]}`)];
  const stageColumn = nodes.columns.findIndex((c) => c.attribute === 'stage');
  const nodeRows = nodes.rows.map((row) => {
    const stage = row.values[stageColumn];
    const labels = [NEO4J_NODE_LABEL, ...(typeof stage === 'string' ? [stageLabel(stage)] : [])].join(';');
    return [row.identity[0] as string, labels, ...row.values.map(cellText)];
  });
  const edgeHeader = [':START_ID', ':END_ID', ':TYPE', 'key:string', ...edges.columns.map((c) => `${c.name}:${NEO4J_TYPE[c.type]}`)];
  const edgeRows = edges.rows.map((row) => [row.identity[0] as string, row.identity[1] as string, NEO4J_RELATIONSHIP_TYPE, row.identity[2] as string, ...row.values.map(cellText)]);
  return [
    { name: 'nodes.csv', content: stringify([nodeHeader, ...nodeRows]) },
    { name: 'relationships.csv', content: stringify([edgeHeader, ...edgeRows]) },
    { name: 'import.sh', content: IMPORT_SH },
    { name: 'gds.cypher', content: GDS_CYPHER },
  ];
}
