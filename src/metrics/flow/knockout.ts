/**
 * Knockout loss: how much of the maximum flow is lost when a node, or every node of a
 * country, is removed.
 *
 *   knockoutLoss(v) = (maxFlow(G) - maxFlow(G - v)) / maxFlow(G),   0 when maxFlow(G) = 0
 *   knockoutLoss(c) = the same with all of country c's nodes removed
 *
 * A fraction in [0, 1]; 1 means nothing reaches the sinks without v. maxFlow is defined in
 * `max-flow.ts` (edge weights are capacities). G is the active graph; the sources and
 * sinks of G - v are those of G (removing a node does not turn its predecessors into sinks,
 * which would count stranded material as delivered).
 *
 * Method ('warm-start', the default), exact:
 * 1. Compute one maximum flow f of G.
 * 2. A node through which f carries nothing has loss 0: f is still a flow of G - v, and
 *    maxFlow(G - v) <= maxFlow(G). No further work.
 * 3. Otherwise cancel the flow through v (flow decomposition, `cancel-flow.ts`): this
 *    leaves a feasible flow of G - v of value maxFlow(G) - x.
 * 4. Cut test (`cut-test.ts`): from the residual sides A (reached from the source) and B
 *    (reaching the sink) of f, a search through the few vertices in neither, started from
 *    the arcs whose flow changed, then whether the source still reaches those arcs and
 *    they the sink, proves in most cases that no augmenting path exists, and then
 *    maxFlow(G - v) = maxFlow(G) - x with no search from the source.
 * 5. Otherwise augment on G - v (warm start): up to 32 augmenting paths by bidirectional
 *    search (`augmenting-path.ts`, guided by A, B and their trees), repeating the first part
 *    of the cut test before each, then Dinic (`dinic.ts`) for the rest. A path search
 *    that has not settled after 256 vertex expansions gives way to the whole cut test
 *    (its searches confined to A and B, so a proof costs the region the removed node
 *    fed, not a side of the network), and resumes without a limit only if that test
 *    cannot rule a path out; Dinic asks the cut test before each phase after its first,
 *    and its depth-first search enters only vertices that reach the sink in the level
 *    graph. These change the work, never the paths pushed: the losses are the same
 *    numbers. Since maxFlow(G - v) <= maxFlow(G), augmenting stops as soon as x is
 *    recovered. Then undo the changes to f (journal rollback) for the next node.
 * Where the time goes (profiled on the bench graphs, docs/metrics.md): a few per cent of
 * the removals reach Dinic and take most of the time; they need on the order of a hundred
 * augmenting paths each, and each Dinic phase's level search visits every vertex nearer
 * the source than the sink is (most of the source side A, and at 50,000 nodes much of the
 * sink side B too: the paths cross A to the arcs the removal freed, then B). The cut bounds
 * max(c_A(v), c_B(v)) <= loss <= x settle only removals the cut test already settles.
 * Method 'brute-force' recomputes maxFlow(G - v) from zero flow for every removal; it
 * exists to test the warm start (the results agree up to float rounding).
 *
 * Values below 1e-12 (float rounding of an exact 0) are reported as 0.
 */
import { compactGraph } from '../../model/compact.js';
import { UsageError } from '../../model/errors.js';
import { NO_COUNTRY } from '../../model/supply-chain.js';
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';
import { FlowCanceller, type CancelledPath } from './cancel-flow.js';
import { CutTest } from './cut-test.js';
import { OUT_OF_BUDGET, PathSearch } from './augmenting-path.js';
import { augment } from './dinic.js';
import { RESIDUAL_TOLERANCE, shortOf, type FlowNetwork } from './flow-network.js';
import { solveMaxFlow, type SolvedFlow } from './max-flow.js';
import { nodeFlow } from './supply-network.js';

export const KNOCKOUT_METHODS = ['warm-start', 'brute-force'] as const;
export type KnockoutMethod = (typeof KNOCKOUT_METHODS)[number];

export interface KnockoutOptions {
  /** 'warm-start' (default) or 'brute-force'; see the header. */
  method?: KnockoutMethod;
}

export interface KnockoutResult {
  /** maxFlow(G) of the active graph. */
  maxFlow: number;
  /** Active node -> knockoutLoss. */
  nodes: Record<string, number>;
  /** Country of an active node -> knockoutLoss of removing all its active nodes. */
  countries: Record<string, number>;
}

const KNOWN_OPTIONS = new Set(['method']);
const SNAP = 1e-12;
/** Augmenting paths tried one by one before handing over to Dinic. */
const MAX_PATHS = 32;
/** Vertex expansions a path search may spend before the thorough cut test is tried (augmenting-path.ts). */
const SEARCH_BUDGET = 256;

/** Adds up to `target` flow avoiding `blocked` vertices; returns the amount added. */
function repair(network: FlowNetwork, search: PathSearch, cut: CutTest, blocked: Uint8Array, target: number, seeds: readonly CancelledPath[]): number {
  let recovered = 0;
  for (let paths = 0; shortOf(recovered, target); paths++) {
    const thorough = paths === 0 || paths === MAX_PATHS;
    if (!cut.mayAugment(blocked, thorough)) break;
    if (paths === MAX_PATHS) return recovered + augment(network, { blocked, limit: target - recovered, exhausted: () => !cut.mayAugment(blocked, true) });
    let path = search.find(blocked, seeds, SEARCH_BUDGET);
    if (path === OUT_OF_BUDGET) {
      if (!thorough && !cut.mayAugment(blocked, true)) break;
      path = search.find(blocked, seeds);
    }
    if (!path) break;
    let amount = target - recovered;
    for (const a of path) amount = Math.min(amount, network.residual(a));
    for (const a of path) network.push(a, amount);
    recovered += amount;
  }
  return recovered;
}

export function resolveKnockoutOptions(options: KnockoutOptions = {}): Required<KnockoutOptions> {
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) throw new UsageError(`knockoutLoss: unknown option "${name}" (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
  const method = options.method ?? 'warm-start';
  if (!KNOCKOUT_METHODS.includes(method)) throw new UsageError(`knockoutLoss: method must be one of ${KNOCKOUT_METHODS.join(', ')} (got ${String(method)})`);
  return { method };
}

/** Marks the vertices of the nodes of `group` as removed (value 1) or restores them (0). */
function setBlocked(solved: SolvedFlow, blocked: Uint8Array, group: readonly number[], value: number): void {
  for (const i of group) {
    blocked[solved.supply.inVertex[i] as number] = value;
    blocked[solved.supply.outVertex[i] as number] = value;
  }
}

/** (maxFlow(G) - remaining) / maxFlow(G), clamped to [0, 1], rounding noise snapped to 0. */
function lossOf(value: number, remaining: number): number {
  const loss = Math.min(1, Math.max(0, (value - remaining) / value));
  return loss < SNAP ? 0 : loss;
}

/** Called as work progresses: (removals done, removals in all). */
export type KnockoutProgress = (done: number, total: number) => void;

/** The loss of removing one node set (node indices); the network's flow is left as it was. */
export type GroupLoss = (group: readonly number[]) => number;

/** Losses by the warm start (steps 2-5 of the header), one group at a time. */
function warmStart(solved: SolvedFlow): GroupLoss {
  const { supply, value } = solved;
  const { network } = supply;
  const blocked = new Uint8Array(network.vertexCount);
  const canceller = new FlowCanceller(network);
  const cut = new CutTest(network);
  const search = new PathSearch(network, cut);
  const carries = (i: number) => nodeFlow(supply, i) > 0;
  return (group) => {
    if (value <= 0 || !group.some(carries)) return 0;
    setBlocked(solved, blocked, group, 1);
    network.mark();
    canceller.clearPaths();
    let cancelled = 0;
    for (const i of group) cancelled += canceller.cancelThrough(supply.inVertex[i] as number);
    let remaining = value - cancelled;
    if (cancelled > RESIDUAL_TOLERANCE * value) remaining += repair(network, search, cut, blocked, cancelled, canceller.paths);
    network.rollback();
    setBlocked(solved, blocked, group, 0);
    return lossOf(value, remaining);
  };
}

/** Losses by recomputing each maximum flow from zero; the network's flow is restored after each. */
function bruteForce(solved: SolvedFlow): GroupLoss {
  const { supply, value } = solved;
  const { network } = supply;
  const blocked = new Uint8Array(network.vertexCount);
  const baseline = network.flow.slice();
  return (group) => {
    if (value <= 0) return 0;
    setBlocked(solved, blocked, group, 1);
    network.clear();
    const remaining = augment(network, { blocked });
    setBlocked(solved, blocked, group, 0);
    network.flow.set(baseline);
    return lossOf(value, remaining);
  };
}

/**
 * A function giving the loss of removing a node set from a solved network, by `method`;
 * the set-up (scratch arrays, residual sides) is done once for all the calls.
 */
export function groupLoss(solved: SolvedFlow, method: KnockoutMethod = 'warm-start'): GroupLoss {
  return method === 'brute-force' ? bruteForce(solved) : warmStart(solved);
}

/** Loss of removing each node set in `groups` (node indices) from a solved network. */
export function groupLosses(solved: SolvedFlow, groups: readonly (readonly number[])[], method: KnockoutMethod, tick: () => void = () => {}): number[] {
  const loss = groupLoss(solved, method);
  return groups.map((group) => {
    tick();
    return loss(group);
  });
}

/** knockoutLoss of every active node and every country (see the header). The graph is not changed. */
export function knockoutLoss(graph: SupplyGraph, options: KnockoutOptions = {}): KnockoutResult {
  const { method } = resolveKnockoutOptions(options);
  return knockoutOfSolved(solveMaxFlow(compactGraph(activeSubgraph(graph))), method);
}

/**
 * knockoutLoss from an already solved network (the report reuses the maxFlow computation).
 * `onProgress` hears every 64 removals, and at the end.
 */
export function knockoutOfSolved(solved: SolvedFlow, method: KnockoutMethod = 'warm-start', onProgress?: KnockoutProgress): KnockoutResult {
  const { graph } = solved;
  const byCountry = new Map<string, number[]>();
  graph.country.forEach((country, i) => {
    if (country === NO_COUNTRY) return; // a generic graph's node: no country to knock out
    const list = byCountry.get(country) ?? [];
    list.push(i);
    byCountry.set(country, list);
  });
  const countryNames = [...byCountry.keys()].sort();
  const singles = graph.nodes.map((_node, i) => [i]);
  const total = singles.length + countryNames.length;
  let done = 0;
  const tick = () => {
    done += 1;
    if (onProgress && (done % 64 === 0 || done === total)) onProgress(done, total);
  };
  const nodeLosses = groupLosses(solved, singles, method, tick);
  const countryLosses = groupLosses(solved, countryNames.map((c) => byCountry.get(c) ?? []), method, tick);
  const nodes: Record<string, number> = {};
  graph.nodes.forEach((node, i) => {
    nodes[node] = nodeLosses[i] as number;
  });
  const countries: Record<string, number> = {};
  countryNames.forEach((country, j) => {
    countries[country] = countryLosses[j] as number;
  });
  return { maxFlow: solved.value, nodes, countries };
}
