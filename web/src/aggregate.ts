/**
 * The aggregated view of a big graph: one drawn node per (country, stage), flows summed,
 * so a 10,000-node graph draws as a few hundred nodes. Groups listed in `expanded`
 * (`stage:NAME` or `country:CC`) are drawn node by node. Pure.
 *
 * - group node: id `@CC/stage`, label `CC stage: n`, status operating when any member is;
 * - edge between two drawn nodes: flow = Σ member flows, capacity = Σ member capacities
 *   (capacity ?? flow), material = the members' one material or `mixed`; edges inside a
 *   group are not drawn (their flow stays in the group);
 * - a group's metrics: throughput and flowShare summed (a share of its stage), knockout
 *   loss, betweenness and shadow price the largest member's (a group's own knockout is not
 *   computed; the shadow price is its best node's, as for a country),
 *   minimum cut when any member is in it;
 * - scenario effects: a group is offline when all its members are, activated when any is;
 *   a drawn edge is cut when all its member edges are.
 */
import type { EdgeMetrics, MetricsReport, NodeMetrics } from '../../src/metrics/report-types.js';
import { edgeId, type GraphData, type ScenarioEffects } from './elements.js';

/** Above this many nodes the map opens in the aggregated view ('auto'). */
export const AGGREGATE_THRESHOLD = 400;

export interface Aggregation {
  graph: GraphData;
  report: MetricsReport;
  /** Drawn node id -> the graph's node keys it stands for. */
  members: Map<string, string[]>;
  /** Graph node key -> drawn node id. */
  drawnOf: Map<string, string>;
  /** Drawn edge id -> the graph's edge ids it stands for. */
  edgeMembers: Map<string, string[]>;
}

export const groupId = (country: string, stage: string) => `@${country}/${stage}`;

export function isGroup(id: string): boolean {
  return id.startsWith('@') && id.includes('/');
}

export function aggregate(graph: GraphData, report: MetricsReport, expanded: readonly string[]): Aggregation {
  const open = new Set(expanded);
  const members = new Map<string, string[]>();
  const drawnOf = new Map<string, string>();
  const nodesOut: GraphData['nodes'] = [];
  const groupNodes = new Map<string, GraphData['nodes'][number]>();
  for (const n of graph.nodes) {
    const { country, stage } = n.attributes;
    if (open.has(`stage:${stage}`) || open.has(`country:${country}`)) {
      drawnOf.set(n.key, n.key);
      members.set(n.key, [n.key]);
      nodesOut.push(n);
      continue;
    }
    const id = groupId(country, stage);
    drawnOf.set(n.key, id);
    const list = members.get(id);
    if (list) list.push(n.key);
    else members.set(id, [n.key]);
    const operating = (n.attributes.status ?? 'operating') === 'operating';
    const group = groupNodes.get(id);
    if (!group) {
      const node = { key: id, attributes: { stage, country, label: '', status: operating ? 'operating' : (n.attributes.status ?? 'operating'), aggregated: true } };
      groupNodes.set(id, node);
      nodesOut.push(node);
    } else if (operating) group.attributes.status = 'operating';
  }
  for (const [id, node] of groupNodes) node.attributes.label = `${node.attributes.country} ${node.attributes.stage}: ${members.get(id)?.length ?? 0}`;

  const edgesOut = new Map<string, GraphData['edges'][number]>();
  const edgeMembers = new Map<string, string[]>();
  for (const e of graph.edges) {
    const s = drawnOf.get(e.source);
    const t = drawnOf.get(e.target);
    if (s === undefined || t === undefined) continue;
    if (s === e.source && t === e.target) {
      const id = edgeId(e);
      edgesOut.set(id, e);
      edgeMembers.set(id, [id]);
      continue;
    }
    if (s === t) continue;
    const id = `${s}->${t}`;
    const capacity = e.attributes.capacity ?? e.attributes.flow;
    const existing = edgesOut.get(id);
    if (!existing) {
      edgesOut.set(id, { key: id, source: s, target: t, attributes: { flow: e.attributes.flow, capacity, ...(e.attributes.material !== undefined ? { material: e.attributes.material } : {}) } });
      edgeMembers.set(id, [edgeId(e)]);
    } else {
      existing.attributes.flow += e.attributes.flow;
      existing.attributes.capacity = (existing.attributes.capacity ?? 0) + capacity;
      if (existing.attributes.material !== e.attributes.material) existing.attributes.material = 'mixed';
      edgeMembers.get(id)?.push(edgeId(e));
    }
  }
  return {
    graph: { ...(graph.attributes ? { attributes: graph.attributes } : {}), nodes: nodesOut, edges: [...edgesOut.values()] },
    report: aggregateReport(report, members, edgeMembers, groupNodes),
    members,
    drawnOf,
    edgeMembers,
  };
}

function aggregateReport(report: MetricsReport, members: Map<string, string[]>, edgeMembers: Map<string, string[]>, groups: Map<string, GraphData['nodes'][number]>): MetricsReport {
  const byId = new Map(report.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(report.edges.map((e) => [e.id, e]));
  const sum = (list: (number | undefined)[]) => list.reduce<number>((t, v) => t + (v ?? 0), 0);
  const max = (list: (number | undefined)[]) => Math.max(0, ...list.map((v) => v ?? 0));
  const nodes: NodeMetrics[] = [];
  for (const [id, keys] of members) {
    const group = groups.get(id);
    if (!group) {
      const own = byId.get(id);
      if (own) nodes.push(own);
      continue;
    }
    const list = keys.map((k) => byId.get(k)).filter((n): n is NodeMetrics => n !== undefined);
    nodes.push({
      id,
      label: String(group.attributes.label),
      stage: group.attributes.stage,
      country: group.attributes.country,
      status: group.attributes.status ?? 'operating',
      throughput: sum(list.map((n) => n.throughput)),
      flowShare: sum(list.map((n) => n.flowShare)),
      // Only the metrics the report has (the knockout part comes when a view asks for it, page/knockout.ts).
      ...(list.some((n) => n.knockoutLoss !== undefined) ? { knockoutLoss: max(list.map((n) => n.knockoutLoss)) } : {}),
      ...(list.some((n) => n.betweenness !== undefined) ? { betweenness: max(list.map((n) => n.betweenness)) } : {}),
      ...(list.some((n) => n.shadowPrice !== undefined) ? { shadowPrice: max(list.map((n) => n.shadowPrice)) } : {}),
      minCut: list.some((n) => n.minCut === true),
    });
  }
  const edges: EdgeMetrics[] = [];
  for (const [id, ids] of edgeMembers) {
    const list = ids.map((e) => edgeById.get(e)).filter((e): e is EdgeMetrics => e !== undefined);
    const first = list[0];
    if (!first) continue;
    edges.push({ ...first, id, flow: sum(list.map((e) => e.flow)), capacity: sum(list.map((e) => e.capacity)), minCut: list.some((e) => e.minCut === true) });
  }
  return { ...report, nodes, edges };
}

/** A scenario's effects on the graph, read for the drawn (aggregated) elements. */
export function aggregateEffects(effects: ScenarioEffects, agg: Pick<Aggregation, 'members' | 'edgeMembers'>): ScenarioEffects {
  const disabled = new Set(effects.disabledNodes);
  const activated = new Set(effects.activatedNodes);
  const cut = new Set(effects.cutEdges);
  const drawnDisabled: string[] = [];
  const drawnActivated: string[] = [];
  for (const [id, keys] of agg.members) {
    if (keys.length > 0 && keys.every((k) => disabled.has(k))) drawnDisabled.push(id);
    if (keys.some((k) => activated.has(k))) drawnActivated.push(id);
  }
  const drawnCut: string[] = [];
  const edgeFlows: Record<string, number> = {};
  for (const [id, ids] of agg.edgeMembers) {
    if (ids.length > 0 && ids.every((e) => cut.has(e))) drawnCut.push(id);
    if (effects.edgeFlows) edgeFlows[id] = ids.reduce((t, e) => t + (effects.edgeFlows?.[e] ?? 0), 0);
  }
  return { disabledNodes: drawnDisabled.sort(), activatedNodes: drawnActivated.sort(), cutEdges: drawnCut.sort(), ...(effects.edgeFlows ? { edgeFlows } : {}) };
}
