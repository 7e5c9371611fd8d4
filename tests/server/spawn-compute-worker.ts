/** Starts src/server/compute-worker.ts from source (tests only; the server runs dist/). */
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../helpers/ts-worker.js';

export const spawnComputeWorker = (): Worker => tsWorker('server/compute-worker');
