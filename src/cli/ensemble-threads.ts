/**
 * Runs an uncertainty ensemble (src/uncertainty/ensemble.ts) on worker threads: the
 * workers are started first (loading their modules while the plan is made), the plan
 * (inputs, Latin hypercube draws, point evaluation) is made here once and sent to each
 * worker with the graph; members are handed out in small chunks of consecutive indices
 * (so the threads finish together), and the rows are put back in member order before
 * the summary. Members are independent and their draws fixed by the plan, so the result
 * is the same on any number of threads. With one thread everything runs in the calling
 * thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SupplyGraph } from '../model/graph.js';
import type { Scenario } from '../scenario/schema.js';
import { reviveError, type SerializedError, type SerializedSupplyGraph } from '../server/compute-jobs.js';
import { evaluateMembers, planEnsemble, resolveEnsembleOptions, summarizeEnsemble, type EnsembleOptions, type EnsemblePlan, type EnsembleResult } from '../uncertainty/ensemble.js';

/** What the runner posts to a worker: the model once, then chunks. */
export type EnsembleWorkerRequest =
  | { type: 'init'; graph: SerializedSupplyGraph; scenario: Scenario; plan: EnsemblePlan }
  | { type: 'chunk'; from: number; to: number };

/** What a worker posts back: one per member done, then the chunk's rows, or an error. */
export type EnsembleWorkerReply = { type: 'member' } | { type: 'rows'; from: number; rows: Float64Array[] } | { type: 'error'; error: SerializedError };

export interface ThreadOptions {
  /** Worker threads (1 = the calling thread). */
  threads: number;
  /** Members per chunk handed to a worker. Default: about 8 chunks per thread, 1..10 members each. */
  chunk?: number;
  /** Called with the number of members done. */
  onProgress?: (done: number) => void;
  /** Starts one worker; default: the compiled ensemble-worker.js next to this file. */
  spawn?: () => Worker;
}

const WORKER_URL = new URL('./ensemble-worker.js', import.meta.url);

/** The compiled worker next to this file (dist/cli/ensemble-worker.js). */
export const spawnEnsembleWorker = (): Worker => {
  if (!existsSync(fileURLToPath(WORKER_URL))) throw new Error(`the ensemble worker ${fileURLToPath(WORKER_URL)} is missing: run \`npm run build\` (or use --threads 1)`);
  return new Worker(WORKER_URL);
};

/** The ensemble of `scenario` on `graph`, its members spread over `threads` threads. */
export async function runEnsembleThreaded(graph: SupplyGraph, scenario: Scenario, options: EnsembleOptions, threads: ThreadOptions): Promise<EnsembleResult> {
  const n = resolveEnsembleOptions(options).samples;
  let done = 0;
  const tick = () => {
    done += 1;
    threads.onProgress?.(done);
  };
  const count = Math.max(1, Math.min(Math.floor(threads.threads), n));
  if (count === 1) {
    const plan = planEnsemble(graph, scenario, options);
    return summarizeEnsemble(plan, evaluateMembers(graph, scenario, plan, 0, n, tick));
  }

  const size = threads.chunk ?? Math.max(1, Math.min(10, Math.ceil(n / (8 * count))));
  const chunks: [number, number][] = [];
  for (let from = 0; from < n; from += size) chunks.push([from, Math.min(n, from + size)]);
  const rows: Float64Array[] = new Array<Float64Array>(n);
  const spawn = threads.spawn ?? spawnEnsembleWorker;
  const workers: Worker[] = [];
  try {
    for (let w = 0; w < count; w++) workers.push(spawn());
    const plan = planEnsemble(graph, scenario, options);
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const init: EnsembleWorkerRequest = { type: 'init', graph: graph.export(), scenario, plan };
      const give = (worker: Worker) => {
        const chunk = chunks[next++];
        if (chunk) worker.postMessage({ type: 'chunk', from: chunk[0], to: chunk[1] } satisfies EnsembleWorkerRequest);
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', (reply: EnsembleWorkerReply) => {
          if (reply.type === 'member') tick();
          else if (reply.type === 'error') reject(reviveError(reply.error));
          else {
            reply.rows.forEach((row, k) => (rows[reply.from + k] = row));
            finished += 1;
            if (finished === chunks.length) resolve();
            else give(worker);
          }
        });
        worker.postMessage(init);
        give(worker);
      }
    });
    return summarizeEnsemble(plan, rows);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
