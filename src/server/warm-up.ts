/**
 * Warm-up at start (`chokepoint serve`): read the graph folder's listing, then evaluate, for
 * each listed graph small enough for the map (nodes x edges up to `WARM_UP_WORK`), its
 * baseline and one scenario (the country with the most nodes offline) on the compute pool,
 * one after another, the answers dropped. The worker that runs them keeps the graph, has
 * started the LP solver, holds the graph's prepared baseline (baseline-cache.ts) and has
 * compiled the scenario code paths, so the page's first scenario costs only its own side
 * (measured on the shipped dataset: a first scenario took about 150 ms on a cold worker,
 * 25-100 ms on a warm one).
 * Best effort: any error (a bad file, a busy pool, the server stopping) ends the warm-up
 * silently; requests report such errors themselves.
 */
import type { ComputePool } from './compute-pool.js';
import type { GraphJob } from './compute-jobs.js';
import type { GraphStore } from './graph-store.js';
import { scenarioWork } from './routes-graphs.js';
import type { SupplyGraph } from '../model/graph.js';

/** The country with the most nodes (first by code on ties), if any node has one. */
function largestCountry(graph: SupplyGraph): string | undefined {
  const count = new Map<string, number>();
  graph.forEachNode((_node, a) => {
    if (typeof a.country === 'string') count.set(a.country, (count.get(a.country) ?? 0) + 1);
  });
  return [...count].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/** Largest nodes x edges of a graph whose baseline is prepared at start. */
export const WARM_UP_WORK = 1_000_000;

export async function warmUp(store: GraphStore, pool: ComputePool, limits: { scenarioMs: number; answerBytes: number }): Promise<void> {
  for (const entry of await store.list()) {
    if (!('nodes' in entry) || entry.nodes * entry.edges > WARM_UP_WORK) continue;
    const { graph } = await store.load(entry.id);
    const largest = largestCountry(graph);
    const scenarios = [{ name: 'baseline', actions: [] }, ...(largest !== undefined ? [{ name: 'warm-up', actions: [{ type: 'disableCountry' as const, country: largest }] }] : [])];
    for (const scenario of scenarios) {
      const job: GraphJob = { type: 'scenario', scenario, options: {} };
      await pool.runJson(graph, job, { budgetMs: limits.scenarioMs, hint: 'warm-up', work: scenarioWork(graph, scenario.actions.length), answerBytes: limits.answerBytes, what: 'the warm-up' });
    }
  }
}
