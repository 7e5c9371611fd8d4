import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowFixtures } from '../metrics/flow/flow-fixtures.js';
import { cli } from './run-cli.js';

let dir: string;
let chain: string;
let zero: string;

function writeGraph(name: string, data: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-metrics-'));
  const fixtures = flowFixtures();
  chain = writeGraph('chain', fixtures.find((f) => f.name === 'chain')!.data);
  zero = writeGraph('zero', fixtures.find((f) => f.name === 'zero')!.data);
});

describe('chokepoint metrics', () => {
  it('prints the whole report as pretty JSON', async () => {
    const run = await cli('metrics', chain);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\{\n {2}"graph": \{/);
    const report = JSON.parse(run.stdout);
    expect(report.supply).toEqual({ maxFlow: 80, observed: 90 });
    expect(report.nodes).toHaveLength(5);
    expect(run.stderr).toBe('');
  });

  it('computes a subset with --metrics and prints one table with --table', async () => {
    const run = await cli('metrics', chain, '--metrics', 'knockoutLoss, throughput', '--table', 'countries');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { country: 'AU', name: 'Australia', knockoutLoss: 0.375, throughput: 50 },
      { country: 'CN', name: 'China', knockoutLoss: 0.75, throughput: 130 },
      { country: 'JP', name: 'Japan', knockoutLoss: 1, throughput: 90 },
      { country: 'MY', name: 'Malaysia', knockoutLoss: 0.25, throughput: 20 },
    ]);
  });

  it('writes CSV tables (nodes by default)', async () => {
    const nodes = await cli('metrics', chain, '--format', 'csv', '--metrics', 'minCut');
    expect(nodes.code).toBe(0);
    expect(nodes.stdout.split('\n').slice(0, 2)).toEqual(['id,label,stage,country,status,minCut', 'a,a,mining,CN,operating,false']);
    const stages = await cli('metrics', chain, '--format', 'csv', '--table', 'stages', '--metrics', 'concentration');
    expect(stages.stdout.split('\n')[0]).toBe('stage,throughput,hhi,topCountry,topShare,share_AU,share_CN,share_JP,share_MY');
    expect(stages.stdout.split('\n')[1]).toBe('mining,100,0.5,AU,0.5,0.5,0.5,0,0');
  });

  it('--metrics origin: each node\'s mining and separating origin, as JSON and as CSV columns (hand-computed)', async () => {
    // b (CN separation) takes 50 from a (CN mine) and 30 from d (AU mine); c (JP magnets)
    // takes 70 from b and 20 from e (MY separation, fed by d only).
    // c mined: CN = 70/90 x 50/80, AU = 70/90 x 30/80 + 20/90; separated: CN 70/90, MY 20/90.
    const run = await cli('metrics', chain, '--metrics', 'origin', '--table', 'nodes');
    expect(run.code).toBe(0);
    const c = (JSON.parse(run.stdout) as { id: string; origin: { mining: Record<string, number>; separation: Record<string, number> } }[]).find((n) => n.id === 'c');
    expect(c?.origin.mining.CN).toBeCloseTo((70 / 90) * (50 / 80), 12);
    expect(c?.origin.mining.AU).toBeCloseTo((70 / 90) * (30 / 80) + 20 / 90, 12);
    expect(c?.origin.separation.CN).toBeCloseTo(70 / 90, 12);
    expect(c?.origin.separation.MY).toBeCloseTo(20 / 90, 12);
    const csv = await cli('metrics', chain, '--metrics', 'origin', '--format', 'csv');
    const lines = csv.stdout.split('\n');
    expect(lines[0]).toBe('id,label,stage,country,status,origin_mining_AU,origin_mining_CN,origin_separation_CN,origin_separation_MY');
    expect(lines[1]).toBe('a,a,mining,CN,operating,0,1,0,0');
  });

  it('prints notes on stderr unless --quiet', async () => {
    const loud = await cli('metrics', zero, '--metrics', 'knockoutLoss');
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/^note: maxFlow is 0/);
    const quiet = await cli('metrics', zero, '--metrics', 'knockoutLoss', '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it('writes --out atomically and refuses to replace it without --force', async () => {
    const out = join(dir, 'report.json');
    const first = await cli('metrics', chain, '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*report\.json: json, metrics: betweenness,/);
    expect(JSON.parse(readFileSync(out, 'utf8')).supply.maxFlow).toBe(80);
    const again = await cli('metrics', chain, '--out', out, '--metrics', 'throughput');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
    const forced = await cli('metrics', chain, '--out', out, '--metrics', 'throughput', '--force', '--quiet');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).metrics).toEqual(['throughput']);
  });

  it('exits 2 on unknown metrics, tables, formats and bad numbers, listing the valid choices', async () => {
    const metric = await cli('metrics', chain, '--metrics', 'throughput,hhi');
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain('unknown metric "hhi" (valid: betweenness, throughput, flowShare, knockoutLoss, minCut, concentration, supplyRisk, degree, pagerank, shadowPrice, origin, closeness, components)');
    const table = await cli('metrics', chain, '--table', 'links');
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('unknown table "links" (valid: nodes, edges, stages, countries)');
    expect((await cli('metrics', chain, '--format', 'xml')).code).toBe(2);
    expect((await cli('metrics', chain, '--sample', 'ten')).code).toBe(2);
    expect((await cli('metrics', chain, '--metrics', 'throughput', '--weight', 'flow')).code).toBe(2);
    expect((await cli('metrics', chain, '--bogus')).code).toBe(2);
  });

  it('checks --weight: absent from every edge is a usage error, missing on some an input error', async () => {
    const none = await cli('metrics', chain, '--weight', 'distance');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no edge has this attribute/);
    const data = JSON.parse(readFileSync(chain, 'utf8'));
    data.edges[0].attributes.distance = 3;
    const some = await cli('metrics', writeGraph('some-distance', data), '--weight', 'distance');
    expect(some.code).toBe(3);
    expect(some.stderr).toMatch(/has no "distance" attribute/);
  });

  it('exits 3 on an invalid or missing graph file', async () => {
    const bad = await cli('metrics', join(import.meta.dirname, '..', 'fixtures', 'bad', 'bad-country.json'));
    expect(bad.code).toBe(3);
    expect((await cli('metrics', join(dir, 'missing.json'))).code).toBe(3);
  });
});
