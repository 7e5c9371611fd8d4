/**
 * Worker threads from TypeScript sources, for tests (the CLI and server start the
 * compiled dist/ files). A worker entry under src/ and every module it imports, across
 * src/ folders, are transpiled once with the project's TypeScript into a temporary copy of
 * src/ whose node_modules is a link to the project's: `.tmp/ts-workers/<pid>` (git
 * ignores `.tmp/`). Copies left by test processes that have ended are removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKERS = join(ROOT, '.tmp', 'ts-workers');
let dir: string | null = null;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the copies of test processes that have ended. */
function removeStale(): void {
  if (!existsSync(WORKERS)) return;
  for (const name of readdirSync(WORKERS)) {
    if (Number(name) !== process.pid && !alive(Number(name))) rmSync(join(WORKERS, name), { recursive: true, force: true });
  }
}
const entries = new Map<string, string>();

/** Transpiles `src/<file>.ts` and, recursively, its relative imports into `<dir>/src/`. */
function transpile(file: string, into: string, done: Set<string>): void {
  if (done.has(file)) return;
  done.add(file);
  const source = readFileSync(join(ROOT, 'src', `${file}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
  const out = join(into, 'src', `${file}.js`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  for (const match of outputText.matchAll(/from '(\.\.?\/[\w./-]+)\.js'/g)) {
    transpile(posix.normalize(posix.join(posix.dirname(file), match[1] as string)), into, done);
  }
}

/** The transpiled entry for `src/<file>.ts` (e.g. `server/compute-worker`), made on first use. */
export function tsWorkerEntry(file: string): string {
  const known = entries.get(file);
  if (known) return known;
  if (dir === null) {
    removeStale();
    const made = join(WORKERS, String(process.pid));
    rmSync(made, { recursive: true, force: true });
    mkdirSync(made, { recursive: true });
    writeFileSync(join(made, 'package.json'), '{"type":"module"}');
    symlinkSync(join(ROOT, 'node_modules'), join(made, 'node_modules'), 'dir');
    dir = made;
  }
  transpile(file, dir, new Set());
  const entry = join(dir, 'src', `${file}.js`);
  entries.set(file, entry);
  return entry;
}

/** A worker running `src/<file>.ts`. */
export function tsWorker(file: string, options?: WorkerOptions): Worker {
  return new Worker(tsWorkerEntry(file), options);
}
