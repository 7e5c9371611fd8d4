/**
 * Worker-thread entry for the parallel scenario evaluation (evaluate-parallel.ts): loads
 * the LP solver as soon as it starts, then waits for one message (`BaselineWorkerInput`):
 * the baseline's allocation LP, which it solves with `solveAllocationLp`, and, when asked,
 * the compact graph of the baseline whose knockout bottlenecks it ranks with
 * `compactBottlenecks` (the same functions the calling thread would run on the same data,
 * so the same numbers). It replies (../metrics/worker-pool.ts) { type: 'done', result }
 * (arrays copied: HiGHS's may be views of its WebAssembly memory), then exits.
 */
import { parentPort } from 'node:worker_threads';
import type { Objective } from '../allocation/allocation-lp.js';
import { loadSolver } from '../allocation/highs-adapter.js';
import { solveAllocationLp, type AllocationLpCore, type AllocationSolve } from '../allocation/solve-allocation.js';
import type { CompactGraph } from '../model/compact.js';
import { poolReply } from '../metrics/worker-pool.js';
import { compactBottlenecks } from './bottlenecks.js';

export interface BaselineWorkerInput {
  built: AllocationLpCore;
  objective: Objective;
  /** Rank the `top` knockout bottlenecks of this compact graph too. */
  bottlenecks?: { compact: CompactGraph; top: number };
}

export interface BaselineWorkerResult {
  solved: AllocationSolve;
  bottlenecks?: [string, number][];
}

const port = parentPort;
if (port !== null) {
  const reply = poolReply<BaselineWorkerResult>(port);
  // The message waits in the port until the listener is attached, after the load.
  await loadSolver();
  port.once('message', (input: BaselineWorkerInput) => {
    const solved = solveAllocationLp(input.built, input.objective);
    const ranked = input.bottlenecks;
    reply.done({ solved, ...(ranked ? { bottlenecks: compactBottlenecks(ranked.compact, ranked.top) } : {}) });
  });
}
