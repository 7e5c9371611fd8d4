/**
 * Builds the page (`vite build` through Vite's API) when `dist/web` is missing or older
 * than its sources. Test files may call it at once: a lock folder makes one build and
 * the others wait for it.
 */
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'dist/web');
const SOURCES = ['web', 'vite.config.ts', 'src/model', 'package-lock.json'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((name) => newestMtime(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(join(WEB_DIST, 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(join(ROOT, s))))));
  return sources > built.mtimeMs;
}

export async function ensureWebBuild(): Promise<void> {
  const lock = join(ROOT, 'dist', '.web-build.lock');
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`waited 2 minutes for ${lock}; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (await isStale()) await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    await rmdir(lock);
  }
}
