/** Starts betweenness-worker.ts from source (tests only; the CLI runs dist/). */
import type { SpawnWorker } from '../../../src/metrics/centrality/betweenness-parallel.js';
import { tsWorker } from '../../helpers/ts-worker.js';

export const spawnTsWorker: SpawnWorker = (input) => tsWorker('metrics/centrality/betweenness-worker', { workerData: input });
