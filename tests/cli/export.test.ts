import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { cli } from './run-cli.js';

const GRAPH = 'tests/fixtures/graphs/tiny.json';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chokepoint-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chokepoint export', () => {
  it('writes GEXF and GraphML that parse back with the same counts and metrics', async () => {
    const gexf = join(dir, 'tiny.gexf');
    const graphml = join(dir, 'tiny.graphml');
    const run = await cli('export', GRAPH, '--format', 'gexf', '--out', gexf);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^wrote ${gexf}: gexf, 6 nodes, 5 edges, metrics: .*betweenness`));
    expect((await cli('export', GRAPH, '--out', graphml)).code).toBe(0); // format from the extension
    const a = parseGexf(MultiGraph, await readFile(gexf, 'utf8'));
    const b = parseGraphml(MultiGraph, await readFile(graphml, 'utf8'));
    for (const g of [a, b]) {
      expect([g.order, g.size, g.type]).toEqual([6, 5, 'directed']);
      expect(g.getNodeAttributes('my-sep')).toMatchObject({ stage: 'separation', country: 'MY', capacity: 20 });
      expect(typeof g.getNodeAttribute('cn-sep', 'betweenness')).toBe('number');
      expect(typeof g.getNodeAttribute('cn-sep', 'knockoutLoss')).toBe('number');
      expect(g.getEdgeAttribute('cn-mine->cn-sep', 'flow')).toBe(90);
    }
    expect(a.getNodeAttribute('cn-mine', 'label')).toBe('China mine');
    expect(a.getNodeAttribute('cn-sep', 'betweenness')).toBe(b.getNodeAttribute('cn-sep', 'betweenness'));
  });

  it('writes graph JSON that validates, with or without metrics', async () => {
    const withMetrics = join(dir, 'with.json');
    const without = join(dir, 'without.json');
    expect((await cli('export', GRAPH, '--format', 'json', '-o', withMetrics)).code).toBe(0);
    expect((await cli('export', GRAPH, '--format', 'json', '-o', without, '--no-metrics')).code).toBe(0);
    const original = (await readGraphFile(GRAPH)).graph;
    const plain = (await readGraphFile(without)).graph;
    expect(plain.export()).toEqual(original.export());
    const { graph } = await readGraphFile(withMetrics);
    expect(graph.getNodeAttributes('cn-sep')).toHaveProperty('betweenness');
    expect(graph.getNodeAttributes('cn-sep')).toHaveProperty('throughput', 90);
  });

  it('writes cyjs and csv tables to stdout', async () => {
    const cyjs = await cli('export', GRAPH, '--format', 'cyjs');
    expect(cyjs.code).toBe(0);
    const doc = JSON.parse(cyjs.stdout) as { elements: { nodes: unknown[]; edges: { data: Record<string, unknown> }[] } };
    expect(doc.elements.nodes).toHaveLength(6);
    expect(doc.elements.edges[0]?.data).toMatchObject({ source: 'cn-mine', target: 'cn-sep', source_ref: 'test' });
    const nodes = parseCsv((await cli('export', GRAPH, '--format', 'csv')).stdout, { columns: true }) as Record<string, string>[];
    expect(nodes).toHaveLength(6);
    expect(Object.keys(nodes[0] ?? {})).toEqual(expect.arrayContaining(['key', 'stage', 'country', 'betweenness', 'knockoutLoss']));
    const edges = parseCsv((await cli('export', GRAPH, '--format', 'csv', '--table', 'edges', '--no-metrics')).stdout, { columns: true }) as Record<string, string>[];
    expect(edges).toHaveLength(5);
    expect(edges[0]).toEqual({ source: 'cn-mine', target: 'cn-sep', flow: '90', capacity: '', material: 'mixed concentrate', source_ref: 'test', notes: '' });
  });

  it('refuses to overwrite without --force', async () => {
    const out = join(dir, 'exists.graphml');
    await writeFile(out, 'keep me');
    const run = await cli('export', GRAPH, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the file exists; pass --force/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect((await cli('export', GRAPH, '--out', out, '--force')).code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<\?xml/);
  });

  it('rejects wrong flags with exit code 2 and a missing graph with 3', async () => {
    expect(await cli('export', GRAPH, '--format', 'gexf', '--table', 'edges')).toMatchObject({
      code: 2,
      stderr: 'chokepoint: export options: table applies to the csv format only, not gexf\n',
    });
    expect(await cli('export', GRAPH)).toMatchObject({ code: 2, stderr: 'chokepoint: give --format (gexf, graphml, cyjs, json, csv)\n' });
    expect((await cli('export', GRAPH, '--out', join(dir, 'x.txt'))).stderr).toBe(`chokepoint: give --format (gexf, graphml, cyjs, json, csv): the extension of ${join(dir, 'x.txt')} does not name one\n`);
    const dot = await cli('export', GRAPH, '--format', 'dot');
    expect(dot.code).toBe(2);
    expect(dot.stderr).toMatch(/Allowed choices are gexf, graphml, cyjs, json, csv/);
    expect((await cli('export', GRAPH, '--format', 'csv', '--table', 'rows')).code).toBe(2);
    expect((await cli('export', GRAPH, '--format', 'csv', '--metrcs')).code).toBe(2);
    const missing = await cli('export', join(dir, 'nope.json'), '--format', 'json');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
  });

  it('lists the formats in its help', async () => {
    const run = await cli('export', '--help');
    expect(run.stdout).toMatch(/gexf\s+\.gexf\s+GEXF 1\.2 \(Gephi\)/);
    expect(run.stdout).toContain('--no-metrics');
  });
});

describe('chokepoint export to folders (neo4j, graphframes) and --metrics', () => {
  it('writes the neo4j files into the --out folder with only the metrics asked for', async () => {
    const out = join(dir, 'neo4j');
    const run = await cli('export', GRAPH, '--format', 'neo4j', '--metrics', 'betweenness,throughput', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${out}: neo4j, nodes.csv, relationships.csv, import.sh, gds.cypher; 6 nodes, 5 edges, metrics: betweenness, throughput\n`);
    const header = (await readFile(join(out, 'nodes.csv'), 'utf8')).split('\n')[0] ?? '';
    expect(header).toContain('betweenness:double');
    expect(header).toContain('throughput:double');
    expect(header).not.toContain('knockoutLoss');
    expect((await cli('export', GRAPH, '--format', 'neo4j', '--out', out)).code).toBe(2); // files exist, no --force
    expect((await cli('export', GRAPH, '--format', 'neo4j', '--out', out, '--force')).code).toBe(0);
  });

  it('writes graphframes files without metrics', async () => {
    const out = join(dir, 'graphframes');
    const run = await cli('export', GRAPH, '--format', 'graphframes', '--no-metrics', '--out', out);
    expect(run.code).toBe(0);
    const edges = parseCsv(await readFile(join(out, 'edges.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(edges).toHaveLength(5);
    expect(Object.keys(edges[0] ?? {}).slice(0, 3)).toEqual(['src', 'dst', 'key']);
    expect(Object.keys(edges[0] ?? {})).not.toContain('betweenness');
  });

  it('refuses a folder format without --out, and an unknown metric', async () => {
    const run = await cli('export', GRAPH, '--format', 'graphframes');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('graphframes writes several files: give the folder with --out');
    expect((await cli('export', GRAPH, '--format', 'csv', '--metrics', 'betweeness')).code).toBe(2);
  });

  it('--metrics limits a single-file export too', async () => {
    const run = await cli('export', GRAPH, '--format', 'csv', '--metrics', 'minCut');
    expect(run.code).toBe(0);
    const header = run.stdout.split('\n')[0] ?? '';
    expect(header).toMatch(/,minCut$/);
  });
});
