/**
 * The library entry (`import ... from 'chokepoint'`): runs the example of docs/library.md
 * with Node against the built package (dist/, built by the global setup), through the
 * package's own "exports" (a self-reference), and checks the type declarations.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/io/load-graph.js';
import { maxFlow } from '../../src/metrics/flow/max-flow.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function example(): string {
  const doc = readFileSync(new URL('../../docs/library.md', import.meta.url), 'utf8');
  const match = /```js\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/library.md has no ```js block');
  return match[1] as string;
}

describe("import { loadGraph, betweenness, maxFlow, evaluateScenario } from 'chokepoint'", () => {
  it('runs the documented example; its numbers are those of the source tree', async () => {
    const { graph, warnings } = await loadGraph('graphs/rare-earths-2024.json');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', example()], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${graph.order} nodes, ${graph.size} edges, ${warnings.length} warnings`);
    expect(lines[1]).toMatch(/^most between: \S+ 0\.\d{4}$/);
    const flow = maxFlow(graph);
    expect(lines[2]).toBe(`maxFlow ${Math.round(flow.value)} ${String(graph.getAttribute('unit') ?? '')} cut: ${flow.minCut.edges.length} edges`);
    expect(lines[3]).toMatch(/^cn-mining-light -> cn-separation-light: \d+$/);
    expect(lines[4]).toMatch(/^scenario loss \(max-flow bound\): \d+\.\d %$/);
  });

  it('exports the four named functions and ships their types', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('chokepoint'); console.log(['loadGraph','betweenness','maxFlow','evaluateScenario'].map((k) => typeof m[k]).join())"], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('function,function,function,function');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    const types = readFileSync(new URL('../../dist/index.d.ts', import.meta.url), 'utf8');
    for (const name of ['loadGraph', 'betweenness', 'maxFlow', 'evaluateScenario']) expect(types).toContain(name);
  });
});
