/**
 * Worker-thread entry of the compute pool (compute-pool.ts): for each WorkerRequest it
 * receives, takes the graph (sent with the job, or held from an earlier one: WorkerGraphs),
 * runs the job (compute-jobs.ts) and posts one WorkerReply: the result (as data, or as the
 * JSON bytes the request asked for), or the error serialized so the pool can rebuild the
 * same typed error. Started with `workerData.nice` (the server's workers: spawnCompiled),
 * the worker thread first lowers its own priority by that much (WORKER_NICE_STEP), so the
 * request thread gets the CPU first when the cores are busy.
 * A worker runs one job at a time; the pool terminates it when a job overruns its budget.
 */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { runRequest, serializeError, WorkerGraphs, workerNice, type WorkerReply, type WorkerRequest } from './compute-jobs.js';

const port = parentPort;
if (port !== null) {
  // When asked (spawnCompiled, the server's workers): this thread only (Linux: the nice
  // value is per thread; pid 0 is the calling thread).
  const nice = (workerData as { nice?: number } | undefined)?.nice;
  if (typeof nice === 'number' && nice > 0) {
    try {
      setPriority(0, workerNice(getPriority(0), nice));
    } catch {
      // Not allowed here: the worker keeps the request thread's priority.
    }
  }
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
