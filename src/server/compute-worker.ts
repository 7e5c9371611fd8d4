/**
 * Worker-thread entry of the compute pool (compute-pool.ts): for each WorkerRequest it
 * receives, rebuilds the graph, runs the job (compute-jobs.ts) and posts one WorkerReply:
 * the result, or the error serialized so the pool can rebuild the same typed error.
 * A worker runs one job at a time; the pool terminates it when a job overruns its budget.
 */
import { parentPort } from 'node:worker_threads';
import { runRequest, serializeError, type WorkerReply, type WorkerRequest } from './compute-jobs.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    void runRequest(request).then(
      (result): WorkerReply => ({ ok: true, result }),
      (error: unknown): WorkerReply => ({ ok: false, error: serializeError(error) }),
    ).then((reply) => port.postMessage(reply));
  });
}
