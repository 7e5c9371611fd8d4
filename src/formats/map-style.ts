/**
 * Where the map puts each node and which colour it gives it, for the exports that carry
 * a drawing (GEXF `viz:position`/`viz:color`, GraphML `x`/`y`/`color` data keys): one
 * function so both formats agree with each other and with the map.
 *
 * Position: the stage-column layout (`stage-layout.ts`) when every node has a stage.
 * On a generic graph (a node without a stage) the column is the node's depth instead:
 * the fewest edges from a node with no in-edge (breadth-first from all of them at
 * once; a node no such node reaches, inside a cycle, is put in column 0), so the graph
 * still reads left to right. y grows downwards (screen coordinates: yEd, Cytoscape);
 * GEXF flips it. Colour: the node's country colour (`palette.ts`); none for a node without
 * a country. Pure.
 */
import type { SupplyGraph } from '../model/graph.js';
import { stagesOf } from '../model/stages.js';
import { countryColors } from './palette.js';
import { countryOrder, stageLayout, type LayoutNode } from './stage-layout.js';

export interface StyleNode {
  id: string;
  stage?: string | undefined;
  country?: string | undefined;
  label: string;
}

export interface NodeStyle {
  x: number;
  y: number;
  /** `#rrggbb`; absent for a node without a country. */
  color?: string;
}

/** Fewest edges from a node with no in-edge, per node (0 when none reaches it). */
function depths(nodes: readonly StyleNode[], edges: readonly { source: string; target: string }[]): Map<string, number> {
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const inDegree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  for (const { source, target } of edges) {
    out.get(source)?.push(target);
    inDegree.set(target, (inDegree.get(target) ?? 0) + 1);
  }
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => inDegree.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    for (const next of out.get(id) ?? []) {
      if (depth.has(next)) continue;
      depth.set(next, (depth.get(id) ?? 0) + 1);
      queue.push(next);
    }
  }
  for (const n of nodes) if (!depth.has(n.id)) depth.set(n.id, 0);
  return depth;
}

/** Node id -> position and colour (see the header). */
export function mapStyles(nodes: readonly StyleNode[], edges: readonly { source: string; target: string }[], stages: readonly string[]): Record<string, NodeStyle> {
  const staged = nodes.every((n) => n.stage !== undefined);
  const column = staged ? null : depths(nodes, edges);
  const layoutNodes: LayoutNode[] = nodes.map((n) => ({
    id: n.id,
    stage: n.stage ?? '',
    country: n.country ?? '',
    label: n.label,
    ...(column ? { column: column.get(n.id) as number } : {}),
  }));
  const positions = stageLayout(layoutNodes, stages);
  const colors = countryColors(countryOrder(layoutNodes).filter((code) => code !== ''));
  const styles: Record<string, NodeStyle> = {};
  for (const n of nodes) {
    const p = positions[n.id] ?? { x: 0, y: 0 };
    const color = n.country === undefined ? undefined : colors[n.country];
    styles[n.id] = { x: p.x, y: p.y, ...(color ? { color } : {}) };
  }
  return styles;
}

/** mapStyles of a graph's nodes (the exports' call). */
export function graphStyles(graph: SupplyGraph): Record<string, NodeStyle> {
  const nodes = graph.mapNodes((id, a): StyleNode => ({ id, stage: a.stage, country: a.country, label: typeof a.label === 'string' ? a.label : id }));
  const edges = graph.mapEdges((_edge, _a, source, target) => ({ source, target }));
  return mapStyles(nodes, edges, stagesOf(graph.getAttributes()));
}
