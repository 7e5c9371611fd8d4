/**
 * Vitest global setup: some tests run the compiled CLI, server and page (`dist/`: the
 * process-level CLI tests, SIGTERM, the browser tests). Before any test runs, `npm run
 * build` is run once when `dist/` is missing or older than its sources, so `npm test`
 * never tests stale code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCES = ['src', 'web', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const BUILT = ['dist/cli/run.js', 'dist/server/start.js', 'dist/web/index.html'];

function newest(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function oldestBuilt(): number {
  return Math.min(...BUILT.map((file) => newest(join(ROOT, file))));
}

export default function setup(): void {
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (oldestBuilt() > sources) return;
  process.stderr.write('global setup: dist/ is missing or older than the sources; running npm run build\n');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed; the tests that run dist/ cannot run');
}
