/**
 * Worker-thread entry of the compute pool (compute-pool.ts): loads the LP solver, then for each WorkerRequest it
 * receives, takes the graph (sent with the job, or held from an earlier one: WorkerGraphs),
 * runs the job (compute-jobs.ts) and posts one WorkerReply: the result (as data, or as the
 * JSON bytes the request asked for), or the error serialized so the pool can rebuild the
 * same typed error.
 * A worker runs one job at a time; the pool terminates it when a job overruns its budget.
 */
import { parentPort } from 'node:worker_threads';
import { loadSolver } from '../allocation/highs-adapter.js';
import { runRequest, serializeError, WorkerGraphs, type WorkerReply, type WorkerRequest } from './compute-jobs.js';

const port = parentPort;
if (port !== null) {
  // Jobs may solve LPs (scenarios, timelines, ensembles, shadowPrice): the solver first.
  // Requests posted meanwhile wait in the port until the listener is attached.
  await loadSolver();
  const graphs = new WorkerGraphs();
  port.on('message', (request: WorkerRequest) => {
    void runRequest(request, graphs)
      .then(
        (answer): WorkerReply => ({ ok: true, ...answer }),
        (error: unknown): WorkerReply => ({ ok: false, error: serializeError(error) }),
      )
      // JSON bytes cross as a transferred ArrayBuffer (no copy).
      .then((reply) => port.postMessage(reply, 'json' in reply ? [reply.json.buffer as ArrayBuffer] : []));
  });
}
