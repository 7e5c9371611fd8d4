import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readGraphFile } from '../../src/io/read-graph.js';
import { sweepScenarios } from '../../src/scenario/sweep.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { chain } from '../scenario/graphs.js';
import { cli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-sweep-'));
const GRAPH = join(dir, 'chain.json');
writeFileSync(GRAPH, JSON.stringify(chain().export()));

describe('chokepoint sweep', () => {
  it('ranks countries as JSON (see tests/scenario/sweep.test.ts for the arithmetic)', async () => {
    const run = await cli('sweep', GRAPH, '--format', 'json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rows.map((r: { id: string }) => r.id)).toEqual(['CN', 'MM', 'JP', 'US']);
    expect(result.rows[1].loss.maxFlow).toBeCloseTo(0.4, 12);
  });

  it('prints a ranked table as text and a CSV', async () => {
    const text = await cli('sweep', GRAPH, '--by', 'node');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Each node offline in turn, ranked by the maxFlow loss. Baseline: max flow 100, allocation 100, observed 100 units'); // the chain names no unit (issue 10: never t REO/yr unless the graph says so)
    expect(text.stdout).toMatch(/1 {2}s1 {4}s1 +1 +100\.0 +100\.0 +100\.0\n/);
    expect(text.stderr).toBe('');
    const csv = await cli('sweep', GRAPH, '--mode', 'embargo', '--format', 'csv', '--quiet');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('country,name,nodes,maxflow_scenario,maxflow_loss,maxflow_rank,proportional_scenario,proportional_loss,proportional_rank,allocation_scenario,allocation_loss,allocation_rank');
    const byAllocation = await cli('sweep', GRAPH, '--bound', 'allocation', '--quiet');
    expect(byAllocation.stdout).toContain('ranked by the allocation loss');
    expect((await cli('sweep', GRAPH, '--bound', 'best')).code).toBe(2);
  });

  it('draws a progress bar on stderr only when it is a terminal and --quiet is off', async () => {
    const run = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['sweep', GRAPH, '--format', 'json', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: true });
      return { code, stdout, stderr };
    };
    const shown = await run();
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('sweep by country');
    expect(JSON.parse(shown.stdout).rows).toHaveLength(4);
    expect((await run('--quiet')).stderr).toBe('');
  });

  it('rejects bad flags with exit 2', async () => {
    const cases: [string[], string][] = [
      [['--by', 'node', '--mode', 'embargo'], '--mode embargo needs --by country'],
      [['--by', 'region'], '--by: expected one of country, node (got "region")'],
      [['--mode', 'ban'], '--mode: expected one of disable, embargo (got "ban")'],
      [['--format', 'xml'], '--format: expected one of text, json, csv (got "xml")'],
    ];
    for (const [args, message] of cases) {
      const run = await cli('sweep', GRAPH, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it('reports a missing graph file', async () => {
    const run = await cli('sweep', join(dir, 'missing.json'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no such file');
  });
});

describe('chokepoint sweep --threads', () => {
  it('is a whole number >= 1; a small sweep gives the same answer on any number', async () => {
    const one = await cli('sweep', GRAPH, '--format', 'json', '--threads', '1');
    const four = await cli('sweep', GRAPH, '--format', 'json', '--threads', '4');
    expect(one.code).toBe(0);
    expect(four.stdout).toBe(one.stdout);
    for (const bad of ['0', '1.5', 'two']) {
      const run = await cli('sweep', GRAPH, '--threads', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--threads: expected a whole number >= 1 (got "${bad}")`);
    }
  });

  it('the compiled workers (dist/scenario/sweep-worker.js) give the single-thread sweep', async () => {
    type Parallel = typeof import('../../src/scenario/sweep-parallel.js');
    const compiled = (await import(pathToFileURL(join(ROOT, 'dist', 'scenario', 'sweep-parallel.js')).href)) as Parallel;
    const graph = (await readGraphFile(join(ROOT, 'graphs', 'rare-earths-2024.json'))).graph;
    expect(await compiled.sweepScenariosParallel(graph, { threads: 2, minWork: 0, by: 'country', mode: 'embargo' })).toEqual(sweepScenarios(graph, { by: 'country', mode: 'embargo' }));
  });
});
