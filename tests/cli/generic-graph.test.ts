/**
 * The generic-graph path through the CLI (issue 10): the networkx-written scale-free
 * GraphML (tests/fixtures/networkx/scale-free.graphml, scripts/fixtures/scale_free.py)
 * is imported, then `info`, `metrics` (values compared with networkx's in
 * scale-free.json) and `export` run on it without a crash and without "t REO/yr"; the
 * supply-chain commands refuse it (exit 2) naming what it lacks.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'networkx');
const expected = JSON.parse(readFileSync(join(DIR, 'scale-free.json'), 'utf8')) as {
  betweenness: Record<string, number>;
  closeness: Record<string, number>;
  flows: { source: string; target: string; maxFlow: number }[];
};
let dir: string;
let graph: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-generic-'));
  graph = join(dir, 'scale-free.json');
  const run = await cli('import', '--graphml', join(DIR, 'scale-free.graphml'), '-o', graph);
  expect(run.code, run.stderr).toBe(0);
});

const near = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));

describe('chokepoint on a generic graph (networkx scale-free GraphML)', () => {
  it('validate: OK, and says the graph gets graph metrics only', async () => {
    const run = await cli('validate', graph);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `OK ${graph}: 200 nodes, 306 edges, 0 countries\ngraph metrics only: node "n0" has no stage, node "n0" has no country, edge "n0 -> n1" has no flow; the supply-chain analyses (concentration, scenarios, ...) need them (docs/format.md, "Generic graphs")\n`,
    );
  });

  it('info: counts without a stage table, in "units"', async () => {
    const run = await cli('info', graph);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('scale-free 200: 200 nodes, 306 edges (flows in units)');
    expect(run.stdout).toContain('no stages');
  });

  it('metrics: graph metrics equal networkx, with a note on the supply-chain ones left out', async () => {
    const run = await cli('metrics', graph, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('not computed: throughput, flowShare, concentration, supplyRisk');
    const report = JSON.parse(run.stdout) as { graph: { unit: string }; nodes: { id: string; betweenness: number }[] };
    expect(report.graph.unit).toBe('units');
    for (const n of report.nodes) if (!near(n.betweenness, expected.betweenness[n.id] as number)) expect.fail(`${n.id}: ${n.betweenness} vs ${expected.betweenness[n.id]}`);
    const named = JSON.parse((await cli('metrics', graph, '--metrics', 'closeness,components', '--format', 'json')).stdout) as { nodes: { id: string; closeness: number }[] };
    for (const n of named.nodes) if (!near(n.closeness, expected.closeness[n.id] as number)) expect.fail(`${n.id}: ${n.closeness}`);
    const text = await cli('metrics', graph, '--format', 'csv');
    expect(text.code).toBe(0);
    expect(text.stdout + text.stderr).not.toContain('REO');
  });

  it('metrics --source/--target: max flow equals networkx maximum_flow_value (capacity attribute)', async () => {
    for (const pair of expected.flows.slice(0, 3)) {
      const run = await cli('metrics', graph, '--metrics', 'minCut', '--source', pair.source, '--target', pair.target, '--format', 'json');
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { supply: { maxFlow: number } }).supply.maxFlow).toBe(pair.maxFlow);
    }
  });

  it('export: every format, no crash, no "t REO/yr"; GraphML carries the map x, y', async () => {
    for (const format of ['graphml', 'gexf', 'cyjs', 'json', 'csv']) {
      const run = await cli('export', graph, '--format', format);
      expect(run.code, `${format}: ${run.stderr}`).toBe(0);
      expect(run.stdout).not.toContain('REO');
      expect(run.stdout).not.toContain('undefined');
    }
    const xml = (await cli('export', graph, '--format', 'graphml')).stdout;
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="x" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="y" attr.type="double"\/>/);
  });

  it('supply-chain commands exit 2 naming what the graph lacks', async () => {
    const sweep = await cli('sweep', graph);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('sweep needs stages: node "n0" has no stage (nor do 199 others)');
    const metric = await cli('metrics', graph, '--metrics', 'concentration');
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain('metric concentration needs stages');
    expect(metric.stderr).not.toMatch(/\n\s+at /);
  });
});
