/**
 * The metrics of the report computed the way they were before the report read one graph
 * index (issue 15): each on a graphology graph, by walking it (the code of the earlier
 * src/metrics files, kept here as an independent reference). report-index.test.ts checks
 * that the index-based report equals these, bit for bit.
 */
import { DirectedGraph } from 'graphology';
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { betweennessCsr, betweennessRecords, type BetweennessResult } from '../../src/metrics/centrality/betweenness.js';
import { buildCsr } from '../../src/metrics/centrality/csr.js';
import { knockoutOfSolved, type KnockoutResult } from '../../src/metrics/flow/knockout.js';
import { minimumCut, solveMaxFlow, type MinimumCut } from '../../src/metrics/flow/max-flow.js';
import { compactGraph } from '../../src/model/compact.js';
import { activeSubgraph, type SupplyGraph } from '../../src/model/graph.js';
import { stagesOf } from '../../src/model/stages.js';
import { topologicalOrder } from '../../src/model/topological-order.js';

const pagerankOf = pagerankModule.default as unknown as typeof pagerankModule.default.default;

export interface ReferenceMetrics {
  active: SupplyGraph;
  betweenness: BetweennessResult;
  throughput: Record<string, number>;
  flowShare: Record<string, number>;
  inDegree: Record<string, number>;
  outDegree: Record<string, number>;
  pagerank: Record<string, number>;
  closeness: Record<string, number>;
  weak: Record<string, number>;
  strong: Record<string, number>;
  origin: Record<string, { mining: Record<string, number>; separation: Record<string, number> }>;
  maxFlow: number;
  minCut: MinimumCut;
  knockout: KnockoutResult;
  stages: { stage: string; throughput: number; hhi: number | null; topCountry: string | null; topShare: number; shares: Record<string, number> }[];
  observed: number;
}

function throughput(graph: SupplyGraph): Record<string, number> {
  const result: Record<string, number> = {};
  graph.forEachNode((node) => {
    let inFlow = 0;
    let outFlow = 0;
    graph.forEachInEdge(node, (_e, a) => (inFlow += a.flow));
    graph.forEachOutEdge(node, (_e, a) => (outFlow += a.flow));
    result[node] = Math.max(inFlow, outFlow);
  });
  return result;
}

function flowShare(graph: SupplyGraph, values: Record<string, number>): Record<string, number> {
  const totals: Record<string, number> = {};
  graph.forEachNode((node, a) => (totals[a.stage] = (totals[a.stage] ?? 0) + (values[node] ?? 0)));
  const result: Record<string, number> = {};
  graph.forEachNode((node, a) => {
    const total = totals[a.stage] ?? 0;
    result[node] = total > 0 ? (values[node] ?? 0) / total : 0;
  });
  return result;
}

function pagerank(active: SupplyGraph): Record<string, number> {
  if (active.order === 0) return {};
  const weighted = new DirectedGraph<Record<string, never>, { w: number }>();
  active.forEachNode((node) => weighted.addNode(node));
  active.forEachEdge((_e, a, s, t) => {
    if (a.flow > 0) weighted.addEdge(s, t, { w: a.flow });
  });
  return pagerankOf(weighted, { getEdgeWeight: 'w', alpha: 0.85, maxIterations: 100, tolerance: 1e-6 });
}

function closeness(active: SupplyGraph): Record<string, number> {
  const nodes = active.nodes();
  const n = nodes.length;
  const result: Record<string, number> = {};
  for (const node of nodes) {
    const distance = new Map<string, number>([[node, 0]]);
    const queue = [node];
    let total = 0;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as string;
      for (const w of active.inNeighbors(v)) {
        if (distance.has(w)) continue;
        distance.set(w, (distance.get(v) as number) + 1);
        total += distance.get(w) as number;
        queue.push(w);
      }
    }
    const reached = queue.length;
    result[node] = total > 0 && n > 1 ? ((reached - 1) / total) * ((reached - 1) / (n - 1)) : 0;
  }
  return result;
}

/** Reachable sets by plain search; components numbered by first node in node order. */
function components(active: SupplyGraph): { weak: Record<string, number>; strong: Record<string, number> } {
  const reach = (start: string, next: (v: string) => string[]): Set<string> => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const w of next(stack.pop() as string)) {
        if (seen.has(w)) continue;
        seen.add(w);
        stack.push(w);
      }
    }
    return seen;
  };
  const number = (same: (node: string) => Set<string>): Record<string, number> => {
    const out: Record<string, number> = {};
    let count = 0;
    active.forEachNode((node) => {
      if (node in out) return;
      for (const member of same(node)) out[member] = count;
      count++;
    });
    return out;
  };
  const weak = number((node) => reach(node, (v) => active.neighbors(v)));
  const strong = number((node) => {
    const down = reach(node, (v) => active.outNeighbors(v));
    const up = reach(node, (v) => active.inNeighbors(v));
    return new Set([...down].filter((v) => up.has(v)));
  });
  return { weak, strong };
}

function trace(graph: SupplyGraph, seed: (node: string) => string | null): Record<string, Record<string, number>> {
  const order = topologicalOrder(graph);
  const index = new Map(order.map((node, i) => [node, i]));
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const seeds = order.map((node) => {
    const label = seed(node);
    if (label === null) return -1;
    if (!labelIndex.has(label)) {
      labelIndex.set(label, labels.length);
      labels.push(label);
    }
    return labelIndex.get(label) as number;
  });
  const width = labels.length;
  const mix = new Float64Array(order.length * width);
  seeds.forEach((label, i) => label >= 0 && (mix[i * width + label] = 1));
  const inputs = order.map((node, i) => {
    if ((seeds[i] as number) >= 0) return [];
    const edges = graph.mapInEdges(node, (_e, a, source) => ({ source: index.get(source) as number, flow: a.flow }));
    const total = edges.reduce((sum, e) => sum + e.flow, 0);
    return total > 0 ? edges.filter((e) => e.flow > 0).map((e) => ({ source: e.source, weight: e.flow / total })) : [];
  });
  const next = new Float64Array(width);
  for (let change = Infinity; change > 1e-12; ) {
    change = 0;
    for (let i = 0; i < order.length; i++) {
      const edges = inputs[i] as { source: number; weight: number }[];
      if (edges.length === 0) continue;
      next.fill(0);
      for (const { source, weight } of edges) for (let k = 0; k < width; k++) next[k] = (next[k] as number) + weight * (mix[source * width + k] as number);
      for (let k = 0; k < width; k++) {
        change = Math.max(change, Math.abs((next[k] as number) - (mix[i * width + k] as number)));
        mix[i * width + k] = next[k] as number;
      }
    }
  }
  const out: Record<string, Record<string, number>> = {};
  order.forEach((node, i) => {
    const shares: Record<string, number> = {};
    labels.forEach((label, k) => (mix[i * width + k] as number) > 0 && (shares[label] = mix[i * width + k] as number));
    out[node] = shares;
  });
  return out;
}

function stageConcentration(graph: SupplyGraph, active: SupplyGraph): ReferenceMetrics['stages'] {
  const values = throughput(active);
  const byStage = new Map<string, Map<string, number>>();
  active.forEachNode((node, a) => {
    const countries = byStage.get(a.stage) ?? new Map<string, number>();
    countries.set(a.country, (countries.get(a.country) ?? 0) + (values[node] ?? 0));
    byStage.set(a.stage, countries);
  });
  return stagesOf(graph.getAttributes()).map((stage) => {
    const countries = byStage.get(stage) ?? new Map<string, number>();
    let total = 0;
    for (const value of countries.values()) total += value;
    if (!(total > 0)) return { stage, throughput: total, hhi: null, topCountry: null, topShare: 0, shares: {} };
    const ranked = [...countries].map(([country, value]) => ({ country, share: value / total }));
    ranked.sort((a, b) => b.share - a.share || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
    const shares: Record<string, number> = {};
    let hhi = 0;
    for (const { country, share } of ranked) {
      shares[country] = share;
      hhi += share * share;
    }
    return { stage, throughput: total, hhi, topCountry: ranked[0]?.country ?? null, topShare: ranked[0]?.share ?? 0, shares };
  });
}

/** Every metric of the default report plus origin, closeness and components, the old way. */
export function referenceMetrics(graph: SupplyGraph): ReferenceMetrics {
  const active = activeSubgraph(graph);
  const csr = buildCsr(active);
  const flows = throughput(active);
  const inDegree: Record<string, number> = {};
  const outDegree: Record<string, number> = {};
  active.forEachNode((node) => ((inDegree[node] = active.inDegree(node)), (outDegree[node] = active.outDegree(node))));
  const byStage = (stage: string) => trace(active, (node) => (active.getNodeAttribute(node, 'stage') === stage ? active.getNodeAttribute(node, 'country') : null));
  const mining = byStage('mining');
  const separation = byStage('separation');
  const origin: ReferenceMetrics['origin'] = {};
  active.forEachNode((node) => (origin[node] = { mining: mining[node] ?? {}, separation: separation[node] ?? {} }));
  const solved = solveMaxFlow(compactGraph(active));
  let observed = 0;
  active.forEachNode((node) => {
    if (active.outDegree(node) > 0) return;
    active.forEachInEdge(node, (_e, a) => (observed += a.flow));
  });
  return {
    active,
    betweenness: betweennessRecords(csr, betweennessCsr(csr)),
    throughput: flows,
    flowShare: flowShare(active, flows),
    inDegree,
    outDegree,
    pagerank: pagerank(active),
    closeness: closeness(active),
    ...components(active),
    origin,
    maxFlow: solved.value,
    minCut: minimumCut(solved),
    knockout: knockoutOfSolved(solved),
    stages: stageConcentration(graph, active),
    observed,
  };
}
