/**
 * Worker-thread entry for the parallel knockout table (knockout-parallel.ts): solves the
 * maximum flow of the compact graph it is given (the same deterministic solution as the
 * main thread's) and computes the loss of each group of its share with `groupLosses`.
 * Messages (../worker-pool.ts): { type: 'progress', done } every 64 groups, then
 * { type: 'done', result } with the losses (a Float64Array, its buffer transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { poolReply } from '../worker-pool.js';
import type { CompactGraph } from '../../model/compact.js';
import { groupLosses, type KnockoutMethod } from './knockout.js';
import { solveMaxFlow } from './max-flow.js';

export interface KnockoutWorkerInput {
  graph: CompactGraph;
  groups: number[][];
  method: KnockoutMethod;
}

const port = parentPort;
if (port !== null) {
  const input = workerData as KnockoutWorkerInput;
  const reply = poolReply<Float64Array>(port);
  let done = 0;
  const tick = () => {
    done += 1;
    if (done % 64 === 0) reply.progress(done);
  };
  const losses = Float64Array.from(groupLosses(solveMaxFlow(input.graph), input.groups, input.method, tick));
  reply.done(losses, [losses.buffer as ArrayBuffer]);
}
