/** `chokepoint scenario --samples N`: the uncertainty ensemble from the command line, and the threaded runner. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEnsembleThreaded } from '../../src/cli/ensemble-threads.js';
import { ComputationError } from '../../src/model/errors.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { runEnsemble } from '../../src/uncertainty/ensemble.js';
import { tsWorker } from '../helpers/ts-worker.js';
import { chain } from '../scenario/graphs.js';
import { cli } from './run-cli.js';

function annotated() {
  const g = chain({ s1Mag1Capacity: 90 });
  g.forEachNode((node) => g.setNodeAttribute(node, 'confidence', 'medium'));
  g.forEachEdge((edge) => g.setEdgeAttribute(edge, 'confidence', 'low'));
  return g;
}
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-ensemble-'));
const GRAPH = join(dir, 'chain.json');
writeFileSync(GRAPH, JSON.stringify(annotated().export()));
const quota = join(dir, 'quota.json');
writeFileSync(quota, JSON.stringify({ name: 'quota', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.6 } }] }));

describe('runEnsembleThreaded', () => {
  const scenario: Scenario = { name: 'quota', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.6 } }] };
  it('gives the same result on one thread and on two (same seed), with progress to N', async () => {
    const graph = annotated();
    const options = { samples: 10, seed: 11 };
    const progress: number[] = [];
    const one = await runEnsembleThreaded(graph, scenario, options, { threads: 1 });
    const two = await runEnsembleThreaded(graph, scenario, options, { threads: 2, chunk: 3, spawn: () => tsWorker('cli/ensemble-worker'), onProgress: (d) => progress.push(d) });
    expect(two).toEqual(one);
    expect(one).toEqual(runEnsemble(graph, scenario, options));
    expect(progress.at(-1)).toBe(10);
    expect(one.inputs.length).toBeGreaterThan(1);
  }, 120_000); // two workers start from TypeScript sources, each loading the LP solver: slow on a busy machine

  it('brings a worker error back as the same typed error', async () => {
    const graph = annotated();
    // m2 -> s1 (40) fixed, m1 -> s1 drawn: the fixed flow alone exceeds the mining total 1.
    graph.removeEdgeAttribute('m2->s1', 'confidence');
    graph.setAttribute('stageTotals', { mining: 1 });
    await expect(runEnsembleThreaded(graph, scenario, { samples: 4 }, { threads: 2, spawn: () => tsWorker('cli/ensemble-worker') })).rejects.toThrow(ComputationError);
  }, 120_000);
});

describe('chokepoint scenario --samples', () => {
  it('prints percentiles and sensitivities as text', async () => {
    const run = await cli('scenario', GRAPH, '--scenario', quota, '--samples', '30', '--threads', '1', '--threshold', '0.5');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('30 members (Latin hypercube, seed 1)');
    expect(run.stdout).toMatch(/scope\s+bound\s+point\s+P10\s+P50\s+P90\s+P\(>50\.0%\)/);
    expect(run.stdout).toContain('1 by explicit range');
    expect(run.stdout).toMatch(/scope\s+bound\s+input\s+rho/);
  });

  it('writes JSON that a second run with the same seed reproduces, and CSV with one row per headline', async () => {
    const args = ['scenario', GRAPH, '--scenario', quota, '--samples', '16', '--seed', '3', '--threads', '1', '--format', 'json'];
    const a = await cli(...args);
    const b = await cli(...args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.samples).toBe(16);
    expect(result.seed).toBe(3);
    const csv = await cli('scenario', GRAPH, '--scenario', quota, '--samples', '16', '--seed', '3', '--threads', '1', '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^scope,end_use,bound,point,p10,p50,p90/);
    expect(lines.length).toBe(1 + result.headlines.length);
  });

  it('refuses bad ensemble flags with exit code 2', async () => {
    for (const args of [['--samples', '0'], ['--samples', 'x'], ['--samples', '5', '--threshold', 'high'], ['--seed', '3'], ['--samples', '5', '--spreads', 'low=-1'], ['--samples', '5', '--spreads', 'lo=0.2']]) {
      const run = await cli('scenario', GRAPH, '--embargo', 'CN', '--threads', '1', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toContain('    at ');
    }
  });
});
