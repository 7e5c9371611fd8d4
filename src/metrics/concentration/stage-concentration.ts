/**
 * Stage concentration: how much of each stage's throughput each country handles, and the
 * Herfindahl-Hirschman index of those shares.
 *
 *   share(c, s) = sum of throughput(v) over the nodes v of stage s in country c
 *                 / sum of throughput(v) over all nodes of stage s
 *   HHI(s)      = sum over c of share(c, s)^2
 *
 * throughput(v) = max(in-flow, out-flow) (see `flow/throughput.ts`): weights are volumes
 * (observed `flow`, t/yr), not capacities. Shares are fractions (0..1), so HHI runs from
 * 1/k (k countries with equal shares) to 1 (one country); multiply by 10,000 for the
 * antitrust convention (shares in percent). The top country is the one with the largest
 * share, ties broken alphabetically by code.
 *
 * HHI is undefined when the stage's throughput is 0 (no node, or no flow): then `hhi` is
 * null, `topCountry` null, `topShare` 0 and `shares` empty, never a number that looks
 * real. Computed on the active graph (operating nodes only). The graph is not changed.
 * `stageConcentrationOfIndex` computes it on a graph index (model/graph-index.ts);
 * `stageConcentration` builds the operating index of a graphology graph and calls it.
 *
 * Reference: O. C. Herfindahl, Concentration in the Steel Industry, PhD thesis, Columbia
 * University, 1950; A. O. Hirschman, National Power and the Structure of Foreign Trade,
 * 1945; U.S. DOJ/FTC Merger Guidelines (2023), section 2.1 (HHI on percent shares).
 */
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';
import { stagesOf } from '../../model/stages.js';
import { throughputOfIndex } from '../flow/throughput.js';
import { requireSupplyChain } from '../../model/supply-chain.js';

export interface StageShares {
  stage: string;
  /** Total throughput of the stage's active nodes. */
  throughput: number;
  /** HHI of the country shares, 0..1; null when the stage's throughput is 0. */
  hhi: number | null;
  topCountry: string | null;
  topShare: number;
  /** Country code -> share, largest first (ties alphabetical). Empty when throughput is 0. */
  shares: Record<string, number>;
}

/**
 * Concentration of every stage of `stages` (default: the index's stage list) on `index`
 * (every node of it counts: pass the operating index; every node has a stage and a
 * country and every edge a flow: check with requireSupplyChain first). `values` is the
 * throughput by node id, when the caller has it.
 */
export function stageConcentrationOfIndex(index: GraphIndex, stages: readonly string[] = index.stages, values: Float64Array = throughputOfIndex(index)): StageShares[] {
  const byStage = new Map<string, Map<string, number>>();
  for (let v = 0; v < index.n; v++) {
    const stage = index.stages[index.nodeStage[v] as number] as string;
    const country = index.country[v] as string;
    const countries = byStage.get(stage) ?? new Map<string, number>();
    countries.set(country, (countries.get(country) ?? 0) + (values[v] as number));
    byStage.set(stage, countries);
  }
  return stages.map((stage) => concentrationOf(stage, byStage.get(stage) ?? new Map()));
}

/** Concentration of every stage of the graph's stage list, upstream first. */
export function stageConcentration(graph: SupplyGraph): StageShares[] {
  requireSupplyChain(graph, 'concentration');
  return stageConcentrationOfIndex(operatingIndex(indexGraph(graph)), stagesOf(graph.getAttributes()));
}

function concentrationOf(stage: string, countries: Map<string, number>): StageShares {
  let total = 0;
  for (const value of countries.values()) total += value;
  if (!(total > 0)) return { stage, throughput: total, hhi: null, topCountry: null, topShare: 0, shares: {} };
  const ranked = [...countries].map(([country, value]) => ({ country, share: value / total }));
  ranked.sort((a, b) => b.share - a.share || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
  const shares: Record<string, number> = {};
  let hhi = 0;
  for (const { country, share } of ranked) {
    shares[country] = share;
    hhi += share * share;
  }
  const top = ranked[0];
  return { stage, throughput: total, hhi, topCountry: top?.country ?? null, topShare: top?.share ?? 0, shares };
}
