/**
 * Worker-thread entry for parallel betweenness (betweenness-parallel.ts): sums Brandes
 * dependencies (brandes-sum.ts) over the sources it is given and posts the raw sums back.
 * Messages (../worker-pool.ts): { type: 'progress', done } now and then, then
 * { type: 'done', result } with the raw sums { nodes, edges }, the arrays' buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { poolReply } from '../worker-pool.js';
import { brandesSum, type RawBetweenness } from './brandes-sum.js';
import type { CsrTopology } from './csr.js';

export interface WorkerInput {
  csr: CsrTopology;
  sources: Int32Array;
  edges: boolean;
  endpoints?: boolean;
}

const port = parentPort;
if (port !== null) {
  const input = workerData as WorkerInput;
  const reply = poolReply<RawBetweenness>(port);
  const raw = brandesSum(input.csr, input.sources, { edges: input.edges, endpoints: input.endpoints ?? false, onProgress: reply.progress });
  const transfer = (raw.edges === null ? [raw.nodes.buffer] : [raw.nodes.buffer, raw.edges.buffer]) as ArrayBuffer[];
  reply.done({ nodes: raw.nodes, edges: raw.edges }, transfer);
}
