import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { cli } from '../cli/run-cli.js';

describe('chokepoint generate', () => {
  it('writes a valid graph, deterministic per seed, and refuses to overwrite without --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-generate-'));
    const file = join(dir, 'g.json');
    const run = await cli('generate', '--nodes', '200', '--seed', '7', '--back-edges', '0.05', '--edges-per-node', '2.5', '-o', file);
    expect(run).toEqual({ code: 0, stdout: `wrote ${file}: 200 nodes, 500 edges\n`, stderr: '' });
    const { graph } = await readGraphFile(file);
    expect([graph.order, graph.size]).toEqual([200, 500]);
    const first = await readFile(file, 'utf8');

    const again = await cli('generate', '--nodes', '200', '--seed', '7', '--back-edges', '0.05', '--edges-per-node', '2.5', '-o', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);

    expect((await cli('generate', '--nodes', '200', '--seed', '7', '--back-edges', '0.05', '--edges-per-node', '2.5', '-o', file, '--force')).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(first);
  });

  it.each([
    [['--nodes', 'ten', '--seed', '1'], /--nodes: expected a whole number \(got "ten"\)/],
    [['--nodes', '100', '--seed', '1.5'], /--seed: expected a whole number/],
    [['--nodes', '100', '--seed', '1', '--back-edges', 'x'], /--back-edges: expected a number/],
    [['--nodes', '3', '--seed', '1'], /nodes must be a whole number >= 7/],
  ])('exits 2 on bad flags %j', async (flags, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-generate-'));
    const run = await cli('generate', ...flags, '-o', join(dir, 'g.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 when a required flag is missing', async () => {
    const run = await cli('generate', '--nodes', '100', '-o', 'x.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--seed/);
  });
});
