/**
 * Starts src/server/compute-worker.ts from source in a worker thread (tests only; the
 * server runs dist/server/compute-worker.js). The worker and every module it imports,
 * across src/ folders, are transpiled once with the project's TypeScript into a temporary
 * copy of src/ whose node_modules is a link to the project's. The same approach as
 * tests/metrics/centrality/spawn-ts-worker.ts (which handles one folder only).
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let entry: string | null = null;

/** Transpiles `src/<file>.ts` and, recursively, its relative imports into `<dir>/src/`. */
function transpile(file: string, dir: string, done: Set<string>): void {
  if (done.has(file)) return;
  done.add(file);
  const source = readFileSync(join(ROOT, 'src', `${file}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
  const out = join(dir, 'src', `${file}.js`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  for (const match of outputText.matchAll(/from '(\.\.?\/[\w./-]+)\.js'/g)) {
    transpile(posix.normalize(posix.join(posix.dirname(file), match[1] as string)), dir, done);
  }
}

/** The transpiled worker entry (made on first use). */
export function computeWorkerEntry(): string {
  if (entry === null) {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-compute-'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    transpile('server/compute-worker', dir, new Set());
    entry = join(dir, 'src', 'server', 'compute-worker.js');
  }
  return entry;
}

export const spawnComputeWorker = (): Worker => new Worker(computeWorkerEntry());
