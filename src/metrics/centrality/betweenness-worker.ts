/**
 * Worker-thread entry for parallel betweenness (betweenness-parallel.ts): sums Brandes
 * dependencies (brandes-sum.ts) over the sources it is given and posts the raw sums back.
 * Messages: { type: 'progress', done } now and then, then { type: 'done', nodes, edges }
 * with the arrays' buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { brandesSum } from './brandes-sum.js';
import type { CsrTopology } from './csr.js';

export interface WorkerInput {
  csr: CsrTopology;
  sources: Int32Array;
  edges: boolean;
  endpoints?: boolean;
}

export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; nodes: Float64Array; edges: Float64Array | null };

const port = parentPort;
if (port !== null) {
  const input = workerData as WorkerInput;
  const raw = brandesSum(input.csr, input.sources, { edges: input.edges, endpoints: input.endpoints ?? false, onProgress: (done) => port.postMessage({ type: 'progress', done } satisfies WorkerMessage) });
  const transfer = (raw.edges === null ? [raw.nodes.buffer] : [raw.nodes.buffer, raw.edges.buffer]) as ArrayBuffer[];
  port.postMessage({ type: 'done', nodes: raw.nodes, edges: raw.edges } satisfies WorkerMessage, transfer);
}
