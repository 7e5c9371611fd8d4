/**
 * Worker-thread entry for the parallel knockout table (knockout-parallel.ts): solves the
 * maximum flow of the compact graph it is given (the same deterministic solution as the
 * main thread's) and computes the loss of each group of its share with `groupLosses`.
 * Messages: { type: 'progress', done } every 64 groups, then { type: 'done', losses }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompactGraph } from '../../model/compact.js';
import { groupLosses, type KnockoutMethod } from './knockout.js';
import { solveMaxFlow } from './max-flow.js';

export interface KnockoutWorkerInput {
  graph: CompactGraph;
  groups: number[][];
  method: KnockoutMethod;
}

export type KnockoutWorkerMessage = { type: 'progress'; done: number } | { type: 'done'; losses: Float64Array };

const port = parentPort;
if (port !== null) {
  const input = workerData as KnockoutWorkerInput;
  let done = 0;
  const tick = () => {
    done += 1;
    if (done % 64 === 0) port.postMessage({ type: 'progress', done } satisfies KnockoutWorkerMessage);
  };
  const losses = Float64Array.from(groupLosses(solveMaxFlow(input.graph), input.groups, input.method, tick));
  port.postMessage({ type: 'done', losses } satisfies KnockoutWorkerMessage, [losses.buffer as ArrayBuffer]);
}
