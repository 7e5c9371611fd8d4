/**
 * Stage concentration before and after a scenario.
 *
 * Before: the Herfindahl-Hirschman index of each stage on the baseline active graph,
 * HHI = sum over countries of (country's share of the stage's throughput)^2, 0..1
 * (`metrics/concentration/stage-concentration.ts`; throughput = max(in-flow, out-flow),
 * weights are volumes). After: the same on the modified graph whose edge flows are the
 * proportional (no-rerouting) flows after the scenario,
 * after(e = u -> v) = flow_e x min(f(u), pass_e) (`proportional-flow.ts`). Offline nodes
 * carry nothing, so their country's share falls. A stage with no throughput has HHI null.
 * Reference: O. C. Herfindahl (1950); A. O. Hirschman (1945).
 */
import type { SupplyGraph } from '../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../model/graph-index.js';
import { stagesOf } from '../model/stages.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { stageConcentration, stageConcentrationOfIndex, type StageShares } from '../metrics/concentration/stage-concentration.js';

export interface StageSummary {
  /** HHI of country shares, 0..1; null when the stage carries nothing. */
  hhi: number | null;
  topCountry: string | null;
  topShare: number;
  throughput: number;
}

export interface StageChange {
  stage: string;
  before: StageSummary;
  after: StageSummary;
}

const summary = (s: StageShares | undefined): StageSummary => ({
  hhi: s?.hhi ?? null,
  topCountry: s?.topCountry ?? null,
  topShare: s?.topShare ?? 0,
  throughput: s?.throughput ?? 0,
});

/** Stage HHI of `before`, and of `after` carrying the flows `flowAfter` (edge key -> t/yr). */
export function stageChanges(before: SupplyGraph, after: SupplyGraph, flowAfter: Record<string, number>): StageChange[] {
  // `after`'s index with the flows replaced: what indexing a copy of `after` carrying
  // `flowAfter` gives for everything stage concentration reads (structure, stages,
  // countries, statuses, edge flows), without copying the graph.
  requireSupplyChain(after, 'concentration');
  const index = indexGraph(after);
  const moved: GraphIndex = { ...index, edgeFlow: Float64Array.from(index.edges, (edge) => flowAfter[edge] ?? 0) };
  const stagesAfter = new Map(stageConcentrationOfIndex(operatingIndex(moved), stagesOf(after.getAttributes())).map((s) => [s.stage, s]));
  // `stageConcentration(before)`, from the same index when `before` is the same graph.
  const concentrationBefore = before === after ? stageConcentrationOfIndex(operatingIndex(index), stagesOf(before.getAttributes())) : stageConcentration(before);
  return concentrationBefore.map((s) => ({ stage: s.stage, before: summary(s), after: summary(stagesAfter.get(s.stage)) }));
}
