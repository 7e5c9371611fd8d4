import { describe, expect, it } from 'vitest';
import { bottleneckRows, scenarioBottleneckRows } from '../../web/src/bottlenecks.js';
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

describe('scenarioBottleneckRows', () => {
  const b = (node: string, loss: number) => ({ node, label: node, stage: 'separation', country: 'CN', loss });
  const result = {
    changes: [{ action: 0, type: 'disableCountry', summary: 'CN offline' }],
    bottlenecks: { before: [b('cn-sep', 0.8), b('au-mine', 0.1)], after: [b('my-sep', 0.6), b('au-mine', 0.3)] },
  } as never;

  it('lists the bottlenecks after the scenario with their baseline loss, marking new ones', () => {
    expect(scenarioBottleneckRows(result)).toEqual([
      { node: 'my-sep', label: 'my-sep', country: 'CN', stage: 'separation', loss: 0.6, before: null, isNew: true },
      { node: 'au-mine', label: 'au-mine', country: 'CN', stage: 'separation', loss: 0.3, before: 0.1, isNew: false },
    ]);
  });

  it('is empty without a result or when the scenario changes nothing', () => {
    expect(scenarioBottleneckRows(null)).toEqual([]);
    expect(scenarioBottleneckRows({ ...(result as object), changes: [] } as never)).toEqual([]);
  });
});

describe('bottleneck rows: sinks and known baselines (issue 16)', () => {
  it('leaves out the excluded nodes (the end-use sinks)', () => {
    expect(bottleneckRows(report, 'knockoutLoss', true, 3, new Set(['ev', 'wind'])).map((r) => r.id)).toEqual(['cn-sep', 'jp-magnet', 'au-mine']);
  });

  it('takes the baseline loss of a node outside the baseline top list from baselineOf, still marked new', () => {
    const b = (node: string, loss: number) => ({ node, label: node, stage: 'separation', country: 'CN', loss });
    const result = { changes: [{}], bottlenecks: { before: [b('cn-sep', 0.8)], after: [b('my-sep', 0.6)] } } as never;
    expect(scenarioBottleneckRows(result, 8, (node) => (node === 'my-sep' ? 0.05 : undefined))[0]).toMatchObject({ before: 0.05, isNew: true });
  });
});

describe('bottleneck rows: natural order of ties', () => {
  it('breaks ties by id in natural order (node-2 before node-10)', () => {
    const r = { ...report, nodes: ['node-10', 'node-2', 'node-1'].map((id) => ({ id, label: id, stage: 's', country: 'CN', status: 'operating', knockoutLoss: 0 })) };
    expect(bottleneckRows(r, 'knockoutLoss', true).map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-10']);
  });
});
