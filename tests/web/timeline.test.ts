import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../src/timeline/timeline.js';
import { chartData, controlsFromQuery, INITIAL_CONTROLS, legendText, restingIndex, timelineCsv, timelineQuery, windowedScenario, withTimelineQuery } from '../../web/src/timeline.js';

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
    {
      endUse: 'EVs, "hybrids"',
      sinks: ['ev'],
      demand: 10,
      allocation: { monthsToShortage: 1, shortfall: 2, delivered: [10, 8, 10], demand: [10, 10, 10], thrifted: 0 },
      proportional: { monthsToShortage: 1, shortfall: 5, delivered: [10, 5, 10], demand: [10, 10, 10], thrifted: 0 },
    },
    {
      endUse: 'Idle',
      sinks: ['x'],
      demand: 0,
      allocation: { monthsToShortage: null, shortfall: 0, delivered: [0, 0, 0], demand: [0, 0, 0], thrifted: 0 },
      proportional: { monthsToShortage: null, shortfall: 0, delivered: [0, 0, 0], demand: [0, 0, 0], thrifted: 0 },
    },
  ],
  objective: 'total',
  thrifting: [],
  nodes: [],
  warnings: [],
};

describe('time chart data', () => {
  it('gives the share of demand per end use and bound, and the window with an action in force', () => {
    expect(chartData(result)).toEqual({
      months: [1, 2, 3],
      labels: ['2025-04', '2025-05', '2025-06'],
      series: [
        { endUse: 'EVs, "hybrids"', bound: 'allocation', share: [1, 0.8, 1] },
        { endUse: 'EVs, "hybrids"', bound: 'proportional', share: [1, 0.5, 1] },
        { endUse: 'Idle', bound: 'allocation', share: [null, null, null] },
        { endUse: 'Idle', bound: 'proportional', share: [null, null, null] },
      ],
      window: { first: 2, last: 2 },
    });
    expect(chartData({ ...result, windows: [] }).window).toBeNull();
  });

  it('gives the legend the latest month before any hover, and the hovered month after', () => {
    const data = chartData(result);
    expect(restingIndex(data)).toBe(2);
    // uPlot asks with a null index while the cursor is off the chart: month 3 (the latest).
    expect([0, 1, 2, 3, 4].map((i) => legendText(data, i, null))).toEqual(['2025-06 (latest)', '100.0%', '100.0%', '–', '–']);
    // Hovering month 2.
    expect([0, 1, 2, 3, 4].map((i) => legendText(data, i, 1))).toEqual(['2025-05', '80.0%', '50.0%', '–', '–']);
    const empty = chartData({ ...result, months: 0, labels: [], endUses: result.endUses.map((e) => ({ ...e, allocation: { ...e.allocation, delivered: [] }, proportional: { ...e.proportional, delivered: [] } })) });
    expect(restingIndex(empty)).toBeNull();
    expect(legendText(empty, 0, null)).toBe('–');
    expect(legendText(empty, 1, null)).toBe('–');
  });

  it('leaves out a bound the result does not have', () => {
    const onlyProportional = { ...result, endUses: result.endUses.map(({ allocation: _a, ...rest }) => rest) } as unknown as TimelineResult;
    expect(chartData(onlyProportional).series.map((s) => s.bound)).toEqual(['proportional', 'proportional']);
    expect(timelineCsv(onlyProportional).split('\n')[0]).toBe('month,label,end_use,demand,proportional_delivered,proportional_share');
  });

  it('writes a CSV with one row per month and end use, quoting where needed', () => {
    const lines = timelineCsv(result).trim().split('\n');
    expect(lines[0]).toBe('month,label,end_use,demand,allocation_delivered,allocation_share,proportional_delivered,proportional_share');
    expect(lines[3]).toBe('2,2025-05,"EVs, ""hybrids""",10,8,0.8,5,0.5');
    expect(lines[4]).toBe('2,2025-05,Idle,0,0,,0,');
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

  it('keeps the time settings in the URL next to the view state, only where they differ from the defaults', () => {
    const controls = { start: '2025-01', months: 12, from: 3, to: 4, cover: 2.5 };
    const query = withTimelineQuery('?graph=mini&off=CN', controls);
    expect(query).toBe('?graph=mini&off=CN&tstart=2025-01&tmonths=12&tfrom=3&tto=4&tcover=2.5');
    expect(controlsFromQuery(query)).toEqual(controls);
    expect(withTimelineQuery('', INITIAL_CONTROLS)).toBe('');
    expect(withTimelineQuery('?graph=mini', INITIAL_CONTROLS)).toBe('?graph=mini');
    expect(controlsFromQuery('?graph=mini')).toEqual(INITIAL_CONTROLS);
    // Values that do not parse fall back to the defaults.
    expect(controlsFromQuery('?tstart=2025-13&tmonths=0&tfrom=x&tto=2.5&tcover=-1')).toEqual(INITIAL_CONTROLS);
    expect(controlsFromQuery('?tcover=0').cover).toBe(0);
  });
});
