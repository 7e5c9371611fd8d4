/**
 * The scenario sweep (sweep.ts) on worker threads. Each item's delivered supply is a
 * scenario evaluated alone on the graph, independent of the other items, so the items are
 * dealt to T threads (item i to thread i mod T, interleaved so cheap and costly items
 * spread evenly: ../metrics/worker-pool.ts, the pool the knockout table and betweenness
 * use), each thread rebuilds the graph (graphology `import()`: same node and edge order,
 * so the same floating-point sums) and evaluates its share with `sweepTotals`, and the
 * results are put back in item order before `finishSweep` ranks them. The result equals
 * `sweepScenarios` exactly, rows in the same order, whatever T
 * (tests/scenario/sweep-parallel.test.ts). Sweeps whose work (items x (nodes + edges))
 * is below PARALLEL_MIN_WORK, or threads: 1, run in the calling thread. This file and sweep-worker.ts are the only
 * scenario files that touch Node APIs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSolver } from '../allocation/highs-adapter.js';
import type { SupplyGraph } from '../model/graph.js';
import { gatherInterleaved, interleave, runPool, threadCount } from '../metrics/worker-pool.js';
import type { Bound } from './evaluate.js';
import { finishSweep, planSweep, sweepTotals, type SweepOptions, type SweepResult } from './sweep.js';
import type { SweepWorkerInput, SweepWorkerResult } from './sweep-worker.js';

/**
 * Least work, items x (nodes + edges), worth worker threads. A worker costs about a second
 * of a core before its first item (loading the evaluation code and the LP solver,
 * rebuilding the graph and its baseline), and an item costs roughly 0.07 ms per node and
 * edge (measured on the shipped dataset, 156 nodes and 280 edges: about 30 ms an item, CPU
 * time, on a shared machine); 100,000 is about 7 s of one core, several times a worker's
 * start. So the shipped dataset's sweeps (20 countries: 8,720; 84 nodes: 36,624) run in
 * the calling thread, where two threads took more CPU and no less time, and a sweep of a
 * graph of thousands of nodes goes to threads.
 */
export const PARALLEL_MIN_WORK = 100_000;

export type SpawnSweepWorker = (input: SweepWorkerInput) => Worker;

export interface SweepParallelOptions extends SweepOptions {
  /** Worker threads (default: available parallelism, at most 16). */
  threads?: number;
  /** Least work, items x (nodes + edges), worth threads (default PARALLEL_MIN_WORK). */
  minWork?: number;
  /** How workers are started (tests run the TypeScript source). */
  spawn?: SpawnSweepWorker;
}

const WORKER_URL = new URL('./sweep-worker.js', import.meta.url);

/** The compiled worker next to this file (dist/scenario/sweep-worker.js). */
const spawnCompiled: SpawnSweepWorker = (input) => {
  if (!existsSync(fileURLToPath(WORKER_URL))) throw new Error(`the sweep worker ${fileURLToPath(WORKER_URL)} is missing: run \`npm run build\` (or use --threads 1)`);
  return new Worker(WORKER_URL, { workerData: input });
};

/** sweepScenarios (sweep.ts) with the items split over worker threads; the same result. */
export async function sweepScenariosParallel(graph: SupplyGraph, options: SweepParallelOptions = {}): Promise<SweepResult> {
  const { threads, minWork = PARALLEL_MIN_WORK, spawn = spawnCompiled, ...sweep } = options;
  const requested = threadCount(threads, 'sweep');
  // The plan solves the baseline's LP in this thread (and the items too without threads).
  await loadSolver();
  const plan = planSweep(graph, sweep);
  const count = Math.min(requested, plan.items.length);
  const actions = plan.items.map((item) => item.action);
  if (count <= 1 || plan.items.length * (graph.order + graph.size) < minWork) {
    let done = 0;
    return finishSweep(plan, sweepTotals(graph, actions, plan.weight, () => sweep.onProgress?.(++done, actions.length)));
  }
  const shares = interleave(actions, count);
  const data = graph.export();
  const total = plan.items.length;
  const parts = await runPool<SweepWorkerResult>({
    name: 'sweep',
    workers: count,
    total,
    onProgress: sweep.onProgress,
    start: (t) => spawn({ graph: data, actions: shares[t] ?? [], weight: plan.weight }),
  });
  const column = (bound: Bound) =>
    gatherInterleaved(
      parts.map((part) => part[bound]),
      total,
    );
  const maxFlow = column('maxFlow');
  const allocation = column('allocation');
  const proportional = column('proportional');
  const scenarios = plan.items.map((_item, i) => ({ maxFlow: maxFlow[i] as number, allocation: allocation[i] as number, proportional: proportional[i] as number }));
  sweep.onProgress?.(total, total);
  return finishSweep(plan, scenarios);
}
