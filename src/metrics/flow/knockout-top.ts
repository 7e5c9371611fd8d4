/**
 * The N nodes with the largest knockout loss (knockout.ts), exactly, without computing
 * the whole knockout table: what the scenario bottleneck tables need.
 *
 * Bound. Let f be the maximum flow of G that knockout.ts computes, of value F, and x(v)
 * the flow through node v in f (its throughput in f). Cancelling the flow through v
 * leaves a feasible flow of G - v of value F - x(v) (see knockout.ts), so
 *
 *   F - x(v) <= maxFlow(G - v) <= F,   i.e.   0 <= knockoutLoss(v) <= x(v) / F,
 *
 * and knockoutLoss(v) = 0 when x(v) = 0.
 *
 * Method. Nodes eligible for the list (`eligible`, e.g. "not a sink") with x(v) > 0 are
 * taken in decreasing x(v) (ties by node key); each gets its exact warm-started knockout
 * (`groupLoss`, the same computation as the full table, so the same value). Once N
 * positive losses are known, let L be the N-th largest; the scan stops at the first node
 * whose bound x(v) / F is below L (1 - 1e-9): every later node has a smaller bound, so a
 * smaller loss, and cannot enter the list.
 *
 * Ties. The list is sorted by loss (largest first), then node key (`localeCompare`), as
 * the bottleneck tables have always ranked the full table. A node whose bound equals L (within the 1e-9 slack that covers float
 * rounding of x(v) / F against the computed loss) is still evaluated, because it may tie
 * L and come first by key. So the result equals the first N entries of the full table's
 * ranking of positive losses, ties included (tests/metrics/flow/knockout-top.test.ts).
 * Nodes with loss 0 are never listed.
 */
import { groupLoss, type KnockoutMethod } from './knockout.js';
import { compactGraph } from '../../model/compact.js';
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';
import { solveMaxFlow, type SolvedFlow } from './max-flow.js';
import { nodeFlow } from './supply-network.js';

export interface RankedLoss {
  /** Node index in the solved compact graph. */
  node: number;
  /** knockoutLoss of the node, > 0. */
  loss: number;
}

export interface TopKnockout {
  /** Up to N nodes, largest loss first, ties by node key. */
  ranking: RankedLoss[];
  /** How many exact knockouts were computed (the rest were ruled out by the bound). */
  evaluated: number;
}

/** Relative slack between the bound x(v)/F and a computed loss (float rounding). */
const SLACK = 1e-9;

const byLossThenKey = (keys: readonly string[]) => (a: RankedLoss, b: RankedLoss) => b.loss - a.loss || (keys[a.node] as string).localeCompare(keys[b.node] as string);

/**
 * The `top` eligible nodes with the largest positive knockoutLoss on a solved network
 * (see the header). `eligible(i)` filters node indices; the network's flow is unchanged.
 */
export function topKnockout(solved: SolvedFlow, top: number, eligible: (node: number) => boolean = () => true, method: KnockoutMethod = 'warm-start'): TopKnockout {
  const { graph, supply, value } = solved;
  if (top <= 0 || value <= 0) return { ranking: [], evaluated: 0 };
  const keys = graph.nodes;
  const throughput = new Float64Array(keys.length);
  const candidates: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (!eligible(i)) continue;
    throughput[i] = nodeFlow(supply, i);
    if ((throughput[i] as number) > 0) candidates.push(i);
  }
  candidates.sort((a, b) => (throughput[b] as number) - (throughput[a] as number) || ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
  const order = byLossThenKey(keys);
  const lossOf = groupLoss(solved, method);
  const ranking: RankedLoss[] = [];
  let evaluated = 0;
  for (const i of candidates) {
    if (ranking.length === top && (throughput[i] as number) / value < (ranking[top - 1] as RankedLoss).loss * (1 - SLACK)) break;
    const loss = lossOf([i]);
    evaluated += 1;
    if (loss <= 0) continue;
    ranking.push({ node: i, loss });
    ranking.sort(order);
    if (ranking.length > top) ranking.pop();
  }
  return { ranking, evaluated };
}

/**
 * The `top` nodes of the active graph with the largest positive knockoutLoss, as
 * [node key, loss] pairs in ranking order, among the nodes `eligible(key)` accepts.
 */
export function topKnockoutLosses(graph: SupplyGraph, top: number, eligible: (node: string) => boolean = () => true): [string, number][] {
  if (top <= 0) return [];
  const solved = solveMaxFlow(compactGraph(activeSubgraph(graph)));
  const keys = solved.graph.nodes;
  return topKnockout(solved, top, (i) => eligible(keys[i] as string)).ranking.map(({ node, loss }) => [keys[node] as string, loss]);
}
