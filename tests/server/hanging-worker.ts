/** A compute worker that takes jobs and never answers: only a budget, an abort or close ends them (tests). */
import { Worker } from 'node:worker_threads';

export const spawnHangingWorker = (): Worker => new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true });
