/**
 * Starts betweenness-worker.ts from source in a worker thread: the worker and the modules
 * it imports are transpiled once with the project's TypeScript into a temporary folder
 * (tests only; the CLI runs the compiled dist/ files).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import type { SpawnWorker } from '../../../src/metrics/centrality/betweenness-parallel.js';

const SOURCE = new URL('../../../src/metrics/centrality/', import.meta.url);
let entry: string | null = null;

/** Transpiles `name` (e.g. "brandes-sum") and, recursively, its relative imports into `dir`. */
function transpile(name: string, dir: string, done: Set<string>): void {
  if (done.has(name)) return;
  done.add(name);
  const source = readFileSync(new URL(`${name}.ts`, SOURCE), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
  writeFileSync(join(dir, `${name}.js`), outputText);
  for (const match of outputText.matchAll(/from '\.\/([\w-]+)\.js'/g)) transpile(match[1] as string, dir, done);
}

export const spawnTsWorker: SpawnWorker = (input) => {
  if (entry === null) {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-worker-'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    transpile('betweenness-worker', dir, new Set());
    entry = join(dir, 'betweenness-worker.js');
  }
  return new Worker(entry, { workerData: input });
};
