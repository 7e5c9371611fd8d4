/**
 * `chokepoint metrics` reads the file straight into the graph index when nothing asked
 * needs the graphology graph (report.ts `metricsNeedGraph`; issue 15). Its output must be
 * the same bytes as the report built on the graphology graph (what the command printed
 * before): on the default dataset and on generated graphs with recycling loops, planned
 * nodes, node keys that are numbers, labels, materials, custom edge keys and unlimited
 * capacities, as JSON and as CSV tables, and with the same notes and warnings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { readGraphFile, readGraphIndexFile } from '../../src/io/read-graph.js';
import { streamGraphIndex } from '../../src/io/stream-graph.js';
import { buildMetrics, metricsNeedGraph, type MetricsOptions } from '../../src/metrics/report.js';
import { metricsCsv } from '../../src/metrics/tables.js';
import { UsageError } from '../../src/model/errors.js';
import { unlimitedAsText } from '../../src/model/schema.js';
import { cli } from './run-cli.js';

const DEFAULT_DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');
const INDEX_ONLY = ['betweenness', 'throughput', 'flowShare', 'minCut', 'concentration', 'supplyRisk', 'degree', 'pagerank', 'origin', 'closeness', 'components'] as const;

interface Generated {
  attributes: Record<string, unknown>;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

let dir: string;
const files: Record<string, string> = {};

/** A generated graph with back edges, planned nodes, labels, materials, custom keys and unlimited capacities; keys renamed by `rename`. */
function generated(nodes: number, seed: number, rename: (key: string, i: number) => string): Generated {
  const data = generateSupplyGraph({ nodes, seed, backEdges: 0.08 }) as unknown as Generated;
  const names = new Map(data.nodes.map((node, i) => [node.key, rename(node.key, i)]));
  data.nodes.forEach((node, i) => {
    node.key = names.get(node.key) as string;
    if (i % 7 === 6) node.attributes.status = 'planned';
    if (i % 3 === 0) node.attributes.label = `Plant ${i}`;
  });
  data.edges.forEach((edge, i) => {
    edge.source = names.get(edge.source) as string;
    edge.target = names.get(edge.target) as string;
    if (i % 5 === 0) edge.attributes.material = i % 2 === 0 ? 'NdPr oxide' : 'concentrate';
    if (i % 11 === 0) edge.key = `custom-${i}`;
    if (i % 13 === 0) edge.attributes.capacity = 'inf';
    edge.attributes.distance = 1 + (i % 4); // a length the index does not carry (--weight distance)
  });
  return data;
}

/** A generic graph: no stages, countries or flows; an unknown attribute (a warning). */
const GENERIC = {
  nodes: [{ key: 'a', attributes: { label: 'A', colour: 'red' } }, { key: 'b' }, { key: 'c', attributes: { status: 'planned' } }, { key: 'd' }],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'd', attributes: { capacity: 3 } },
    { source: 'a', target: 'c' },
    { source: 'c', target: 'd' },
  ],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-metrics-index-'));
  const write = (name: string, data: unknown) => {
    files[name] = join(dir, `${name}.json`);
    writeFileSync(files[name], JSON.stringify(data));
  };
  files.default = DEFAULT_DATASET;
  write('loops', generated(120, 3, (key) => key));
  write('numeric', generated(90, 5, (_key, i) => String((i * 37) % 1000)));
  write('generic', GENERIC);
});

/** What the command printed before: the report built on the graphology graph, serialized as the command does. */
async function graphologyOutput(file: string, options: MetricsOptions, table?: 'nodes' | 'edges' | 'stages' | 'countries', csv = false): Promise<{ text: string; notes: string[]; warnings: string[] }> {
  const { graph, warnings } = await readGraphFile(file);
  const { report, notes } = buildMetrics(graph, options);
  const text = csv ? metricsCsv(report, table ?? 'nodes', { raw: false }) : `${JSON.stringify(table === undefined ? report : report[table], unlimitedAsText, 2)}\n`;
  return { text, notes, warnings };
}

describe('metrics from the index alone', () => {
  it.each(['default', 'loops', 'numeric'])('%s: --metrics betweenness --format json gives the graphology bytes', async (name) => {
    const file = files[name] as string;
    const run = await cli('metrics', file, '--metrics', 'betweenness', '--format', 'json');
    expect(run.code).toBe(0);
    const before = await graphologyOutput(file, { metrics: ['betweenness'] });
    expect(run.stdout).toBe(before.text);
  });

  it.each(['default', 'loops', 'numeric'])('%s: every metric but knockout and shadowPrice, JSON and each CSV table, the graphology bytes', async (name) => {
    const file = files[name] as string;
    const metrics = INDEX_ONLY.join(',');
    const json = await cli('metrics', file, '--metrics', metrics);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await graphologyOutput(file, { metrics: [...INDEX_ONLY] })).text);
    for (const table of ['nodes', 'edges', 'stages', 'countries'] as const) {
      const run = await cli('metrics', file, '--metrics', metrics, '--format', 'csv', '--table', table);
      expect(run.code, table).toBe(0);
      expect(run.stdout, table).toBe((await graphologyOutput(file, { metrics: [...INDEX_ONLY] }, table, true)).text);
    }
  });

  it('a generic graph: the same report, notes and warnings', async () => {
    const run = await cli('metrics', files.generic as string, '--metrics', 'betweenness,degree,pagerank,minCut');
    expect(run.code).toBe(0);
    const before = await graphologyOutput(files.generic as string, { metrics: ['betweenness', 'degree', 'pagerank', 'minCut'] });
    expect(run.stdout).toBe(before.text);
    expect(run.stderr).toBe(before.warnings.map((w) => `warning: ${w}\n`).join('') + before.notes.map((n) => `note: ${n}\n`).join(''));
    expect(run.stderr).toContain('unknown node attribute "colour"');
    // A metric that needs what the generic graph lacks is refused with the same message either way.
    const refused = await cli('metrics', files.generic as string, '--metrics', 'throughput');
    expect(refused.code).toBe(2);
    const { graph } = await readGraphFile(files.generic as string);
    expect(() => buildMetrics(graph, { metrics: ['throughput'] })).toThrow(refused.stderr.replace(/^chokepoint: /, '').trim());
  });

  it('the index read whole or streamed gives the same report as the graphology graph', async () => {
    for (const name of ['default', 'loops', 'numeric', 'generic']) {
      const file = files[name] as string;
      const { graph } = await readGraphFile(file);
      const options: MetricsOptions = { metrics: name === 'generic' ? ['betweenness', 'degree', 'pagerank', 'closeness'] : [...INDEX_ONLY] };
      const expected = JSON.stringify(buildMetrics(graph, options), unlimitedAsText);
      const whole = await readGraphIndexFile(file);
      expect(JSON.stringify(buildMetrics({ index: whole.index, attributes: whole.attributes }, options), unlimitedAsText), name).toBe(expected);
      const streamed = await streamGraphIndex(file);
      expect(JSON.stringify(buildMetrics({ index: streamed.index, attributes: streamed.attributes }, options), unlimitedAsText), name).toBe(expected);
    }
  });
});

describe('what needs the graphology graph', () => {
  it('metricsNeedGraph: shadowPrice and edge attributes the index does not carry', () => {
    expect(metricsNeedGraph({})).toBe(false);
    expect(metricsNeedGraph({ metrics: ['betweenness'] })).toBe(false);
    expect(metricsNeedGraph({ metrics: ['pagerank'], pagerankWeight: 'flow' })).toBe(false);
    expect(metricsNeedGraph({ metrics: ['pagerank'], pagerankWeight: null })).toBe(false);
    expect(metricsNeedGraph({ metrics: ['shadowPrice'] })).toBe(true);
    expect(metricsNeedGraph({ metrics: ['betweenness'], weight: 'distance' })).toBe(true);
    expect(metricsNeedGraph({ metrics: ['pagerank'], pagerankWeight: 'capacity' })).toBe(true);
  });

  it('an index without its graph refuses shadowPrice and a weight attribute (UsageError), and the CLI reads the graph for them', async () => {
    const { index, attributes } = await readGraphIndexFile(DEFAULT_DATASET);
    expect(() => buildMetrics({ index, attributes }, { metrics: ['shadowPrice'] })).toThrow(UsageError);
    expect(() => buildMetrics({ index, attributes }, { metrics: ['betweenness'], weight: 'flow' })).toThrow(UsageError);
    const run = await cli('metrics', files.loops as string, '--metrics', 'betweenness', '--weight', 'distance', '--table', 'nodes');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await graphologyOutput(files.loops as string, { metrics: ['betweenness'], weight: 'distance' }, 'nodes')).text);
  });

  it('bad input names the file as before, missing file first', async () => {
    const missing = await cli('metrics', join(dir, 'nope.json'), '--metrics', 'betweenness');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.json: no such file');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"nodes": [{"key": "a"}], "edges": [{"source": "a", "target": "z"}]}');
    const run = await cli('metrics', bad, '--metrics', 'betweenness');
    expect(run.stderr).toContain('edge "a -> z": unknown target node "z"');
    expect(readFileSync(bad, 'utf8')).toContain('"z"');
  });
});
