/**
 * What a supply-chain analysis needs of a graph, checked in one place.
 *
 * A graph file need not say anything about supply chains: a node may lack `stage` and
 * `country`, an edge `flow` (a generic graph, e.g. one written by networkx). The graph
 * metrics (betweenness, PageRank, degree, closeness, components, max flow, min cut)
 * never read them. The supply-chain analyses do, and each calls `requireSupplyChain`
 * first with what it reads:
 * - stage: stage concentration and supplyRisk (per stage), scenario bounds, sweeps,
 *   timelines and ensembles (end uses, stage changes);
 * - country: concentration/HHI, supplyRisk, country knockout and shadow prices, every
 *   scenario (country actions, the country lens);
 * - flow: throughput, flowShare, concentration, observed supply, allocation and shadow
 *   prices, scenario bounds (the proportional bound splits by observed flow).
 * A graph missing one of them is refused with a UsageError naming the analysis, the
 * first node or edge without it and how many lack it, never answered with numbers.
 * Pure.
 */
import { UsageError } from './errors.js';
import type { SupplyGraph } from './graph.js';
import type { GraphIndex } from './graph-index.js';
import type { EdgeAttributes, NodeAttributes } from './schema.js';

/** The attributes an analysis reads. */
export type SupplyChainNeed = 'stage' | 'country' | 'flow';

/** The country of a node without one in CompactGraph/GraphIndex `country` (no ISO code is empty). */
export const NO_COUNTRY = '';

export const ALL_NEEDS: readonly SupplyChainNeed[] = ['stage', 'country', 'flow'];

/** True when the node has a stage (absent on a generic graph's nodes). */
export const hasStage = (attributes: NodeAttributes): boolean => (attributes as { stage?: string }).stage !== undefined;
/** True when the node has a country (absent on a generic graph's nodes). */
export const hasCountry = (attributes: NodeAttributes): boolean => (attributes as { country?: string }).country !== undefined;
/** True when the edge has an observed flow (absent on a generic graph's edges). */
export const hasFlow = (attributes: EdgeAttributes): boolean => (attributes as { flow?: number }).flow !== undefined;

const HOW: Record<SupplyChainNeed, string> = {
  stage: 'give every node a "stage" attribute (and the graph its stage list, import --stages, when it is not the default chain)',
  country: 'give every node a "country" attribute (ISO 3166-1 alpha-2, e.g. "CN")',
  flow: 'give every edge a "flow" attribute (the observed volume)',
};

/** The first element lacking `need` and how many lack it; null when none does. A graph index answers as the graph it was built from. */
export function missing(graph: SupplyGraph | GraphIndex, need: SupplyChainNeed): { element: string; count: number } | null {
  if (isIndex(graph)) return missingOfIndex(graph, need);
  let first: string | null = null;
  let count = 0;
  if (need === 'flow') {
    graph.forEachEdge((edge, attributes, source, target) => {
      if (hasFlow(attributes)) return;
      first ??= `edge "${source} -> ${target}"`;
      count++;
    });
  } else {
    const has = need === 'stage' ? hasStage : hasCountry;
    graph.forEachNode((node, attributes) => {
      if (has(attributes)) return;
      first ??= `node "${node}"`;
      count++;
    });
  }
  return first === null ? null : { element: first, count };
}

const isIndex = (graph: SupplyGraph | GraphIndex): graph is GraphIndex => (graph as GraphIndex).nodeStage instanceof Int32Array;

/** `missing` on a graph index: a stage or country id of -1, a NaN flow (the index's "absent"). */
function missingOfIndex(index: GraphIndex, need: SupplyChainNeed): { element: string; count: number } | null {
  let first = -1;
  let count = 0;
  if (need === 'flow') {
    for (let e = 0; e < index.m; e++) {
      if (!Number.isNaN(index.edgeFlow[e])) continue;
      if (first === -1) first = e;
      count++;
    }
    return first === -1 ? null : { element: `edge "${index.nodes[index.edgeSource[first] as number] as string} -> ${index.nodes[index.edgeTarget[first] as number] as string}"`, count };
  }
  const ids = need === 'stage' ? index.nodeStage : index.nodeCountry;
  for (let v = 0; v < index.n; v++) {
    if (ids[v] !== -1) continue;
    if (first === -1) first = v;
    count++;
  }
  return first === -1 ? null : { element: `node "${index.nodes[first] as string}"`, count };
}

/** The message for an analysis that lacks `need` (see requireSupplyChain). */
function message(what: string, need: SupplyChainNeed, gap: { element: string; count: number }): string {
  const plural = need === 'stage' ? 'stages' : need === 'country' ? 'countries' : 'flows';
  const others = gap.count > 1 ? ` (nor do ${gap.count - 1} other${gap.count > 2 ? 's' : ''})` : '';
  return `${what} needs ${plural}: ${gap.element} has no ${need}${others}; ${HOW[need]}`;
}

/**
 * Throws a UsageError when a node of `graph` lacks a stage or country, or an edge lacks a
 * flow, among `needs` (default: all three), naming `what` (the analysis: "scenario",
 * "concentration"): `scenario needs stages: node "x" has no stage (nor do 3 others); give
 * every node a "stage" attribute ...`. Returns the graph, for chaining. Every node counts,
 * whatever its status (a planned node may be switched on by a scenario).
 */
export function requireSupplyChain<G extends SupplyGraph | GraphIndex>(graph: G, what: string, needs: readonly SupplyChainNeed[] = ALL_NEEDS): G {
  for (const need of needs) {
    const gap = missing(graph, need);
    if (gap) throw new UsageError(message(what, need, gap));
  }
  return graph;
}

/** The needs among `needs` that every node or edge of `graph` meets. */
export function metNeeds(graph: SupplyGraph | GraphIndex, needs: readonly SupplyChainNeed[] = ALL_NEEDS): Set<SupplyChainNeed> {
  return new Set(needs.filter((need) => missing(graph, need) === null));
}
