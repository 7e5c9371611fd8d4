/**
 * Warm-up at start (`chokepoint serve`): read the graph folder's listing, then evaluate the
 * baseline of each listed graph small enough for the map (nodes x edges up to
 * `WARM_UP_WORK`) on the compute pool, one after another, the answer dropped. The worker
 * that runs it keeps the graph, has started the LP solver and holds the graph's prepared
 * baseline (baseline-cache.ts), so the page's first scenario costs only its own side.
 * Best effort: any error (a bad file, a busy pool, the server stopping) ends the warm-up
 * silently; requests report such errors themselves.
 */
import type { ComputePool } from './compute-pool.js';
import type { GraphJob } from './compute-jobs.js';
import type { GraphStore } from './graph-store.js';
import { scenarioWork } from './routes-graphs.js';

/** Largest nodes x edges of a graph whose baseline is prepared at start. */
export const WARM_UP_WORK = 1_000_000;

export async function warmUp(store: GraphStore, pool: ComputePool, limits: { scenarioMs: number; answerBytes: number }): Promise<void> {
  for (const entry of await store.list()) {
    if (!('nodes' in entry) || entry.nodes * entry.edges > WARM_UP_WORK) continue;
    const { graph } = await store.load(entry.id);
    const job: GraphJob = { type: 'scenario', scenario: { name: 'baseline', actions: [] }, options: {} };
    await pool.runJson(graph, job, { budgetMs: limits.scenarioMs, hint: 'warm-up', work: scenarioWork(graph, 0), answerBytes: limits.answerBytes, what: 'the warm-up' });
  }
}
