/**
 * Betweenness on worker threads: the same Brandes sum as betweenness.ts, with the sources
 * split over threads (node:worker_threads). Results equal the single-thread ones within
 * floating-point rounding (1e-12 relative), and are bit-for-bit reproducible for a given
 * thread count.
 *
 * Split: with T threads, thread t takes the sources whose position in the source list is
 * t, t + T, t + 2T, ... (interleaved, so upstream and downstream nodes, which reach very
 * different amounts of the graph, are spread evenly). Each thread sums its own node and
 * edge arrays; the main thread adds them in thread order 0..T-1, then scales as
 * betweenness.ts does. All computing happens in workers, so the main thread stays free to
 * draw progress. Small jobs (sources x edges below PARALLEL_THRESHOLD) or threads: 1 run
 * in the calling thread.
 *
 * The pool (spawn, split, progress, results in thread order) is ../worker-pool.ts; this
 * file and betweenness-worker.ts are the only centrality files that touch Node APIs
 * (worker threads); the algorithm itself lives in the pure brandes-*.ts files.
 */
import { Worker } from 'node:worker_threads';
import type { SupplyGraph } from '../../model/graph.js';
import { betweennessPlan, resolveBetweennessOptions, scaleBetweenness, type BetweennessOptions, type BetweennessPlan, type BetweennessResult } from './betweenness.js';
import { brandesSum, type RawBetweenness } from './brandes-sum.js';
import type { Csr, CsrTopology } from './csr.js';
import { indexGraph } from '../../model/graph-index.js';
import { edgeAttributeReader } from '../../model/index-graphology.js';
import type { WorkerInput } from './betweenness-worker.js';
import { interleave, runPool, threadCount } from '../worker-pool.js';

/** Below this many source x edge scans, threads cost more than they save. */
export const PARALLEL_THRESHOLD = 20_000_000;

/** Starts a worker for one share of the sources. */
export type SpawnWorker = (input: WorkerInput) => Worker;

export interface ParallelOptions {
  /** Worker threads (default: the machine's available parallelism, at most 16). */
  threads?: number;
  /** Called with (sources done, sources in all) as work progresses. */
  onProgress?: (done: number, total: number) => void;
  /** How workers are started (tests run the TypeScript source through a loader). */
  spawn?: SpawnWorker;
  /** Least work (sources x edges) worth threads (default PARALLEL_THRESHOLD). */
  minWork?: number;
}

export interface CsrParallelOptions extends ParallelOptions {
  sources?: Int32Array | null;
  normalized?: boolean;
  edges?: boolean;
  endpoints?: boolean;
  undirected?: boolean;
}

const spawnCompiled: SpawnWorker = (input) => new Worker(new URL('./betweenness-worker.js', import.meta.url), { workerData: input });

/** Raw sums over `sources` (all nodes when null), summed over threads in a fixed order. */
export async function brandesSumParallel(csr: CsrTopology, sources: Int32Array | null, edges: boolean, options: ParallelOptions = {}, endpoints = false): Promise<RawBetweenness> {
  const all = sources ?? Int32Array.from({ length: csr.n }, (_v, i) => i);
  const threads = Math.min(threadCount(options.threads, 'betweenness'), Math.max(1, all.length));
  const report = options.onProgress;
  if (threads === 1 || all.length * csr.m < (options.minWork ?? PARALLEL_THRESHOLD)) {
    return brandesSum(csr, sources, { edges, endpoints, ...(report ? { onProgress: (done: number) => report(done, all.length) } : {}) });
  }
  const { n, m, offsets, targets, weights, integerWeights } = csr;
  const topology: CsrTopology = { n, m, offsets, targets, weights, integerWeights };
  const shares = interleave(Array.from(all), threads).map((share) => Int32Array.from(share));
  const spawn = options.spawn ?? spawnCompiled;
  const parts = await runPool<RawBetweenness>({ name: 'betweenness', workers: threads, total: all.length, onProgress: report, start: (t) => spawn({ csr: topology, sources: shares[t] ?? new Int32Array(0), edges, endpoints }) });
  const [first, ...rest] = parts as [RawBetweenness, ...RawBetweenness[]];
  for (const part of rest) {
    for (let i = 0; i < n; i++) first.nodes[i] = (first.nodes[i] as number) + (part.nodes[i] as number);
    if (first.edges !== null && part.edges !== null) for (let e = 0; e < m; e++) first.edges[e] = (first.edges[e] as number) + (part.edges[e] as number);
  }
  return first;
}

/** betweennessCsr (betweenness.ts) on worker threads. */
export async function betweennessCsrParallel(csr: Csr, options: CsrParallelOptions = {}): Promise<RawBetweenness> {
  const { sources = null, normalized = true, edges = true, endpoints = false, undirected = false, ...parallel } = options;
  const raw = await brandesSumParallel(csr, sources, edges, parallel, endpoints);
  return scaleBetweenness(raw, csr.n, sources, { normalized, endpoints, undirected });
}

/** betweenness (betweenness.ts) on worker threads: same options and result, plus ParallelOptions. */
export async function betweennessParallel(graph: SupplyGraph, options: BetweennessOptions & ParallelOptions = {}): Promise<BetweennessResult> {
  const { threads, onProgress, spawn, minWork, ...metric } = options;
  resolveBetweennessOptions(metric);
  const index = indexGraph(graph);
  return runBetweennessPlan(betweennessPlan(index, metric, edgeAttributeReader(graph, index)), { threads, onProgress, spawn, minWork });
}

/** A betweenness plan (betweenness.ts `betweennessPlan`, on a graph index) run on worker threads. */
export async function runBetweennessPlan(plan: BetweennessPlan, parallel: ParallelOptions = {}): Promise<BetweennessResult> {
  return plan.finish(await betweennessCsrParallel(plan.csr, { sources: plan.sources, edges: plan.edges, ...plan.scale, ...parallel }));
}
