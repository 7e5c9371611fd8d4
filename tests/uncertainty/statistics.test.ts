/** Spearman's rho and sample quantiles against scipy.stats.spearmanr and numpy.quantile (scripts/fixtures/uncertainty.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { quantileSorted } from '../../src/uncertainty/quantile.js';
import { averageRanks, spearman } from '../../src/uncertainty/spearman.js';

interface Case {
  x: number[];
  y: number[];
  rho: number | null;
  p: number[];
  quantiles: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/uncertainty/statistics.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('spearman', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i equals scipy.stats.spearmanr', (_i, c) => {
    const rho = spearman(c.x, c.y);
    if (c.rho === null) expect(rho).toBeNull();
    else expect(rho).toBeCloseTo(c.rho, 12);
  });

  it('gives tied values their average rank', () => {
    expect([...averageRanks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is +1 / -1 for monotone relations, whatever their shape', () => {
    const x = [1, 2, 3, 4, 5];
    expect(spearman(x, x.map((v) => v ** 3))).toBe(1);
    expect(spearman(x, x.map((v) => Math.exp(-v)))).toBe(-1);
  });

  it('refuses series of different lengths', () => {
    expect(() => spearman([1, 2], [1])).toThrow(UsageError);
  });
});

describe('quantileSorted', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i equals numpy.quantile (linear)', (_i, c) => {
    const sorted = [...c.y].sort((a, b) => a - b);
    c.p.forEach((p, k) => expect(quantileSorted(sorted, p)).toBeCloseTo(c.quantiles[k] as number, 12));
  });

  it('gives equal values back exactly', () => {
    expect(quantileSorted([0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2], 0.9)).toBe(0.1 + 0.2);
  });

  it('refuses an empty series and p outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(UsageError);
    expect(() => quantileSorted([1], 1.5)).toThrow(UsageError);
  });
});
