/**
 * The knockout table (knockout.ts) on worker threads. Each removal's loss is computed
 * from the same maximum flow f of G, and the warm start undoes its changes to f after each
 * removal, so a removal's loss does not depend on which removals came before it: the
 * groups (every active node, then every country) are dealt to T threads (group i to
 * thread i mod T, interleaved so upstream and downstream nodes spread evenly), each
 * thread gets f itself (the flow and scale arrays of the solved network, which it puts on
 * the same network rebuilt from the compact graph and the flow's terminals: no second
 * max-flow solve) and computes its share with `groupLosses`, and the results are put
 * back in order. `knockoutOfSolvedParallel` takes a network the caller has solved (the
 * CLI: the report's flow on its operating index, any sources, targets and capacity);
 * `knockoutLossParallel` solves the active graph's default flow itself. The table equals
 * `knockoutOfSolved` exactly, whatever T (tests/metrics/flow/knockout-parallel.test.ts).
 * Small graphs (fewer than PARALLEL_MIN_GROUPS removals) or threads: 1 run in the calling
 * thread. The pool (spawn, split, progress, results in thread order) is
 * ../worker-pool.ts; this file and knockout-worker.ts are the only flow files that touch
 * Node APIs.
 */
import { Worker } from 'node:worker_threads';
import { compactGraph, type CompactGraph } from '../../model/compact.js';
import type { SolvedFlow } from './max-flow.js';
import { NO_COUNTRY } from '../../model/supply-chain.js';
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';
import { knockoutOfSolved, resolveKnockoutOptions, type KnockoutOptions, type KnockoutProgress, type KnockoutResult } from './knockout.js';
import type { KnockoutWorkerInput } from './knockout-worker.js';
import { solveMaxFlow } from './max-flow.js';
import { gatherInterleaved, interleave, runPool, threadCount } from '../worker-pool.js';

/** Below this many removals, threads cost more than they save. */
export const PARALLEL_MIN_GROUPS = 2000;

export type SpawnKnockoutWorker = (input: KnockoutWorkerInput) => Worker;

export interface KnockoutParallelOptions extends KnockoutOptions {
  /** Worker threads (default: available parallelism, at most 16). */
  threads?: number;
  /** Least number of removals worth threads (default PARALLEL_MIN_GROUPS). */
  minGroups?: number;
  onProgress?: KnockoutProgress;
  /** How workers are started (tests run the TypeScript source). */
  spawn?: SpawnKnockoutWorker;
}

const spawnCompiled: SpawnKnockoutWorker = (input) => new Worker(new URL('./knockout-worker.js', import.meta.url), { workerData: input });

/** The removal groups in knockoutOfSolved's order: every node, then every country (sorted). */
function removalGroups(graph: CompactGraph): { groups: number[][]; countries: string[] } {
  const byCountry = new Map<string, number[]>();
  graph.country.forEach((country, i) => {
    if (country === NO_COUNTRY) return; // a generic graph's node: no country to knock out
    const list = byCountry.get(country) ?? [];
    list.push(i);
    byCountry.set(country, list);
  });
  const countries = [...byCountry.keys()].sort();
  return { groups: [...graph.nodes.map((_node, i) => [i]), ...countries.map((c) => byCountry.get(c) ?? [])], countries };
}

/** The parts of a compact graph the flow network is built from, as plain cloneable data (a GraphIndex carries more). */
function flowGraph(graph: CompactGraph): CompactGraph {
  const { nodes, index, country, nodeCapacity, edges, edgeSource, edgeTarget, edgeCapacity, edgeFlow, inDegree, outDegree } = graph;
  return { nodes, index, country, nodeCapacity, edges, edgeSource, edgeTarget, edgeCapacity, edgeFlow, inDegree, outDegree };
}

/** What a worker needs to rebuild the solved network exactly (knockout-worker.ts). */
function networkState(solved: SolvedFlow): Omit<KnockoutWorkerInput, 'groups' | 'method'> {
  const { supply } = solved;
  return {
    graph: flowGraph(solved.graph),
    terminals: { source: Uint8Array.from(supply.sourcePair, (p) => (p >= 0 ? 1 : 0)), sink: Uint8Array.from(supply.sinkPair, (p) => (p >= 0 ? 1 : 0)) },
    flow: supply.network.flow.slice(),
    scale: supply.network.scale.slice(),
    value: solved.value,
  };
}

/**
 * knockoutLoss of every active node and country from an already solved network (as
 * `knockoutOfSolved`), with the removals split over worker threads; the same result.
 * The network's flow is unchanged.
 */
export async function knockoutOfSolvedParallel(solved: SolvedFlow, options: KnockoutParallelOptions = {}): Promise<KnockoutResult> {
  const { threads, minGroups = PARALLEL_MIN_GROUPS, onProgress, spawn = spawnCompiled, ...knockout } = options;
  const { method } = resolveKnockoutOptions(knockout);
  const requested = threadCount(threads, 'knockout');
  const compact = solved.graph;
  const { groups, countries } = removalGroups(compact);
  const count = Math.min(requested, groups.length);
  if (count <= 1 || groups.length < minGroups) return knockoutOfSolved(solved, method, onProgress);
  const shares = interleave(groups, count);
  const state = networkState(solved);
  const parts = await runPool<Float64Array>({ name: 'knockout', workers: count, total: groups.length, onProgress, start: (t) => spawn({ ...state, groups: shares[t] ?? [], method }) });
  onProgress?.(groups.length, groups.length);
  const losses = gatherInterleaved(parts, groups.length);
  const nodes: Record<string, number> = {};
  compact.nodes.forEach((node, i) => {
    nodes[node] = losses[i] as number;
  });
  const byCountry: Record<string, number> = {};
  countries.forEach((country, j) => {
    byCountry[country] = losses[compact.nodes.length + j] as number;
  });
  return { maxFlow: solved.value, nodes, countries: byCountry };
}

/** knockoutLoss (knockout.ts) with the removals split over worker threads; the same result. */
export async function knockoutLossParallel(graph: SupplyGraph, options: KnockoutParallelOptions = {}): Promise<KnockoutResult> {
  const { threads, minGroups: _minGroups, onProgress: _onProgress, spawn: _spawn, ...knockout } = options;
  resolveKnockoutOptions(knockout); // bad options fail before the solve
  threadCount(threads, 'knockout');
  return knockoutOfSolvedParallel(solveMaxFlow(compactGraph(activeSubgraph(graph))), options);
}
