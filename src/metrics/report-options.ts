/**
 * The metrics report's options (report-build.ts `buildMetricsReport`, report.ts
 * `buildMetrics`): their type, their strict check (unknown names and bad values are
 * UsageErrors) and what they ask for (the metrics to compute on a graph, whether the
 * graphology graph is needed, whether the knockout table is). Pure.
 */
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { GraphIndex } from '../model/graph-index.js';
import { metNeeds, requireSupplyChain } from '../model/supply-chain.js';
import { resolveBetweennessOptions, type BetweennessOptions } from './centrality/betweenness.js';
import { resolvePagerankOptions, type PagerankOptions } from './centrality/pagerank.js';
import { DEFAULT_METRICS, METRIC_NAMES, METRIC_NEEDS, type MetricName } from './report-types.js';

export interface MetricsOptions {
  /** The metrics to compute (default: all of METRIC_NAMES). */
  metrics?: readonly MetricName[];
  /** Betweenness: edge attribute read as a length; null/absent: hop counts. */
  weight?: string | null;
  /** Betweenness: estimate from this many pivot sources. */
  sample?: number;
  /** Betweenness: seed of the pivot choice (with `sample`). */
  seed?: number;
  /** Betweenness: divide by the number of pairs (default true). */
  normalized?: boolean;
  /** Betweenness: count path endpoints (default false). */
  endpoints?: boolean;
  /** Betweenness: read the graph as undirected, networkx's conventions (default false). */
  undirected?: boolean;
  /** PageRank: damping factor (default 0.85). */
  alpha?: number;
  /** PageRank: edge attribute read as a volume weight (default "flow"); null: unweighted. */
  pagerankWeight?: string | null;
  /** maxFlow, minCut, knockoutLoss: the flow's sources (node keys; default: nodes with no in-edge). */
  sources?: readonly string[];
  /** maxFlow, minCut, knockoutLoss: the flow's targets (default: nodes with no out-edge). */
  targets?: readonly string[];
  /** maxFlow, minCut, knockoutLoss: edge attribute read as capacity, missing = unlimited (default: capacity ?? flow). */
  capacity?: string;
}


const KNOWN_OPTIONS = new Set(['metrics', 'weight', 'sample', 'seed', 'normalized', 'endpoints', 'undirected', 'alpha', 'pagerankWeight', 'sources', 'targets', 'capacity']);

/** Checks a list of metric names; unknown names are a UsageError listing the valid ones. */
export function parseMetricNames(names: readonly string[]): MetricName[] {
  const unknown = names.filter((name) => !(METRIC_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown metric${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} (valid: ${METRIC_NAMES.join(', ')})`);
  if (names.length === 0) throw new UsageError(`name at least one metric (valid: ${METRIC_NAMES.join(', ')})`);
  return METRIC_NAMES.filter((name) => names.includes(name));
}

export function pagerankOptionsOf(options: MetricsOptions): PagerankOptions {
  return { ...(options.alpha !== undefined ? { alpha: options.alpha } : {}), ...(options.pagerankWeight !== undefined ? { weight: options.pagerankWeight } : {}) };
}

/**
 * The metrics to compute on `graph`: the named ones (each checked against what the graph
 * has: requireSupplyChain), or the defaults it supports, with a note on those left out.
 */
export function metricsFor(graph: SupplyGraph | GraphIndex, named: readonly MetricName[] | undefined, notes: string[]): Set<MetricName> {
  if (named !== undefined) {
    for (const name of named) requireSupplyChain(graph, `metric ${name}`, METRIC_NEEDS[name]);
    return new Set(named);
  }
  const met = metNeeds(graph);
  const metrics = DEFAULT_METRICS.filter((name) => METRIC_NEEDS[name].every((need) => met.has(need)));
  const left = DEFAULT_METRICS.filter((name) => !metrics.includes(name));
  if (left.length > 0) {
    const lacking = ['stage', 'country', 'flow'].filter((need) => !met.has(need as 'stage')).map((need) => (need === 'country' ? 'countries' : `${need}s`));
    notes.push(`not computed: ${left.join(', ')} (the graph has no ${lacking.join(', no ')}: supply-chain metrics need them)`);
  }
  return new Set(metrics);
}

export function resolveOptions(options: MetricsOptions): { metrics: Set<MetricName>; betweenness: BetweennessOptions } {
  if (typeof options !== 'object' || options === null) throw new UsageError('metrics: options must be an object');
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) throw new UsageError(`metrics: unknown option "${name}" (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
  if (options.metrics !== undefined && !Array.isArray(options.metrics)) throw new UsageError('metrics: `metrics` must be a list of metric names');
  const metrics = new Set(parseMetricNames(options.metrics ?? DEFAULT_METRICS));
  const between: BetweennessOptions = {};
  if (options.weight !== undefined) between.weight = options.weight;
  if (options.sample !== undefined) between.sample = options.sample;
  if (options.seed !== undefined) between.seed = options.seed;
  if (options.normalized !== undefined) between.normalized = options.normalized;
  if (options.endpoints !== undefined) between.endpoints = options.endpoints;
  if (options.undirected !== undefined) between.undirected = options.undirected;
  const given = Object.entries(between).filter(([, value]) => value !== undefined && value !== null);
  if (given.length > 0 && !metrics.has('betweenness')) {
    throw new UsageError(`metrics: ${given.map(([name]) => name).join(', ')} only apply to betweenness, which is not among the metrics asked for`);
  }
  resolveBetweennessOptions(between);
  resolvePagerankOptions(pagerankOptionsOf(options));
  return { metrics, betweenness: between };
}

/**
 * True when `buildMetrics` with `options` needs the graphology graph, not only the graph
 * index and attributes (MetricsSource): shadowPrice, or an edge attribute the index does
 * not carry (a betweenness `weight`, a `pagerankWeight` other than flow, a `capacity`).
 */
export function metricsNeedGraph(options: MetricsOptions = {}): boolean {
  const { metrics } = resolveOptions(options);
  const named = (value: string | null | undefined, carried: string | null = null) => value !== undefined && value !== null && value !== carried;
  return metrics.has('shadowPrice') || named(options.weight) || named(options.pagerankWeight, 'flow') || options.capacity !== undefined;
}

/** True when `buildMetrics(graph, options)` computes the knockout table (a caller may run it itself: PrecomputedMetrics). */
export function knockoutJob(options: MetricsOptions = {}): boolean {
  return resolveOptions(options).metrics.has('knockoutLoss');
}
