import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/model/errors.js';
import { sweepScenarios } from '../../src/scenario/sweep.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { unitValues, withValue } from '../../src/scenario/value.js';
import { PRICES, valued } from './valued.js';

describe('value weighting', () => {
  it('unit values: priced materials at their price, the rest at their inputs (hand-computed)', () => {
    const values = unitValues(valued());
    expect(values.node.sep).toBeCloseTo(5000, 9);
    expect(values.node.mag).toBeCloseTo(100_000, 9);
    expect(values.node.ev).toBeCloseTo(100_000, 9);
    expect(values.node.fcc).toBeCloseTo(1000, 9);
    expect(values.fromInputs).toEqual(['NdFeB magnet', 'catalyst']);
    expect(values.prices).toContain('Dy oxide: 300 USD/kg (test, 2024)');
  });

  it('sweep --weight value ranks by value lost, tonnes by tonnes lost (hand-computed)', () => {
    const tonnes = sweepScenarios(valued(), {});
    const value = sweepScenarios(valued(), { weight: 'value', bound: 'proportional' });
    const row = (r: typeof tonnes, id: string) => r.rows.find((x) => x.id === id);
    expect(row(tonnes, 'KR')?.loss.proportional).toBeCloseTo(2 / 3, 12);
    expect(row(tonnes, 'JP')?.loss.proportional).toBeCloseTo(1 / 3, 12);
    expect(row(tonnes, 'KR')?.rank.proportional).toBeLessThan(row(tonnes, 'JP')?.rank.proportional ?? 0);
    expect(value.unit).toBe('USD/yr');
    expect(value.weight).toBe('value');
    expect(value.baseline.proportional).toBeCloseTo(5_100_000, 6);
    for (const bound of ['maxFlow', 'allocation', 'proportional'] as const) {
      expect(value.baseline[bound], bound).toBeCloseTo(5_100_000, 6);
      expect(row(value, 'JP')?.loss[bound], bound).toBeCloseTo(5_000_000 / 5_100_000, 12);
      expect(row(value, 'KR')?.loss[bound], bound).toBeCloseTo(100_000 / 5_100_000, 12);
    }
    expect(row(value, 'JP')?.rank.proportional).toBeLessThan(row(value, 'KR')?.rank.proportional ?? 0);
    expect(value.prices).toHaveLength(6);
  });

  it('withValue reads a lens in value as its tonnes x w_c (hand-computed), and leaves tonnes alone', () => {
    const graph = valued();
    const result = evaluateScenario(graph, { name: 'JP off', actions: [{ type: 'disableCountry', country: 'JP' }] }, { country: 'US' });
    expect(withValue(graph, result, 'tonnes')).toBe(result);
    const value = withValue(graph, result, 'value').value!;
    // w_US = (50 x 100,000 + 100 x 1,000) / 150 = 34,000 USD/t; the lens loses the 50 t of EVs.
    expect(value.lens?.unitValue).toBeCloseTo(34_000, 9);
    expect(value.lens?.total.scenario.proportional).toBeCloseTo(100 * 34_000, 6);
    expect(value.lens?.total.loss.proportional).toBeCloseTo(1 / 3, 12);
    expect(value.lens?.byEndUse.map((e) => e.endUse)).toEqual(['ev', 'fcc']);
    expect(value.total.loss.proportional).toBeCloseTo(5_000_000 / 5_100_000, 12);
  });

  it('a material without a price is an error naming it, never a silent 0', () => {
    const { catalyst: _dropped, ...partial } = PRICES;
    expect(() => unitValues(valued(partial))).toThrow(UsageError);
    expect(() => unitValues(valued(partial))).toThrow(/no price for "catalyst"/);
    expect(() => sweepScenarios(valued(null), { weight: 'value' })).toThrow(/has no "prices" attribute/);
    // Valued from inputs at a node that has none: "no price", listed, its share propagated.
    const orphan = valued({ ...PRICES, 'mixed concentrate': { from: 'inputs', source: 'x' } });
    const values = unitValues(orphan);
    expect(values.noPrice).toEqual(['mixed concentrate from mine']);
    expect(values.unpriced.sep).toBe(1);
    expect(values.unpriced.mag).toBe(0); // its oxides are priced
    expect(values.node.sep).toBe(0);
    const sweep = sweepScenarios(orphan, { weight: 'value' });
    expect(sweep.prices?.at(-1)).toMatch(/^no price: mixed concentrate from mine; that content is left out of the value/);
    expect(() => sweepScenarios(valued(), { weight: 'euros' as never })).toThrow(UsageError);
  });

  it('the graph file: a price needs value, unit USD/kg, source and year', () => {
    expect(() => valued({ ...PRICES, 'La oxide': { value: 1, unit: 'USD/t', source: 's', year: 2024 } })).toThrow(InputError);
    expect(() => valued({ ...PRICES, 'La oxide': { value: 1, unit: 'USD/kg', year: 2024 } })).toThrow(InputError);
    expect(() => valued({ ...PRICES, 'La oxide': { value: -1, unit: 'USD/kg', source: 's', year: 2024 } })).toThrow(InputError);
  });
});
