import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../src/timeline/timeline.js';
import { chartData, INITIAL_CONTROLS, timelineCsv, timelineQuery, windowedScenario } from '../../web/src/timeline.js';

const result: TimelineResult = {
  name: 't',
  unit: 't REO/month',
  months: 3,
  start: '2025-04',
  labels: ['2025-04', '2025-05', '2025-06'],
  windows: [
    { action: 0, type: 'embargo', first: 2, last: 2 },
    { action: 1, type: 'disableNode', first: 1, last: 0 },
  ],
  endUses: [
    { endUse: 'EVs, "hybrids"', sinks: ['ev'], demand: 10, proportional: { monthsToShortage: 1, shortfall: 5, delivered: [10, 5, 10] } },
    { endUse: 'Idle', sinks: ['x'], demand: 0, proportional: { monthsToShortage: null, shortfall: 0, delivered: [0, 0, 0] } },
  ],
  nodes: [],
  warnings: [],
};

describe('time chart data', () => {
  it('gives the share of demand per end use and bound, and the window with an action in force', () => {
    expect(chartData(result)).toEqual({
      months: [1, 2, 3],
      labels: ['2025-04', '2025-05', '2025-06'],
      series: [
        { endUse: 'EVs, "hybrids"', bound: 'proportional', share: [1, 0.5, 1] },
        { endUse: 'Idle', bound: 'proportional', share: [null, null, null] },
      ],
      window: { first: 2, last: 2 },
    });
    expect(chartData({ ...result, windows: [] }).window).toBeNull();
  });

  it('includes the allocation bound when the result has it', () => {
    const withAllocation = { ...result, endUses: [{ ...result.endUses[0], allocation: { monthsToShortage: null, shortfall: 0, delivered: [10, 10, 10] } }] } as unknown as TimelineResult;
    expect(chartData(withAllocation).series.map((s) => s.bound)).toEqual(['allocation', 'proportional']);
    expect(timelineCsv(withAllocation).split('\n')[0]).toBe('month,label,end_use,demand,allocation_delivered,allocation_share,proportional_delivered,proportional_share');
  });

  it('writes a CSV with one row per month and end use, quoting where needed', () => {
    const lines = timelineCsv(result).trim().split('\n');
    expect(lines[0]).toBe('month,label,end_use,demand,proportional_delivered,proportional_share');
    expect(lines[3]).toBe('2,2025-05,"EVs, ""hybrids""",10,5,0.5');
    expect(lines[4]).toBe('2,2025-05,Idle,0,0,');
    expect(lines).toHaveLength(7);
  });

  it('gives the panel window to actions without one, and builds the query', () => {
    const scenario = { name: 's', actions: [{ type: 'embargo' as const, from: 'CN' }, { type: 'disableNode' as const, node: 'a', start: 3 }] };
    expect(windowedScenario(scenario, INITIAL_CONTROLS)).toBe(scenario);
    expect(windowedScenario(scenario, { ...INITIAL_CONTROLS, from: 2, to: 5 }).actions).toEqual([
      { type: 'embargo', from: 'CN', start: 2, end: 5 },
      { type: 'disableNode', node: 'a', start: 3 },
    ]);
    expect(timelineQuery(INITIAL_CONTROLS)).toBe('?months=24&start=2025-04');
    expect(timelineQuery({ ...INITIAL_CONTROLS, cover: 2.5 })).toBe('?months=24&start=2025-04&cover=2.5');
  });
});
