import { describe, expect, it } from 'vitest';
import { bottleneckRows } from '../../web/src/bottlenecks.js';
import { handReport } from './helpers.js';

const report = handReport({ 'cn-sep': { knockoutLoss: 0.8, betweenness: 0.1 }, 'jp-magnet': { knockoutLoss: 0.2, betweenness: 0.4 }, ev: { knockoutLoss: 0.2 } });

describe('bottleneckRows', () => {
  it('sorts by the key, ties by id, and keeps the top rows', () => {
    expect(bottleneckRows(report, 'knockoutLoss', true, 3).map((r) => r.id)).toEqual(['cn-sep', 'ev', 'jp-magnet']);
    expect(bottleneckRows(report, 'betweenness', true, 2).map((r) => r.id)).toEqual(['jp-magnet', 'cn-sep']);
    expect(bottleneckRows(report, 'knockoutLoss', false, 2).map((r) => r.id)).toEqual(['au-mine', 'cn-magnet']);
  });

  it('does not reorder the report', () => {
    const ids = report.nodes.map((n) => n.id);
    bottleneckRows(report, 'betweenness', true);
    expect(report.nodes.map((n) => n.id)).toEqual(ids);
  });
});
