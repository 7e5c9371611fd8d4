/**
 * Worker-thread entry for the parallel scenario evaluation (evaluate-parallel.ts): loads
 * the LP solver as soon as it starts, then waits for one message (`BaselineWorkerInput`):
 * the baseline's allocation LP, which it solves with `solveAllocationLp`, and, when asked,
 * the compact graph of the baseline, off whose maximum flow it reads the knockout
 * bottlenecks, the edge flows and the max flow into groups of sinks
 * (`baselineFlowFigures`, compact-flows.ts): the same functions the calling thread would
 * run on the same data, so the same numbers. It replies (../metrics/worker-pool.ts)
 * { type: 'done', result } (arrays copied: HiGHS's may be views of its WebAssembly
 * memory), then exits. It imports only the LP solve and the flow code.
 */
import { parentPort } from 'node:worker_threads';
import type { Objective } from '../allocation/allocation-lp.js';
import { loadSolver } from '../allocation/highs-adapter.js';
import { solveAllocationLp, type AllocationLpCore, type AllocationSolve } from '../allocation/solve-allocation.js';
import type { CompactGraph } from '../model/compact.js';
import { poolReply } from '../metrics/worker-pool.js';
import { baselineFlowFigures, type FlowFigures } from './compact-flows.js';

export interface BaselineWorkerInput {
  built: AllocationLpCore;
  objective: Objective;
  /** Read the `top` knockout bottlenecks, the edge flows and each group's max flow off this compact graph's maximum flow too. */
  flows?: { compact: CompactGraph; top: number; groups: string[][] };
}

export interface BaselineWorkerResult {
  solved: AllocationSolve;
  flows?: FlowFigures;
}

const port = parentPort;
if (port !== null) {
  const reply = poolReply<BaselineWorkerResult>(port);
  // The message waits in the port until the listener is attached, after the load.
  await loadSolver();
  port.once('message', (input: BaselineWorkerInput) => {
    const solved = solveAllocationLp(input.built, input.objective);
    const asked = input.flows;
    reply.done({ solved, ...(asked ? { flows: baselineFlowFigures(asked.compact, asked.top, asked.groups) } : {}) });
  });
}
