import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const TINY = join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json');

describe('chokepoint info', () => {
  it('gives counts by stage and country and throughput per stage as JSON', async () => {
    const run = await cli('info', TINY, '--format', 'json');
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info.nodes).toBe(6);
    expect(info.edges).toBe(5);
    // Throughput = max(in-flow, out-flow): mining 90 + 10 + 0; separation 90 + 10; magnet 100.
    expect(info.stages.slice(0, 4)).toEqual([
      { stage: 'mining', nodes: 3, throughput: 100 },
      { stage: 'separation', nodes: 2, throughput: 100 },
      { stage: 'refining', nodes: 0, throughput: 0 },
      { stage: 'magnet', nodes: 1, throughput: 100 },
    ]);
    expect(info.countries[0]).toEqual({ country: 'CN', nodes: 2 });
  });

  it('prints readable tables as text', async () => {
    const run = await cli('info', TINY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tiny chain: 6 nodes, 5 edges (flows in t REO/yr)');
    expect(run.stdout).toMatch(/mining\s+3\s+100/);
  });

  it('rejects an unknown format as a usage error', async () => {
    const run = await cli('info', TINY, '--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });
});
