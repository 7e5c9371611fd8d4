/**
 * The unit a report states for a graph's flows and capacities: the graph's `unit`
 * attribute, or "units" when it has none (a graph that did not say what it measures is
 * never reported in tonnes). Every report (text, CSV headers, JSON, the map, the brief)
 * takes its unit from here. Pure.
 */

/** What a report says when the graph names no unit. */
export const NO_UNIT = 'units';

/** The graph's unit, or NO_UNIT. */
export function unitOf(attributes: { unit?: string | undefined }): string {
  return attributes.unit !== undefined && attributes.unit !== '' ? attributes.unit : NO_UNIT;
}
