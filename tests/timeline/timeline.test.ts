/**
 * The monthly model on hand-made graphs; every expected value is worked out by hand in the
 * comment above it (issue 13, "Analytic tests").
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { boundSeries, monthlyUnit, timeline } from '../../src/timeline/timeline.js';
import { build } from '../scenario/graphs.js';

/** mine -120-> magnet maker -120-> sink: 10 t per month; stocks as given. */
function line(magnet: Record<string, unknown> = {}, sink: Record<string, unknown> = {}): SupplyGraph {
  return build(
    [
      ['mine', 'mining', 'AU'],
      ['mag', 'magnet', 'JP', magnet],
      ['oem', 'end-use', 'DE', { sector: 'EVs', ...sink }],
    ],
    [
      ['mine', 'mag', 120],
      ['mag', 'oem', 120],
    ],
  );
}

const scenario = (graph: SupplyGraph, actions: unknown[]) => parseScenario({ name: 't', actions }, 'test.json', graph);
const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 9));
};

describe('timeline: proportional bound with stocks', () => {
  it('a sink with 2 months of cover and its only mine cut from month 1 delivers for 2 months, then nothing', () => {
    const g = line({}, { stockMonths: 2 });
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mine' }]), { months: 6 });
    const ev = r.endUses[0];
    expect(ev?.endUse).toBe('EVs');
    expect(ev?.demand).toBeCloseTo(10, 12);
    for (const bound of [ev?.proportional, ev?.allocation]) {
      close(bound?.delivered ?? [], [10, 10, 0, 0, 0, 0]);
      expect(bound?.monthsToShortage).toBe(2);
      // 4 months of 10 t missing.
      expect(bound?.shortfall).toBeCloseTo(40, 6);
    }
    // The sink's 20 t: 10 left after month 1, 0 after month 2.
    expect(r.nodes.map((n) => n.node)).toEqual(['oem']);
    close(r.nodes[0]?.stock ?? [], [10, 0, 0, 0, 0, 0]);
    close(r.nodes[0]?.allocationStock ?? [], [10, 0, 0, 0, 0, 0]);
  });

  it('3 months more cover at the magnet maker delivers for 5 months', () => {
    const g = line({ stockMonths: 3 }, { stockMonths: 2 });
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mine' }]), { months: 8 });
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 10, 10, 10, 10, 0, 0, 0]);
    expect(r.endUses[0]?.proportional.monthsToShortage).toBe(5);
    close(r.endUses[0]?.allocation.delivered ?? [], [10, 10, 10, 10, 10, 0, 0, 0]);
    expect(r.endUses[0]?.allocation.monthsToShortage).toBe(5);
    // The allocation bound may draw either stock first (the LP is indifferent): 50 t in all.
    const left = (t: number) => r.nodes.reduce((total, n) => total + (n.allocationStock[t] ?? 0), 0);
    close([0, 1, 2, 3, 4, 5].map(left), [40, 30, 20, 10, 0, 0]);
    // The magnet maker's 30 t go first (the sink receives in full), then the sink's 20 t.
    expect(r.nodes.find((n) => n.node === 'mag')?.stock).toEqual([20, 10, 0, 0, 0, 0, 0, 0]);
    expect(r.nodes.find((n) => n.node === 'oem')?.stock).toEqual([20, 20, 20, 10, 0, 0, 0, 0]);
  });

  it('a cut for months 1-4 with 2 months of cover loses exactly 2 months of demand (capacity = flow: no refill)', () => {
    const g = line({}, { stockMonths: 2 });
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mine', start: 1, end: 4 }]), { months: 12 });
    for (const p of [r.endUses[0]?.proportional, r.endUses[0]?.allocation]) {
      close(p?.delivered ?? [], [10, 10, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10]);
      expect(p?.monthsToShortage).toBe(2);
      expect(p?.shortfall).toBeCloseTo(20, 6);
    }
    expect(r.nodes[0]?.stock.slice(-1)[0]).toBe(0);
    expect(r.nodes[0]?.allocationStock.slice(-1)[0]).toBeCloseTo(0, 9);
  });

  it('stock in tonnes: 15 t at the sink cover 1.5 months; a half-cut draws half a month of cover each month', () => {
    const g = line({}, { stock: 15 });
    // Cut in half (scaleNode 0.5 on the mine): 5 t arrive, 5 t drawn per month: 3 full months.
    const r = timeline(g, scenario(g, [{ type: 'scaleNode', node: 'mine', factor: 0.5 }]), { months: 5 });
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 10, 10, 5, 5]);
    expect(r.endUses[0]?.proportional.monthsToShortage).toBe(3);
    expect(r.endUses[0]?.proportional.shortfall).toBeCloseTo(10, 9);
  });

  it('a stock refills from arrivals above use, up to its initial level', () => {
    // The magnet maker runs at half (scaleNode 0.5) in months 1-2 while the sink draws;
    // the sink's cover is 1 month (10 t). Month 1: 5 arrive, 5 drawn (5 left); month 2: 5
    // drawn (0 left). The magnet maker holds 20 t: it receives 10 but uses 5, so it would
    // refill, but it is full. Months 3+: full output again, nothing above use: no refill.
    const g = line({ stock: 20 }, { stockMonths: 1 });
    const r = timeline(g, scenario(g, [{ type: 'scaleNode', node: 'mag', factor: 0.5, end: 2 }]), { months: 4 });
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 10, 10, 10]);
    expect(r.nodes.find((n) => n.node === 'oem')?.stock).toEqual([5, 0, 0, 0]);
    expect(r.nodes.find((n) => n.node === 'mag')?.stock).toEqual([20, 20, 20, 20]);
  });

  it('an offline node ships nothing from its stock', () => {
    const g = line({ stockMonths: 6 });
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mag', start: 2, end: 2 }]), { months: 3 });
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 0, 10]);
    expect(r.endUses[0]?.proportional.monthsToShortage).toBe(1);
  });

  it('coverMonths gives every manufacturing node that many months of cover, replacing its own', () => {
    const g = build(
      [
        ['mine', 'mining', 'AU'],
        ['maker', 'manufacturing', 'JP', { stockMonths: 5 }],
        ['oem', 'end-use', 'DE'],
      ],
      [
        ['mine', 'maker', 120],
        ['maker', 'oem', 120],
      ],
    );
    const s = scenario(g, [{ type: 'disableNode', node: 'mine' }]);
    expect(timeline(g, s, { months: 6 }).endUses[0]?.proportional.monthsToShortage).toBe(5);
    const r = timeline(g, s, { months: 6, coverMonths: 3 });
    expect(r.endUses[0]?.proportional.monthsToShortage).toBe(3);
    expect(r.nodes.map((n) => n.node)).toEqual(['maker']);
    close(r.nodes[0]?.stock ?? [], [20, 10, 0, 0, 0, 0]);
    expect(r.endUses[0]?.allocation.monthsToShortage).toBe(3);
    expect(() => timeline(g, s, { coverMonths: -1 })).toThrow(UsageError);
  });

  it('with no action every month delivers the demand and monthsToShortage is null', () => {
    const g = line({ stockMonths: 2 });
    const r = timeline(g, scenario(g, []), { months: 3 });
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 10, 10]);
    expect(r.endUses[0]?.proportional).toMatchObject({ monthsToShortage: null, shortfall: 0 });
    expect(r.unit).toBe('units per month'); // the graph names no unit (issue 10: never t REO unless it says so)
    expect(r.labels).toEqual(['1', '2', '3']);
  });
});

describe('timeline: allocation bound (recipe LP each month)', () => {
  it('reroutes through spare capacity where the proportional bound draws stock', () => {
    // Two mines ship 60 t/yr each to the magnet maker; the US one could ship 120. The sink
    // holds 1 month (10 t). With the AU mine cut, the proportional bound receives half
    // and draws 5 t a month: full for 2 months, then 5 t/month. The allocation bound
    // ships 120 t/yr from the US mine: full every month, no stock drawn.
    const g = build(
      [
        ['au', 'mining', 'AU'],
        ['us', 'mining', 'US'],
        ['mag', 'magnet', 'JP'],
        ['oem', 'end-use', 'DE', { stockMonths: 1 }],
      ],
      [
        ['au', 'mag', 60],
        ['us', 'mag', 60, { capacity: 120 }],
        ['mag', 'oem', 120],
      ],
    );
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'au' }]), { months: 4 });
    const e = r.endUses[0];
    close(e?.proportional.delivered ?? [], [10, 10, 5, 5]);
    expect(e?.proportional.monthsToShortage).toBe(2);
    close(e?.allocation.delivered ?? [], [10, 10, 10, 10]);
    expect(e?.allocation).toMatchObject({ monthsToShortage: null, shortfall: 0 });
    close(r.nodes[0]?.stock ?? [], [5, 0, 0, 0]);
    close(r.nodes[0]?.allocationStock ?? [], [10, 10, 10, 10]);
  });

  it('a sink with a stated demand above its in-flow: demand is demand / 12', () => {
    const g = line({}, { demand: 240 });
    const r = timeline(g, scenario(g, []), { months: 2 });
    expect(r.endUses[0]?.demand).toBeCloseTo(20, 12);
    // Only 10 t/month can arrive: short from month 1 under both bounds.
    expect(r.endUses[0]?.allocation.monthsToShortage).toBe(0);
    expect(r.endUses[0]?.proportional.monthsToShortage).toBe(0);
  });
});

describe('timeline: ramps and ISO months', () => {
  /** mine (AU) and a planned project (US, rampMonths 4) each ship 60 t/yr to the sink. */
  function withProject(rampMonths: number): SupplyGraph {
    return build(
      [
        ['mine', 'mining', 'AU'],
        ['proj', 'mining', 'US', { status: 'planned', startYear: 2026, rampMonths }],
        ['oem', 'end-use', 'DE'],
      ],
      [
        ['mine', 'oem', 60],
        ['proj', 'oem', 60],
      ],
    );
  }

  it('a project ramps linearly: month k online runs at min(1, k / rampMonths)', () => {
    const g = withProject(4);
    // Baseline demand 5 t/month (the project is not operating). The project brings 5 t at
    // full rate: in its months 1..4 online, 1.25, 2.5, 3.75, 5.
    const r = timeline(g, scenario(g, [{ type: 'activate', nodes: ['proj'], start: 2 }]), { months: 6 });
    close(r.endUses[0]?.proportional.delivered ?? [], [5, 6.25, 7.5, 8.75, 10, 10]);
    // The allocation bound caps the project's edge at r x 60 t/yr: the same.
    close(r.endUses[0]?.allocation.delivered ?? [], [5, 6.25, 7.5, 8.75, 10, 10]);
    expect(r.endUses[0]?.demand).toBeCloseTo(5, 12);
  });

  it('a project activated by year starts in January of its startYear when the run has a start month', () => {
    const g = withProject(0);
    // Start 2025-11: January 2026 is month 3.
    const r = timeline(g, scenario(g, [{ type: 'activate', year: 2030 }]), { months: 4, start: '2025-11' });
    close(r.endUses[0]?.proportional.delivered ?? [], [5, 5, 10, 10]);
    expect(r.labels).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('ISO months in actions map through --start; the window is clipped to the horizon', () => {
    const g = line({}, {});
    const s = scenario(g, [{ type: 'disableNode', node: 'mine', start: '2025-05', end: '2025-06' }]);
    const r = timeline(g, s, { months: 4, start: '2025-04' });
    expect(r.windows).toEqual([{ action: 0, type: 'disableNode', first: 2, last: 3 }]);
    close(r.endUses[0]?.proportional.delivered ?? [], [10, 0, 0, 10]);
    const late = timeline(g, s, { months: 4, start: '2026-01' });
    expect(late.windows[0]).toMatchObject({ first: 1, last: -6 });
    expect(late.warnings).toContain('action 0 (disableNode) is never in force within the 4 month(s)');
  });

  it('ISO months without a start month, bad options: UsageError', () => {
    const g = line();
    const s = scenario(g, [{ type: 'disableNode', node: 'mine', start: '2025-05' }]);
    expect(() => timeline(g, s)).toThrow(UsageError);
    expect(() => timeline(g, s)).toThrow(/action 0 \(disableNode\): start "2025-05" is an ISO month; give the start month \(--start/);
    expect(() => timeline(g, scenario(g, []), { months: 0 })).toThrow(UsageError);
    expect(() => timeline(g, scenario(g, []), { months: 2.5 })).toThrow(UsageError);
    expect(() => timeline(g, scenario(g, []), { start: '2025-13' })).toThrow(UsageError);
    expect(() => timeline(g, scenario(g, []), { month: 3 } as never)).toThrow(/unknown option "month"/);
  });
});

describe('boundSeries and monthlyUnit', () => {
  it('counts full months before the first short one, with a relative tolerance of 1e-9', () => {
    const s = boundSeries([10, 10 * (1 - 1e-12), 9, 10], 10);
    expect(s.monthsToShortage).toBe(2);
    expect(s.shortfall).toBeCloseTo(1, 9);
    expect(boundSeries([0], 0).monthsToShortage).toBeNull();
  });
  it('turns a yearly unit into a monthly one', () => {
    expect(monthlyUnit('t REO/yr')).toBe('t REO/month');
    expect(monthlyUnit('kg')).toBe('kg per month');
  });
});
