/**
 * End-use figures of a scenario: the sinks of either side grouped into end uses (by
 * `sector`, else label, else key), each bound's figure on both sides and the loss
 * (definitions in evaluate.ts's header): per end use, the max-flow bound is the most the
 * group can get alone (`groupMaxFlow`), the allocation bound the end use served first
 * under objective total (else the sum of its sinks' shares), the proportional bound the
 * sum of its sinks.
 */
import type { Objective } from '../allocation/allocation-lp.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import type { EndUseLoss, Supply } from './evaluate.js';
import { groupMaxFlow, servedFirstOf, sinksOf, type Side, type SideStart } from './evaluation-side.js';
import { naturalCompare } from './natural-sort.js';

/** (before - after) / before; null when the baseline is 0 (no loss is defined). */
export const relativeLoss = (before: number, after: number): number | null => (before > 0 ? (before - after) / before : null);

/** The end use a sink belongs to: its sector, else its label, else its key. */
export function endUseOf(graph: SupplyGraph, sink: string): string {
  const a = graph.getNodeAttributes(sink);
  return a.sector ?? nodeLabel(sink, a);
}

/** An end use's figures and losses, without the binding input (what `evaluateLosses` (evaluate-losses.ts) reports). */
export type EndUseFigures = Omit<EndUseLoss, 'binding'>;

/** A side's sinks in the order of the keys of its `supply.bySink` (a record: integer-like keys first, then in `sinksOf` order). */
function sinkKeys(side: SideStart): string[] {
  // Filled as `completeSide` fills bySink, so the keys come out in the same order.
  const keys: Record<string, true> = {};
  for (const sink of sinksOf(side.applied.shape)) keys[sink] = true;
  return Object.keys(keys);
}

/** The sinks of either side grouped into end uses (`endUseOf`), in order of first sink (the baseline's sinks first). */
export function endUseGroups(before: SideStart, after: SideStart): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const sink of new Set([...sinkKeys(before), ...sinkKeys(after)])) {
    const endUse = endUseOf(after.applied.shape.hasNode(sink) ? after.applied.shape : before.applied.shape, sink);
    groups.set(endUse, [...(groups.get(endUse) ?? []), sink]);
  }
  return groups;
}

/** Each end use served first on `side` under the allocation bound (`servedFirstOf`, remembered), with objective total; else undefined. */
export function endUsesServedFirst(side: Side, groups: ReadonlyMap<string, readonly string[]>, objective: Objective): Map<string, number> | undefined {
  return objective === 'total' && side.computed.bounds.has('allocation') ? servedFirstOf(side, groups) : undefined;
}

/**
 * The sinks of either side grouped into end uses, sorted by name, with each bound's
 * figure on both sides and the loss (the definitions in the file header). Bounds a lean
 * side left out are NaN, and their losses null.
 */
export function endUseFigures(before: Side, after: Side, objective: Objective): EndUseFigures[] {
  const baseline = before.supply;
  const scenario = after.supply;
  const groups = endUseGroups(before, after);
  const sumOf = (supply: Supply, sinks: string[], bound: 'proportional' | 'allocation') => sinks.reduce((total, s) => total + (supply.bySink[s]?.[bound] ?? 0), 0);
  const servedBefore = endUsesServedFirst(before, groups, objective);
  const servedAfter = endUsesServedFirst(after, groups, objective);
  // One sink: its ownMaxFlow, read from the side or, when a lean side left it out, from the same solver (0 when it is no sink of the side).
  const ownOfSink = (side: Side, sink: string) => {
    const supply = side.supply.bySink[sink];
    return supply === undefined ? 0 : side.computed.detail === 'full' ? supply.ownMaxFlow : groupMaxFlow(side, [sink]);
  };
  return [...groups]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([endUse, sinks]) => {
      const ownOf = (side: Side) => (!side.computed.bounds.has('maxFlow') ? Number.NaN : sinks.length === 1 ? ownOfSink(side, sinks[0] as string) : groupMaxFlow(side, sinks));
      const b = { maxFlow: ownOf(before), allocation: servedBefore?.get(endUse) ?? sumOf(baseline, sinks, 'allocation'), proportional: sumOf(baseline, sinks, 'proportional') };
      const s = { maxFlow: ownOf(after), allocation: servedAfter?.get(endUse) ?? sumOf(scenario, sinks, 'allocation'), proportional: sumOf(scenario, sinks, 'proportional') };
      return {
        endUse,
        sinks: sinks.sort(),
        baseline: b,
        scenario: s,
        loss: { maxFlow: relativeLoss(b.maxFlow, s.maxFlow), allocation: relativeLoss(b.allocation, s.allocation), proportional: relativeLoss(b.proportional, s.proportional) },
      };
    });
}
