/**
 * Supply risk of a stage: the governance-weighted HHI of the EU criticality method.
 *
 *   supplyRisk(s) = sum over countries c of share(c, s)^2 * (10 - governance(c))
 *
 * share(c, s) is country c's fraction (0..1) of stage s's throughput (see
 * `stage-concentration.ts`; weights are volumes). governance(c) comes from the graph's
 * `countries` table: the World Governance Indicators average rescaled to 0..10 with
 * 10 = best governed, so 10 - governance is a risk weight with 10 = worst. Range 0..10:
 * 0 when every supplier is perfectly governed, 10 when one supplier with governance 0
 * does everything; (10 - governance) of the top country when it has the whole stage.
 *
 * This is the HHI_WGI term of the EU method, HHI_WGI = sum_i (S_i)^2 * WGI_i, with S_i the
 * country's share of supply and WGI_i the scaled WGI (0..10, higher = worse governance).
 * What chokepoint leaves out, and what we are unsure of:
 * - the method's trade-restriction factor t_i (export taxes, quotas) is taken as 1;
 * - the full EU supply risk also weighs import reliance, substitution and end-of-life
 *   recycling; this is the concentration-and-governance part only;
 * - we read the method as using shares as fractions (so HHI_WGI is 0..10) and our
 *   (10 - governance) as its inverted WGI scale; the exact WGI rescaling is the dataset's
 *   (see the graph's `countries` table), not necessarily the JRC's. Check before comparing
 *   numbers with published EU values.
 *
 * Missing data: a stage whose countries with a positive share do not all have a
 * governance score gets null, with a note naming the countries (no default is invented);
 * a stage with no throughput gets null too. Computed on the active graph.
 *
 * Reference: G. A. Blengini et al., Assessment of the Methodology for Establishing the EU
 * List of Critical Raw Materials: Background Report, European Commission JRC, EUR 28654
 * EN, 2017, doi:10.2760/73303 (the supply-risk formula and the WGI scaling).
 */
import type { SupplyGraph } from '../../model/graph.js';
import type { GraphAttributes } from '../../model/schema.js';
import { stageConcentration, type StageShares } from './stage-concentration.js';
import { requireSupplyChain } from '../../model/supply-chain.js';

export interface SupplyRiskResult {
  /** Stage -> supplyRisk (0..10), or null when undefined (see `notes`). */
  stages: Record<string, number | null>;
  /** Why a stage got null, one line each. */
  notes: string[];
}

/** Supply risk of a graph's stages (see the header). */
export function supplyRisk(graph: SupplyGraph, concentration: readonly StageShares[] = stageConcentration(graph)): SupplyRiskResult {
  requireSupplyChain(graph, 'supplyRisk');
  return supplyRiskOfShares(concentration, graph.getAttributes().countries ?? {});
}

/**
 * Supply risk from stage shares (`stageConcentration` or `stageConcentrationOfIndex`) and
 * the graph's `countries` table: what `supplyRisk` computes, without the graph.
 */
export function supplyRiskOfShares(concentration: readonly StageShares[], table: NonNullable<GraphAttributes['countries']>): SupplyRiskResult {
  const stages: Record<string, number | null> = {};
  const notes: string[] = [];
  const anyScore = Object.values(table).some((info) => info.governance !== undefined);
  if (!anyScore) notes.push('supplyRisk: the graph\'s country table has no governance scores; every stage is null');
  for (const row of concentration) {
    if (!anyScore) {
      stages[row.stage] = null;
      continue;
    }
    if (row.hhi === null) {
      stages[row.stage] = null;
      continue;
    }
    const missing: string[] = [];
    let risk = 0;
    for (const [country, share] of Object.entries(row.shares)) {
      if (share === 0) continue;
      const governance = table[country]?.governance;
      if (governance === undefined) missing.push(country);
      else risk += share * share * (10 - governance);
    }
    stages[row.stage] = missing.length > 0 ? null : risk;
    if (missing.length > 0) notes.push(`supplyRisk: stage "${row.stage}" is null: no governance score for ${missing.sort().join(', ')}`);
  }
  return { stages, notes };
}
