/**
 * Worker-thread entry for the parallel knockout table (knockout-parallel.ts): rebuilds the
 * main thread's solved network (the flow network of the compact graph it is given, with
 * the same terminals, then the main thread's flow and scale arrays put on it: the same
 * maximum flow, not solved again) and computes the loss of each group of its share with
 * `groupLosses`.
 * Messages (../worker-pool.ts): { type: 'progress', done } every 64 groups, then
 * { type: 'done', result } with the losses (a Float64Array, its buffer transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { poolReply } from '../worker-pool.js';
import type { CompactGraph } from '../../model/compact.js';
import { groupLosses, type KnockoutMethod } from './knockout.js';
import { buildSupplyNetwork, type Terminals } from './supply-network.js';

export interface KnockoutWorkerInput {
  /** The compact graph the main thread's network was built from. */
  graph: CompactGraph;
  /** Its sources and sinks (those of the main thread's network). */
  terminals: Terminals;
  /** The maximum flow and the pairs' scales of the main thread's network (flow-network.ts). */
  flow: Float64Array;
  scale: Float64Array;
  /** maxFlow of that network. */
  value: number;
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
  const supply = buildSupplyNetwork(input.graph, input.terminals);
  supply.network.flow.set(input.flow);
  supply.network.scale.set(input.scale);
  const losses = Float64Array.from(groupLosses({ graph: input.graph, supply, value: input.value }, input.groups, input.method, tick));
  reply.done(losses, [losses.buffer as ArrayBuffer]);
}
