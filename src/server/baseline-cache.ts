/**
 * The server's caches of what is derived from a loaded graph once and shared by every
 * request on it:
 * - the graph index and its operating part (model/graph-index.ts `indexGraph`,
 *   `operatingIndex`), read by every metrics report (`cachedIndexes`), built once per
 *   graph version, not per request;
 * - scenario baselines: the baseline side of `evaluateScenario` (max flow, the allocation
 *   LP, the proportional bound, bottlenecks, end uses served first, all on the graph with
 *   no action) computed once per graph and LP objective (`prepareBaseline`), so a
 *   scenario request computes only its scenario side.
 *
 * Keyed by the graph object (a WeakMap: a graph the store drops takes its caches with it;
 * the store loads a new graph object when its file changes, and a compute worker keeps
 * the graphs it was sent: compute-jobs.ts WorkerGraphs). Any change to a cached graph
 * through graphology (nodes, edges or attributes added, dropped or updated) drops what was
 * derived from it. A baseline that fails to compute is not cached: the evaluation then
 * runs without it and reports the error as it always did.
 */
import type { Objective } from '../allocation/allocation-lp.js';
import type { SupplyGraph } from '../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../model/graph-index.js';
import { prepareBaseline, type PreparedBaseline } from '../scenario/evaluate.js';

const CHANGES = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared', 'attributesUpdated', 'nodeAttributesUpdated', 'edgeAttributesUpdated', 'eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated'] as const;

/** The graph index of a graph and its operating part (report.ts PrecomputedMetrics takes both). */
export interface GraphIndexes {
  index: GraphIndex;
  active: GraphIndex;
}

interface Derived {
  baselines: Map<Objective, PreparedBaseline>;
  indexes?: GraphIndexes;
}

const cache = new WeakMap<SupplyGraph, Derived>();

/** How many indexes `cachedIndexes` has built in this thread (tests check that requests share them). */
export const indexBuilds = { count: 0 };

/** How many baselines `cachedBaseline` has prepared in this thread (tests check that a warmed one is reused). */
export const baselineBuilds = { count: 0 };

function derivedOf(graph: SupplyGraph): Derived {
  let derived = cache.get(graph);
  if (!derived) {
    const created: Derived = { baselines: new Map() };
    derived = created;
    cache.set(graph, created);
    const forget = () => {
      created.baselines.clear();
      delete created.indexes;
      cache.delete(graph);
      for (const event of CHANGES) graph.off(event, forget);
    };
    for (const event of CHANGES) graph.on(event, forget);
  }
  return derived;
}

/** The index of `graph` and its operating part, built on first use and kept until the graph changes. */
export function cachedIndexes(graph: SupplyGraph): GraphIndexes {
  const derived = derivedOf(graph);
  if (!derived.indexes) {
    const index = indexGraph(graph);
    derived.indexes = { index, active: operatingIndex(index) };
    indexBuilds.count++;
  }
  return derived.indexes;
}

/** The baseline of `graph` under `objective`, prepared on first use; undefined when it cannot be computed. */
export function cachedBaseline(graph: SupplyGraph, objective: Objective): PreparedBaseline | undefined {
  const { baselines } = derivedOf(graph);
  let baseline = baselines.get(objective);
  if (!baseline) {
    try {
      baselineBuilds.count++;
      baseline = prepareBaseline(graph, { objective });
    } catch {
      return undefined;
    }
    baselines.set(objective, baseline);
  }
  return baseline;
}
