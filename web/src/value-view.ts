/**
 * The value reading (`src/scenario/value.ts`, the API's `?weight=value`) as the page reads
 * it: the scope's figures (the lens country's, else the world's) and the note that says
 * which prices, from which source and year, the USD figures use. Pure.
 */
import type { PriceInfo } from '../../src/model/schema.js';
import type { EndUseValue, ValuedResult, ValueReading } from '../../src/scenario/value.js';

export interface ValueScope {
  total: ValueReading['total'];
  /** Largest proportional value lost first. */
  byEndUse: EndUseValue[];
  /** Every price line (one per material, then any "no price" note). */
  prices: string[];
}

/** The value figures of the result's scope: the lens when the result has one, else the world; null without a value reading. */
export function valueScope(result: ValuedResult | null): ValueScope | null {
  const value = result?.value;
  if (!value) return null;
  const scope = result.lens && value.lens ? value.lens : value;
  return { total: scope.total, byEndUse: scope.byEndUse, prices: value.prices };
}

/**
 * One line naming the prices' years and sources, for the materials priced by a figure
 * (`{ value, unit, source, year }`; those valued at their inputs carry no price of their
 * own): `USD/yr at 2024 prices: SOURCE` (several sources joined by `; `, years by `, `),
 * each source cut at its first colon (`U.S. Geological Survey (2025), Mineral Commodity
 * Summaries 2025`; the full citations are in the price lines).
 */
export function priceNote(prices: Record<string, PriceInfo> | undefined, materials: readonly string[] | null = null): string {
  const figures = Object.entries(prices ?? {}).filter(([material, p]) => 'value' in p && (materials === null || materials.includes(material)));
  if (figures.length === 0) return 'USD/yr: every material is valued at its inputs';
  const years = [...new Set(figures.map(([, p]) => ('value' in p ? p.year : 0)))].sort((a, b) => a - b);
  const sources = [...new Set(figures.map(([, p]) => p.source.split(':')[0]?.trim() ?? p.source))];
  return `USD/yr at ${years.join(', ')} prices: ${sources.join('; ')}`;
}
