/**
 * Worker-thread entry of the compute pool (compute-pool.ts): for each WorkerRequest it
 * receives, rebuilds the graph, runs the job (compute-jobs.ts) and posts one WorkerReply:
 * the result, or the error serialized so the pool can rebuild the same typed error.
 * A worker runs one job at a time; the pool terminates it when a job overruns its budget.
 */
import { parentPort } from 'node:worker_threads';
import { importGraph, runJob, serializeError, type WorkerReply, type WorkerRequest } from './compute-jobs.js';

const port = parentPort;
if (port !== null) {
  port.on('message', ({ graph, job }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, result: runJob(importGraph(graph), job) };
    } catch (error) {
      reply = { ok: false, error: serializeError(error) };
    }
    port.postMessage(reply);
  });
}
