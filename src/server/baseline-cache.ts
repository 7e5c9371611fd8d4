/**
 * The server's cache of scenario baselines: the baseline side of `evaluateScenario`
 * (max flow, the allocation LP, the proportional bound, bottlenecks, end uses served
 * first, all on the graph with no action) computed once per loaded graph and LP
 * objective (`prepareBaseline`), so a scenario request computes only its scenario side.
 *
 * Keyed by the graph object (a WeakMap: a graph the store drops takes its baselines with
 * it; the store loads a new graph object when its file changes). Any change to a cached
 * graph through graphology (nodes, edges or attributes added, dropped or updated) drops
 * its baselines. A baseline that fails to compute is not cached: the evaluation then runs
 * without it and reports the error as it always did.
 */
import type { Objective } from '../allocation/allocation-lp.js';
import type { SupplyGraph } from '../model/graph.js';
import { prepareBaseline, type PreparedBaseline } from '../scenario/evaluate.js';

const CHANGES = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared', 'attributesUpdated', 'nodeAttributesUpdated', 'edgeAttributesUpdated', 'eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated'] as const;

const cache = new WeakMap<SupplyGraph, Map<Objective, PreparedBaseline>>();

function entriesOf(graph: SupplyGraph): Map<Objective, PreparedBaseline> {
  let entries = cache.get(graph);
  if (!entries) {
    const created = new Map<Objective, PreparedBaseline>();
    entries = created;
    cache.set(graph, created);
    const forget = () => {
      created.clear();
      cache.delete(graph);
      for (const event of CHANGES) graph.off(event, forget);
    };
    for (const event of CHANGES) graph.on(event, forget);
  }
  return entries;
}

/** The baseline of `graph` under `objective`, prepared on first use; undefined when it cannot be computed. */
export function cachedBaseline(graph: SupplyGraph, objective: Objective): PreparedBaseline | undefined {
  const entries = entriesOf(graph);
  let baseline = entries.get(objective);
  if (!baseline) {
    try {
      baseline = prepareBaseline(graph, { objective });
    } catch {
      return undefined;
    }
    entries.set(objective, baseline);
  }
  return baseline;
}
