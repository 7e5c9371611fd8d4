/**
 * report-build.ts, the report without the LP loaded: `buildMetricsReport` takes the
 * allocation LP from its caller (report.ts `buildMetrics` passes solveAllocation, the CLI
 * imports it only for shadowPrice), and `betweennessJob` can leave edge betweenness out
 * (the CLI writing no edge rows) without changing any node value.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveAllocation } from '../../src/allocation/solve-allocation.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { readGraphFile } from '../../src/io/read-graph.js';
import { betweennessCsr } from '../../src/metrics/centrality/betweenness.js';
import { betweennessJob, buildMetricsReport } from '../../src/metrics/report-build.js';
import { buildMetrics } from '../../src/metrics/report.js';
import { operatingIndex } from '../../src/model/graph-index.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { unlimitedAsText } from '../../src/model/schema.js';
import { cli } from '../cli/run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');

describe('buildMetricsReport and the allocation LP', () => {
  it('shadowPrice without the LP is a programming error; with it, the report of buildMetrics', async () => {
    const { graph } = await readGraphFile(DATASET);
    expect(() => buildMetricsReport(graph, { metrics: ['shadowPrice'] })).toThrow(/shadowPrice needs the allocation LP/);
    const withLp = buildMetricsReport(graph, { metrics: ['shadowPrice', 'throughput'] }, {}, { allocation: solveAllocation });
    expect(withLp).toEqual(buildMetrics(graph, { metrics: ['shadowPrice', 'throughput'] }));
    expect(withLp.report.countries.some((c) => (c.shadowPrice ?? 0) > 0)).toBe(true);
  });

  it('without shadowPrice no LP is needed, and the report is buildMetrics', async () => {
    const { graph } = await readGraphFile(DATASET);
    const options = { metrics: ['betweenness', 'knockoutLoss', 'minCut', 'concentration'] as const };
    expect(buildMetricsReport(graph, { metrics: [...options.metrics] })).toEqual(buildMetrics(graph, { metrics: [...options.metrics] }));
  });

  it('the CLI computes shadowPrice (the LP loaded on demand), the same as buildMetrics', async () => {
    const run = await cli('metrics', DATASET, '--metrics', 'shadowPrice', '--table', 'countries');
    expect(run.code).toBe(0);
    const { graph } = await readGraphFile(DATASET);
    expect(run.stdout).toBe(`${JSON.stringify(buildMetrics(graph, { metrics: ['shadowPrice'] }).report.countries, unlimitedAsText, 2)}\n`);
  });
});

describe('betweennessJob without edge values', () => {
  const graph = parseGraph(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.05 }), 'generated').graph;

  it('plans node sums only; node values bit for bit those of the full plan, edge rows without the field', () => {
    const full = betweennessJob(graph, { metrics: ['betweenness'] });
    const nodesOnly = betweennessJob(graph, { metrics: ['betweenness'] }, {}, { edges: false });
    expect(full?.plan.edges).toBe(true);
    expect(nodesOnly?.plan.edges).toBe(false);
    if (!full || !nodesOnly) throw new Error('no plan');
    const a = nodesOnly.plan.finish(betweennessCsr(nodesOnly.plan.csr, { sources: nodesOnly.plan.sources, edges: nodesOnly.plan.edges, ...nodesOnly.plan.scale }));
    const b = full.plan.finish(betweennessCsr(full.plan.csr, { sources: full.plan.sources, edges: full.plan.edges, ...full.plan.scale }));
    expect(a.byId?.edges).toBeNull();
    expect(a.byId?.nodes).toEqual(b.byId?.nodes);
    const left = buildMetrics(graph, { metrics: ['betweenness', 'throughput'] }, { index: nodesOnly.index, active: nodesOnly.active, betweenness: a }).report;
    const whole = buildMetrics(graph, { metrics: ['betweenness', 'throughput'] }).report;
    expect(left.nodes).toEqual(whole.nodes);
    expect(left.edges).toEqual(whole.edges.map(({ betweenness: _b, ...rest }) => rest));
    expect(left.countries).toEqual(whole.countries);
    expect(nodesOnly.active).toEqual(operatingIndex(nodesOnly.index));
  });

  it('the CLI writes the same nodes, stages and countries tables (JSON and CSV) as from the whole report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-report-build-')), 'g.json');
    writeFileSync(file, JSON.stringify(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.05 })));
    const whole = await cli('metrics', file, '--metrics', 'betweenness,throughput,degree');
    expect(whole.code).toBe(0);
    const report = JSON.parse(whole.stdout) as Record<string, unknown>;
    for (const table of ['nodes', 'stages', 'countries', 'edges']) {
      const run = await cli('metrics', file, '--metrics', 'betweenness,throughput,degree', '--table', table);
      expect(run.code, table).toBe(0);
      expect(run.stdout, table).toBe(`${JSON.stringify(report[table], null, 2)}\n`);
    }
  });
});
