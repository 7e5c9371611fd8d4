import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/metrics/report-types.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { withShadowPrices } from '../../web/src/shadow-prices.js';

const report = {
  nodes: [
    { id: 'a', label: 'a', stage: 'mining', country: 'CN', status: 'operating', knockoutLoss: 0.5 },
    { id: 'b', label: 'b', stage: 'magnet', country: 'JP', status: 'operating' },
  ],
} as unknown as MetricsReport;

describe('withShadowPrices', () => {
  it('takes each node shadow price from the scenario result, 0 when absent, without changing the report', () => {
    const result = { shadowPrice: { nodes: { a: 33.3 }, countries: {} } } as unknown as ScenarioResult;
    const out = withShadowPrices(report, result);
    expect(out.nodes.map((n) => [n.id, n.shadowPrice, n.knockoutLoss])).toEqual([
      ['a', 33.3, 0.5],
      ['b', 0, undefined],
    ]);
    expect(report.nodes[0]?.shadowPrice).toBeUndefined();
    expect(withShadowPrices(report, null)).toBe(report);
  });
});
