import { describe, expect, it } from 'vitest';
import type { EnsembleResult } from '../../src/uncertainty/ensemble.js';
import { tornadoBars, whiskerRows } from '../../web/src/ranges.js';

const stats = (p10: number, p50: number, p90: number) => ({ p10, p50, p90, mean: p50, min: p10, max: p90, pExceed: 0, members: 10 });

/** A result whose values are chosen by hand (not computed): the page only maps them. */
const result: EnsembleResult = {
  name: 'hand',
  samples: 10,
  seed: 1,
  threshold: 0.2,
  spreads: { high: 0.1, medium: 0.3, low: 0.6 },
  unit: 't/yr',
  bounds: ['proportional', 'maxFlow'],
  inputs: [],
  headlines: [
    { endUse: null, bound: 'proportional', point: 0.1, stats: stats(0.05, 0.12, 0.2), sensitivity: [{ input: 'a', rho: -0.8 }, { input: 'b', rho: 0.5 }, { input: 'c', rho: null }] },
    { endUse: null, bound: 'maxFlow', point: 0, stats: stats(0, 0, 0), sensitivity: [] },
    { endUse: 'EVs', bound: 'proportional', point: null, stats: stats(-0.1, 0.4, 1.2), sensitivity: [] },
    { endUse: 'Wind', bound: 'proportional', point: null, stats: null, sensitivity: [] },
  ],
  warnings: [],
};

describe('whiskerRows', () => {
  it('gives one whisker per defined headline of the bound, clamped to 0..1', () => {
    expect(whiskerRows(result, 'proportional')).toEqual([
      { label: 'total', endUse: null, point: 0.1, p10: 0.05, p50: 0.12, p90: 0.2, left: 0.05, width: 0.2 - 0.05, median: 0.12, dot: 0.1 },
      { label: 'EVs', endUse: 'EVs', point: null, p10: -0.1, p50: 0.4, p90: 1.2, left: 0, width: 1, median: 0.4, dot: null },
    ]);
    expect(whiskerRows(result, 'maxFlow').map((r) => r.label)).toEqual(['total']);
  });
});

describe('tornadoBars', () => {
  it('lists the inputs by the order given, rho > 0 up, rho < 0 down, undefined rho left out', () => {
    expect(tornadoBars(result, null, 'proportional')).toEqual([
      { input: 'a', rho: -0.8, length: 0.8, side: 'down' },
      { input: 'b', rho: 0.5, length: 0.5, side: 'up' },
    ]);
    expect(tornadoBars(result, null, 'proportional', 1)).toHaveLength(1);
    expect(tornadoBars(result, 'nowhere', 'proportional')).toEqual([]);
  });
});
