/**
 * Synthetic layered supply graphs, for benchmarks and tests (`chokepoint generate`).
 *
 * Layout: the default stages (mining .. end-use), with more firms downstream (shares
 * 8/7/10/12/18/20/25 %, at least one node per stage). Each node gets a size drawn from a
 * Pareto distribution (shape 1.5, minimum 1), and edges attach to nodes in proportion to
 * their size (preferential attachment by fixed fitness), so in- and out-degrees and flows
 * are heavy-tailed: a few large separators and refiners serve many buyers.
 * Countries: per stage one dominant country (CN) holds a share of the nodes (mining 60 %,
 * separation 85 %, refining 88 %, magnet 90 %, component 70 %, manufacturing 50 %, end-use
 * 30 %); the rest are spread over 18 other producers with Zipf (1/rank) weights.
 *
 * Edges (exactly round(edgesPerNode * nodes), no duplicates, no self-loops):
 * - forward: every non-mining node buys from one node of the stage before it, every node
 *   but end-use sells to one of the next stage, and the remaining forward edges go from a
 *   size-weighted node to the next stage (one in ten skips a stage);
 * - back (a fraction `backEdges` of all edges): recycling loops from a size-weighted node
 *   of stage magnet or later back to separation or refining (even odds).
 * Flows: a node of size w handles 100 w t/yr, split over its out-edges in proportion to
 * the buyers' sizes (recycled flows are a tenth of that). Edge capacities are 10-50 %
 * above edge flows; a node's capacity is 20-70 % above its own out-flow (100 w) but does
 * NOT bound its in-flow, which is set by its suppliers' sizes: on the 10,000-node bench
 * graph (seed 1, 5 % back edges) 477 nodes take in more than their capacity (up to 4x),
 * and in- and out-flow differ by more than 5 % at most nodes. The graphs are for
 * timing and for checks against other tools, not a balanced supply chain. Every node
 * and edge has `source: "synthetic (chokepoint generate, seed S)"`.
 *
 * Pure and deterministic: the same options give the same graph (xoshiro128**, prng.ts).
 */
import { UsageError } from '../model/errors.js';
import type { SerializedGraphInput } from '../model/schema.js';
import { DEFAULT_STAGES } from '../model/stages.js';
import { createRng } from './prng.js';
import { weightedChoice, type WeightedChoice } from './weighted-choice.js';

export interface GenerateOptions {
  nodes: number;
  seed: number;
  /** Fraction of edges that point back upstream, 0 <= f < 1 (default 0). */
  backEdges?: number;
  /** Edges per node, on average (default 3). */
  edgesPerNode?: number;
}

const STAGE_SHARES = [0.08, 0.07, 0.1, 0.12, 0.18, 0.2, 0.25];
const DOMINANT = 'CN';
const DOMINANT_SHARE = [0.6, 0.85, 0.88, 0.9, 0.7, 0.5, 0.3];
const OTHERS = ['US', 'AU', 'MM', 'MY', 'JP', 'DE', 'VN', 'IN', 'BR', 'KR', 'FR', 'EE', 'CA', 'GB', 'TH', 'RU', 'ZA', 'MX'];
const KNOWN = new Set(['nodes', 'seed', 'backEdges', 'edgesPerNode']);
const round1 = (x: number): number => Math.max(0.1, Math.round(x * 10) / 10);

/** Nodes per stage: shares by largest remainder, at least one each. */
export function stageSizes(n: number): number[] {
  const exact = STAGE_SHARES.map((share) => share * (n - STAGE_SHARES.length));
  const sizes = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = n - sizes.reduce((a, b) => a + b, 0);
  for (const [, i] of order) if (missing-- > 0) sizes[i] = (sizes[i] as number) + 1;
  return sizes;
}

function resolve(options: GenerateOptions): Required<GenerateOptions> {
  for (const name of Object.keys(options)) if (!KNOWN.has(name)) throw new UsageError(`generate: unknown option "${name}"`);
  const { nodes, seed, backEdges = 0, edgesPerNode = 3 } = options;
  if (!Number.isInteger(nodes) || nodes < DEFAULT_STAGES.length) throw new UsageError(`generate: nodes must be a whole number >= ${DEFAULT_STAGES.length} (one per stage; got ${nodes})`);
  if (nodes > 10_000_000) throw new UsageError(`generate: nodes must be at most 10,000,000 (got ${nodes})`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`generate: seed must be a whole number >= 0 (got ${seed})`);
  if (!(backEdges >= 0 && backEdges < 1)) throw new UsageError(`generate: back-edges must be a fraction from 0 to below 1 (got ${backEdges})`);
  if (!(edgesPerNode > 0 && Number.isFinite(edgesPerNode))) throw new UsageError(`generate: edges-per-node must be a number > 0 (got ${edgesPerNode})`);
  return { nodes, seed, backEdges, edgesPerNode };
}

/** A synthetic supply graph in the graph file format (valid under parseGraph). */
export function generateSupplyGraph(options: GenerateOptions): SerializedGraphInput {
  const { nodes: n, seed, backEdges, edgesPerNode } = resolve(options);
  const rng = createRng(seed);
  const source = `synthetic (chokepoint generate, seed ${seed})`;
  const sizes = stageSizes(n);
  const last = sizes.length - 1;
  const start = [0];
  for (const size of sizes) start.push((start[start.length - 1] as number) + size);
  const stageOf = new Int32Array(n);
  sizes.forEach((_size, k) => stageOf.fill(k, start[k], start[k + 1]));

  const weight = new Float64Array(n);
  for (let v = 0; v < n; v++) weight[v] = (1 - rng.next()) ** (-1 / 1.5);
  const inStage = sizes.map((_size, k) => weightedChoice(weight, start[k] as number, start[k + 1] as number));
  const pickIn = (k: number): number => (inStage[k] as WeightedChoice).pick(rng);
  const upstream = weightedChoice(weight, 0, start[last] as number);
  const recyclers = weightedChoice(weight, start[3] as number, n);
  const otherCountry = weightedChoice(Float64Array.from(OTHERS, (_c, i) => 1 / (i + 1)), 0, OTHERS.length);

  const total = Math.round(edgesPerNode * n);
  const back = Math.round(backEdges * total);
  const forward = total - back;
  let forwardPairs = 0;
  for (let k = 0; k < last; k++) forwardPairs += (sizes[k] as number) * ((sizes[k + 1] as number) + (sizes[k + 2] ?? 0));
  const backPairs = (n - (start[3] as number)) * ((sizes[1] as number) + (sizes[2] as number));
  if (forward > forwardPairs / 2 || back > backPairs / 2) {
    throw new UsageError(`generate: ${total} edges do not fit ${n} nodes in ${sizes.length} stages without duplicates; lower edges-per-node or raise nodes`);
  }

  const heads: number[] = [];
  const tails: number[] = [];
  const recycled: boolean[] = [];
  const seen = new Set<number>();
  const outDegree = new Int32Array(n);
  const add = (u: number, v: number, isBack: boolean): boolean => {
    const pair = u * n + v;
    if (seen.has(pair)) return false;
    seen.add(pair);
    tails.push(u);
    heads.push(v);
    recycled.push(isBack);
    outDegree[u] = (outDegree[u] as number) + 1;
    return true;
  };
  for (let v = start[1] as number; v < n && heads.length < forward; v++) add(pickIn((stageOf[v] as number) - 1), v, false);
  for (let u = 0; u < (start[last] as number) && heads.length < forward; u++) {
    if (outDegree[u] === 0) add(u, pickIn((stageOf[u] as number) + 1), false);
  }
  while (heads.length < forward) {
    const u = upstream.pick(rng);
    const k = stageOf[u] as number;
    const to = k + 2 <= last && rng.next() < 0.1 ? k + 2 : k + 1;
    add(u, pickIn(to), false);
  }
  while (heads.length < total) add(recyclers.pick(rng), pickIn(rng.next() < 0.5 ? 1 : 2), true);

  const label = (v: number): string => `${DEFAULT_STAGES[stageOf[v] as number]}-${v - (start[stageOf[v] as number] as number)}`;
  const buyers = new Float64Array(n);
  for (let e = 0; e < heads.length; e++) buyers[tails[e] as number] = (buyers[tails[e] as number] as number) + (weight[heads[e] as number] as number);
  const nodes = Array.from({ length: n }, (_v, v) => {
    const k = stageOf[v] as number;
    const country = rng.next() < (DOMINANT_SHARE[k] as number) ? DOMINANT : (OTHERS[otherCountry.pick(rng)] as string);
    return { key: label(v), attributes: { stage: DEFAULT_STAGES[k] as string, country, capacity: round1(100 * (weight[v] as number) * (1.2 + 0.5 * rng.next())), source } };
  });
  const edges = heads.map((v, e) => {
    const u = tails[e] as number;
    const flow = round1(((100 * (weight[u] as number) * (weight[v] as number)) / (buyers[u] as number)) * (recycled[e] ? 0.1 : 1));
    return { source: label(u), target: label(v), attributes: { flow, capacity: round1(flow * (1.1 + 0.4 * rng.next())), source } };
  });
  return {
    attributes: { name: `synthetic supply graph (${n} nodes, seed ${seed})`, unit: 't REO/yr', source, description: `chokepoint generate --nodes ${n} --seed ${seed} --back-edges ${backEdges} --edges-per-node ${edgesPerNode}` },
    nodes,
    edges,
  };
}
