/**
 * The monthly model's stock refill (allocation bound), thrifting (demand response) and the
 * `fair` objective month by month, on hand-made graphs; every expected value is worked
 * out by hand in the comment above it (issue 13, round 2).
 */
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { thriftCut } from '../../src/timeline/thrifting.js';
import { timeline } from '../../src/timeline/timeline.js';
import { build } from '../scenario/graphs.js';

/** mine -120-> magnet maker -120-> sink (EVs): 10 t per month; edge capacities as given. */
function line(capacities: [number?, number?], magnet: Record<string, unknown> = {}, sink: Record<string, unknown> = {}): SupplyGraph {
  const [c1, c2] = capacities;
  return build(
    [
      ['mine', 'mining', 'AU'],
      ['mag', 'magnet', 'JP', magnet],
      ['oem', 'end-use', 'DE', { sector: 'EVs', ...sink }],
    ],
    [
      ['mine', 'mag', 120, c1 !== undefined ? { capacity: c1 } : {}],
      ['mag', 'oem', 120, c2 !== undefined ? { capacity: c2 } : {}],
    ],
  );
}

const scenario = (graph: SupplyGraph, actions: unknown[], extra: Record<string, unknown> = {}) => parseScenario({ name: 't', actions, ...extra }, 'test.json', graph);
const close = (actual: number[] | undefined, expected: number[], digits = 9) => {
  expect(actual).toHaveLength(expected.length);
  (actual ?? []).forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, digits));
};
const cut12 = [{ type: 'disableNode', node: 'mine', start: 1, end: 2 }];

describe('timeline: stock refill in the allocation bound', () => {
  it('a cut for months 1-2, then capacity above flow refills the sink at the surplus rate up to its initial stock', () => {
    // The sink holds 2 months (20 t). Months 1-2: nothing arrives, 10 t drawn each month.
    // From month 3 both edges can carry 180 t/yr = 15 t/month: the sink uses 10 and
    // refills 5 a month: 5, 10, 15, 20, then full (20) and no more.
    const g = line([180, 180], {}, { stockMonths: 2 });
    const r = timeline(g, scenario(g, cut12), { months: 8 });
    const e = r.endUses[0];
    close(e?.allocation.delivered, [10, 10, 10, 10, 10, 10, 10, 10]);
    expect(e?.allocation.monthsToShortage).toBeNull();
    close(r.nodes[0]?.allocationStock, [10, 0, 5, 10, 15, 20, 20, 20]);
    // The proportional bound has no rerouting: flows never exceed their nominal 10 t, so
    // nothing arrives above use and the stock stays empty once drawn.
    close(e?.proportional.delivered, [10, 10, 10, 10, 10, 10, 10, 10]);
    close(r.nodes[0]?.stock, [10, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('with capacity = flow it never refills', () => {
    const g = line([undefined, undefined], {}, { stockMonths: 2 });
    const r = timeline(g, scenario(g, cut12), { months: 6 });
    close(r.nodes[0]?.allocationStock, [10, 0, 0, 0, 0, 0]);
    close(r.endUses[0]?.allocation.delivered, [10, 10, 10, 10, 10, 10]);
  });

  it('a stocked magnet maker refills from input above its use (surplus 5 t/month), not above what its sink takes', () => {
    // The magnet maker holds 3 months (30 t); the mine can ship 15 t/month to it, the sink
    // takes 10. Months 1-2: 10 drawn each (10 left); months 3-6: 5 t refilled each: 15,
    // 20, 25, 30; then full.
    const g = line([180, undefined], { stockMonths: 3 });
    const r = timeline(g, scenario(g, cut12), { months: 7 });
    close(r.nodes[0]?.allocationStock, [20, 10, 15, 20, 25, 30, 30]);
    close(r.endUses[0]?.allocation.delivered, [10, 10, 10, 10, 10, 10, 10]);
  });

  it('refilling counts against capacity: a magnet maker at capacity does not refill', () => {
    // As above, but the magnet maker's capacity is its flow (120 t/yr = 10 t/month): from
    // month 3 it processes 10 t for the sink and has no capacity left to take the 5 t of
    // surplus into stock, which stays at 10 t.
    const g = line([180, undefined], { stockMonths: 3, capacity: 120 });
    const r = timeline(g, scenario(g, cut12), { months: 5 });
    close(r.nodes[0]?.allocationStock, [20, 10, 10, 10, 10]);
    close(r.endUses[0]?.allocation.delivered, [10, 10, 10, 10, 10]);
  });

  it('never trades delivery for refill: the spare edge to a stocked sink is not used to refill it at the other sink\'s expense', () => {
    // mine -120-> mag, which ships 60 t/yr to each of two sinks (A, B); the edge to A could
    // carry 120. A holds 1 month (5 t). Month 1 the mine is cut: A draws its 5 t, B gets
    // nothing. From month 2 the 10 t/month reaching mag could refill A (6.25 t to A and
    // less to B, say) only by delivering less: both sinks get 5 t and A stays empty.
    const g = build(
      [
        ['mine', 'mining', 'AU'],
        ['mag', 'magnet', 'JP'],
        ['a', 'end-use', 'DE', { sector: 'A', stockMonths: 1 }],
        ['b', 'end-use', 'DE', { sector: 'B' }],
      ],
      [
        ['mine', 'mag', 120],
        ['mag', 'a', 60, { capacity: 120 }],
        ['mag', 'b', 60],
      ],
    );
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mine', end: 1 }]), { months: 3 });
    const [a, b] = r.endUses;
    close(a?.allocation.delivered, [5, 5, 5]);
    close(b?.allocation.delivered, [0, 5, 5]);
    close(r.nodes[0]?.allocationStock, [0, 0, 0]);
  });
});

describe('timeline: thrifting (demand response)', () => {
  it('cut(t) = min(share, share x (t - s) / 12) after the first short month s', () => {
    expect(thriftCut(0.6, null, 5)).toBe(0);
    expect(thriftCut(0.6, 3, 3)).toBe(0);
    expect(thriftCut(0.6, 3, 9)).toBeCloseTo(0.3, 12);
    expect(thriftCut(0.6, 3, 15)).toBeCloseTo(0.6, 12);
    expect(thriftCut(0.6, 3, 40)).toBeCloseTo(0.6, 12);
  });

  it('a half cut with share 0.6: demand falls 0.5 t a month from month 2 until the half supply meets it', () => {
    // Demand 10 t/month, supply 5 from month 1 (s = 1): demand[t] = 10 x (1 - min(0.6,
    // 0.6 (t - 1) / 12)) = 10 - 0.5 (t - 1) for t <= 13, then 4. Delivered = min(5,
    // demand[t]): 5 up to month 11, 4.5 in month 12, 4 after. Shortfall = 5 + 4.5 + ... +
    // 0.5 + 0 = 27.5 t; thrifted over 24 months = 0.5 x (0 + 1 + ... + 12) + 11 x 6 = 105 t.
    const g = line([undefined, undefined]);
    const s = scenario(g, [{ type: 'scaleNode', node: 'mine', factor: 0.5 }], { thrifting: [{ sector: 'EVs', share: 0.6, source: 'test: hand-made share' }] });
    const r = timeline(g, s, { months: 24 });
    const demand = Array.from({ length: 24 }, (_v, i) => (i + 1 <= 13 ? 10 - 0.5 * i : 4));
    const delivered = demand.map((d) => Math.min(5, d));
    for (const bound of [r.endUses[0]?.allocation, r.endUses[0]?.proportional]) {
      close(bound?.demand, demand);
      close(bound?.delivered, delivered);
      expect(bound?.monthsToShortage).toBe(0);
      expect(bound?.shortfall).toBeCloseTo(27.5, 6);
      expect(bound?.thrifted).toBeCloseTo(105, 6);
    }
    expect(r.endUses[0]?.demand).toBeCloseTo(10, 12);
    expect(r.thrifting).toEqual([{ endUse: 'EVs', share: 0.6, source: 'test: hand-made share' }]);
    expect(r.warnings).toEqual([]);
  });

  it('thrifting starts only after the first short month: stock first, then the ramp', () => {
    // 1 month of cover at the sink (10 t), mine cut for good, share 1: month 1 drawn in
    // full, month 2 short (s = 2): demand[t] = 10 x (1 - min(1, (t - 2) / 12)).
    const g = line([undefined, undefined], {}, { stockMonths: 1 });
    const r = timeline(g, scenario(g, [{ type: 'disableNode', node: 'mine' }]), { months: 4, thrifting: [{ sector: 'EVs', share: 1 }] });
    for (const bound of [r.endUses[0]?.allocation, r.endUses[0]?.proportional]) {
      close(bound?.delivered, [10, 0, 0, 0]);
      close(bound?.demand, [10, 10, 10 * (11 / 12), 10 * (10 / 12)]);
      expect(bound?.monthsToShortage).toBe(1);
    }
    // Given in the options with no source: used, and the report says it is uncited.
    expect(r.thrifting).toEqual([{ endUse: 'EVs', share: 1, source: null }]);
    expect(r.warnings).toEqual(['thrifting of "EVs" (1 a year) has no source: an assumption of the run, not a cited figure']);
  });

  it('off by default; a sector that is no end use, or a share outside 0..1, is an error naming it', () => {
    const g = line([undefined, undefined]);
    const r = timeline(g, scenario(g, [{ type: 'scaleNode', node: 'mine', factor: 0.5 }]), { months: 3 });
    close(r.endUses[0]?.allocation.demand, [10, 10, 10]);
    expect(r.endUses[0]?.allocation.thrifted).toBe(0);
    expect(r.thrifting).toEqual([]);
    expect(() => timeline(g, scenario(g, []), { thrifting: [{ sector: 'Wind', share: 0.1 }] })).toThrow(UsageError);
    expect(() => timeline(g, scenario(g, []), { thrifting: [{ sector: 'Wind', share: 0.1 }] })).toThrow(/thrifting names no end use of the graph: "Wind" \(end uses: EVs\)/);
    expect(() => timeline(g, scenario(g, []), { thrifting: [{ sector: 'EVs', share: 1.5 }] })).toThrow(/share of "EVs" must be a number from 0 to 1/);
    expect(() => scenario(g, [], { thrifting: [{ sector: 'EVs', share: 2 }] })).toThrow(InputError);
    expect(() => scenario(g, [], { thrifting: [{ sector: 'EVs', share: 0.2, sorce: 'x' }] })).toThrow(InputError);
  });
});

describe('timeline: the fair objective month by month', () => {
  /** mine -120-> sep, which can ship 120 t/yr to each of two sinks A and B (60 t/yr each in the baseline). */
  function fork(): SupplyGraph {
    return build(
      [
        ['mine', 'mining', 'AU'],
        ['sep', 'separation', 'AU'],
        ['a', 'end-use', 'DE', { sector: 'A', stockMonths: 1 }],
        ['b', 'end-use', 'US', { sector: 'B' }],
      ],
      [
        ['mine', 'sep', 120],
        ['sep', 'a', 60, { capacity: 120 }],
        ['sep', 'b', 60, { capacity: 120 }],
      ],
    );
  }

  it('each month gives every end use the same share of its demand, stocks included', () => {
    // Mine at half: 5 t/month for demands of 5 (A) and 5 (B); A holds 5 t. Month 1: A's
    // stock and the 5 t arriving serve both in full (lambda = 1, A draws 5). Month 2:
    // lambda = 0.5, 2.5 t each. The `total` objective delivers the same 10 then 5 t in all.
    const g = fork();
    const s = scenario(g, [{ type: 'scaleNode', node: 'mine', factor: 0.5 }]);
    const fair = timeline(g, s, { months: 3, objective: 'fair' });
    expect(fair.objective).toBe('fair');
    // Phase 2 holds lambda at its optimum less a relative 1e-9 (`fairPhaseTwo`): 7 digits.
    close(fair.endUses[0]?.allocation.delivered, [5, 2.5, 2.5], 7);
    close(fair.endUses[1]?.allocation.delivered, [5, 2.5, 2.5], 7);
    close(fair.nodes[0]?.allocationStock, [0, 0, 0]);
    const total = timeline(g, s, { months: 3 });
    expect(total.objective).toBe('total');
    const sum = (t: number) => (total.endUses[0]?.allocation.delivered[t] ?? 0) + (total.endUses[1]?.allocation.delivered[t] ?? 0);
    close([0, 1, 2].map(sum), [10, 5, 5]);
    expect(() => timeline(g, s, { objective: 'fairest' as never })).toThrow(/objective must be one of total, fair/);
  });
});
