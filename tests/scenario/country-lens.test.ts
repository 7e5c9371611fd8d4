/**
 * The country lens on the mini fixture graph (tests/fixtures/server/graphs/mini.json),
 * hand-solved. Sinks: `ev` (DE) fed by cn-magnet 120 and jp-magnet 50; `wind` (DK) fed
 * by cn-magnet 70 and jp-magnet 15. jp-magnet gets 25 from cn-sep and 40 from my-sep
 * (which gets 45 from au-mine). Edge capacities = flows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { compareResults } from '../../src/scenario/compare.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';

const mini = parseGraph(JSON.parse(readFileSync(new URL('../fixtures/server/graphs/mini.json', import.meta.url), 'utf8')), 'mini.json').graph;
const embargoDe = { name: 'CN embargoes DE', actions: [{ type: 'embargo' as const, from: 'CN', to: ['DE'] }] };

describe('country lens', () => {
  it('reads an embargo on one destination for that country only', () => {
    const r = evaluateScenario(mini, embargoDe, { country: 'DE' });
    const lens = r.lens!;
    // DE's one sink, ev: 120 + 50 = 170 before; cn-magnet -> ev cut, 50 after, all three
    // bounds (allocation: both magnet suppliers are NdFeB magnets, alternatives in ev's
    // recipe; jp-magnet -> ev carries at most 50).
    expect(lens.sinks).toEqual(['ev']);
    expect(lens.baseline).toEqual({ maxFlow: 170, allocation: 170, proportional: 170 });
    expect(lens.scenario.maxFlow).toBeCloseTo(50, 9);
    expect(lens.scenario.allocation).toBeCloseTo(50, 9);
    expect(lens.loss.allocation).toBeCloseTo(120 / 170, 12);
    expect(lens.scenario.proportional).toBeCloseTo(50, 9);
    expect(lens.loss.maxFlow).toBeCloseTo(120 / 170, 12);
    expect(lens.loss.proportional).toBeCloseTo(120 / 170, 12);
    expect(lens.byEndUse.map((u) => u.endUse)).toEqual(['EV motors']);
    // World: 255 -> 135 under proportional (wind untouched), a smaller share.
    expect(r.loss.proportional).toBeCloseTo(120 / 255, 12);
  });

  it('ranks bottlenecks for the country by knockout on its own end uses', () => {
    const lens = evaluateScenario(mini, embargoDe, { country: 'DE' }).lens!;
    // After: ev gets only jp-magnet -> ev (50). Without jp-magnet 0 (loss 1); without
    // my-sep or au-mine jp-magnet gets 25 (loss 0.5); without cn-sep 40 (loss 0.2);
    // cn-mine and us-mine: cn-sep keeps 35 or 180 >= 25, no loss.
    const after = Object.fromEntries(lens.bottlenecks.after.map((b) => [b.node, b.loss]));
    expect(Object.keys(after).sort()).toEqual(['au-mine', 'cn-sep', 'jp-magnet', 'my-sep']);
    expect(after['jp-magnet']).toBeCloseTo(1, 12);
    expect(after['my-sep']).toBeCloseTo(0.5, 12);
    expect(after['au-mine']).toBeCloseTo(0.5, 12);
    expect(after['cn-sep']).toBeCloseTo(0.2, 12);
    expect(lens.bottlenecks.after.some((b) => b.node === 'ev')).toBe(false);
  });

  it('a country whose end uses are untouched loses nothing', () => {
    const lens = evaluateScenario(mini, embargoDe, { country: 'DK' }).lens!;
    expect(lens.baseline.proportional).toBe(85);
    expect(lens.loss).toEqual({ maxFlow: 0, allocation: 0, proportional: 0 });
  });

  it('a country with nodes but no end use has an empty lens with undefined loss', () => {
    const lens = evaluateScenario(mini, embargoDe, { country: 'AU' }).lens!;
    expect(lens.sinks).toEqual([]);
    expect(lens.loss).toEqual({ maxFlow: null, allocation: null, proportional: null });
    expect(lens.bottlenecks.after).toEqual([]);
  });

  it('rejects a country without nodes and a malformed code', () => {
    expect(() => evaluateScenario(mini, embargoDe, { country: 'FR' })).toThrow(UsageError);
    expect(() => evaluateScenario(mini, embargoDe, { country: 'de' })).toThrow(/alpha-2/);
  });
});

describe('compareResults', () => {
  it('gives each scenario its loss per end use and the difference from the first', () => {
    const a = evaluateScenario(mini, embargoDe);
    const b = evaluateScenario(mini, { name: 'CN offline', actions: [{ type: 'disableCountry', country: 'CN' }] });
    const c = compareResults([a, b]);
    expect(c.names).toEqual(['CN embargoes DE', 'CN offline']);
    expect(c.rows.map((r) => r.endUse)).toEqual(['total', 'EV motors', 'Wind turbines']);
    const ev = c.rows[1]!;
    // CN offline: jp-magnet keeps only my-sep's 40 (proportional: 40/65 of its output):
    // ev gets 50 x 40/65 under proportional; max flow ev alone = 40.
    expect(ev.loss[1]!.proportional).toBeCloseTo(1 - (50 * 40) / 65 / 170, 12);
    expect(ev.loss[1]!.maxFlow).toBeCloseTo(1 - 40 / 170, 12);
    // Allocation, ev served first: jp-magnet's NdPr oxide inputs are alternatives, my-sep's 40 -> 40 magnets.
    expect(ev.loss[1]!.allocation).toBeCloseTo(1 - 40 / 170, 9);
    expect(ev.diff[0]).toEqual({ maxFlow: 0, allocation: 0, proportional: 0 });
    expect(ev.diff[1]!.proportional).toBeCloseTo(ev.loss[1]!.proportional! - 120 / 170, 12);
  });

  it('compares the lens when the results have one, and refuses mixed scopes', () => {
    const a = evaluateScenario(mini, embargoDe, { country: 'DK' });
    const b = evaluateScenario(mini, { name: 'none', actions: [] }, { country: 'DK' });
    expect(compareResults([a, b]).scope).toBe('DK');
    expect(() => compareResults([a, evaluateScenario(mini, embargoDe)])).toThrow(UsageError);
    expect(() => compareResults([a])).toThrow(UsageError);
  });
});
