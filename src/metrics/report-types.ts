/**
 * The metrics report: the stable JSON shape of `chokepoint metrics` and of the server's
 * metrics endpoint. Users and tests depend on these names; add fields, never rename.
 */

export const METRIC_NAMES = ['betweenness', 'throughput', 'flowShare', 'knockoutLoss', 'minCut', 'concentration', 'supplyRisk', 'degree', 'pagerank', 'shadowPrice', 'origin', 'closeness', 'components'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Metrics computed only when named: shadowPrice (an LP), origin (a table per node), closeness and components. */
export const NAMED_ONLY_METRICS: readonly MetricName[] = ['shadowPrice', 'origin', 'closeness', 'components'];

/**
 * The metrics computed when none are named: all but NAMED_ONLY_METRICS. On a graph that
 * lacks stages, countries or flows (a generic graph) only those whose needs it meets
 * (METRIC_NEEDS, model/supply-chain.ts).
 */
export const DEFAULT_METRICS: readonly MetricName[] = METRIC_NAMES.filter((name) => !NAMED_ONLY_METRICS.includes(name));

/**
 * What each metric reads besides the graph's structure and capacities: the supply-chain
 * attributes a generic graph may lack. A metric named for a graph without them is a
 * UsageError (requireSupplyChain); the others run on any graph.
 */
export const METRIC_NEEDS: Readonly<Record<MetricName, readonly ('stage' | 'country' | 'flow')[]>> = {
  betweenness: [],
  throughput: ['flow'],
  flowShare: ['stage', 'flow'],
  knockoutLoss: [],
  minCut: [],
  concentration: ['stage', 'country', 'flow'],
  supplyRisk: ['stage', 'country', 'flow'],
  degree: [],
  pagerank: [],
  shadowPrice: ['country', 'flow'],
  origin: ['stage', 'country', 'flow'],
  closeness: [],
  components: [],
};

export interface NodeMetrics {
  id: string;
  label: string;
  /** Absent on a generic graph (no stage / country attributes). */
  stage?: string;
  country?: string;
  status: string;
  /** Normalised shortest-path betweenness (networkx `betweenness_centrality`, normalized=True). */
  betweenness?: number;
  /** max(in-flow, out-flow), t/yr. */
  throughput?: number;
  /** throughput / total throughput of the node's stage. */
  flowShare?: number;
  /** (maxFlow(G) - maxFlow(G - v)) / maxFlow(G). */
  knockoutLoss?: number;
  /** The node's capacity is part of the reported minimum cut. */
  minCut?: boolean;
  inDegree?: number;
  outDegree?: number;
  pagerank?: number;
  /** networkx `closeness_centrality` (incoming hop distances, Wasserman-Faust correction). */
  closeness?: number;
  /** Number of the node's weakly / strongly connected component (numbered by first node; absent for inactive nodes). */
  weakComponent?: number;
  strongComponent?: number;
  /**
   * Shadow price of the node's capacity in the allocation LP with sinks taking up to their
   * `demand` (unlimited without one): delivered t/yr gained per extra t/yr of capacity; 0
   * for a node without a finite capacity.
   */
  shadowPrice?: number;
  /**
   * Origin of the node's supply (`metrics/flow/origin.ts`): country -> share mined there
   * and country -> share separated there, by proportional propagation of the baseline
   * flows; shares sum to at most 1 (the rest is untraced).
   */
  origin?: { mining: Record<string, number>; separation: Record<string, number> };
}

export interface EdgeMetrics {
  id: string;
  source: string;
  target: string;
  material?: string;
  /** Normalised edge betweenness (networkx `edge_betweenness_centrality`, normalized=True). */
  betweenness?: number;
  /** Observed flow; absent on a generic graph. */
  flow?: number;
  /** The capacity used by flow analyses: `capacity` when given, else `flow`. */
  capacity: number;
  minCut?: boolean;
}

export interface StageConcentration {
  stage: string;
  /** Herfindahl-Hirschman index of country shares of the stage's throughput, 0..1; null when the stage's throughput is 0 (undefined). */
  hhi: number | null;
  topCountry: string | null;
  topShare: number;
  /** Country code -> share of the stage's throughput. */
  shares: Record<string, number>;
  /** Governance-weighted HHI (EU criticality method), when the country table has governance scores. */
  supplyRisk?: number | null;
  throughput: number;
}

export interface CountryMetrics {
  country: string;
  name: string;
  /** Loss of maxFlow when all of the country's nodes are removed. */
  knockoutLoss?: number;
  /** Sum of the throughput of the country's nodes. */
  throughput?: number;
  /** Largest shadowPrice of the country's nodes (where one more tonne of capacity helps most). */
  shadowPrice?: number;
  /** The node with that price (null when none of its nodes has a finite capacity). */
  shadowPriceNode?: string | null;
}

export interface MetricsReport {
  graph: { name: string; nodes: number; edges: number; unit: string; year?: number };
  nodes: NodeMetrics[];
  edges: EdgeMetrics[];
  stages: StageConcentration[];
  countries: CountryMetrics[];
  supply: {
    /** Most flow that can reach the sinks (edge capacity = capacity ?? flow). */
    maxFlow?: number;
    /** Total flow on edges into sinks; absent when the edges have no flows (a generic graph). */
    observed?: number;
  };
  /** Which metrics were computed. */
  metrics: MetricName[];
}
