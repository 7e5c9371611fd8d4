/**
 * Worker-thread entry for the parallel sweep (sweep-parallel.ts): loads the LP solver,
 * rebuilds the graph it is
 * given (graphology `import()`, the same node and edge order as the calling thread's) and
 * evaluates each action of its share alone with `sweepTotals`. Messages
 * (../metrics/worker-pool.ts): { type: 'progress', done } after each item, then
 * { type: 'done', result } with the delivered supply of each item under each bound (one
 * Float64Array per bound, their buffers transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSolver } from '../allocation/highs-adapter.js';
import { createSupplyGraph, type SupplyGraph } from '../model/graph.js';
import { poolReply } from '../metrics/worker-pool.js';
import type { Bound } from './evaluate.js';
import type { ScenarioAction } from './schema.js';
import { sweepTotals } from './sweep.js';
import type { Weight } from './value.js';

export interface SweepWorkerInput {
  /** graphology `export()` of the graph. */
  graph: ReturnType<SupplyGraph['export']>;
  actions: ScenarioAction[];
  weight: Weight;
}

/** Delivered supply of item k of the share under each bound: `result[bound][k]`. */
export type SweepWorkerResult = Record<Bound, Float64Array>;

const port = parentPort;
if (port !== null) {
  const input = workerData as SweepWorkerInput;
  const reply = poolReply<SweepWorkerResult>(port);
  await loadSolver();
  const graph = createSupplyGraph();
  graph.import(input.graph);
  let done = 0;
  const totals = sweepTotals(graph, input.actions, input.weight, () => reply.progress(++done));
  const result: SweepWorkerResult = {
    maxFlow: Float64Array.from(totals, (t) => t.maxFlow),
    allocation: Float64Array.from(totals, (t) => t.allocation),
    proportional: Float64Array.from(totals, (t) => t.proportional),
  };
  reply.done(result, [result.maxFlow.buffer as ArrayBuffer, result.allocation.buffer as ArrayBuffer, result.proportional.buffer as ArrayBuffer]);
}
