// The bottleneck map in headless chromium, for scripts (screenshot, map latency): starts
// the compiled server on a free port, opens the page with `query`, waits until it is
// drawn, runs `fn(page)` and cleans up. Needs `npm run build` and a chromium
// (/usr/bin/chromium or CHROMIUM_PATH). The flags are those of tests/browser/browser.ts.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
/* global window */

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export async function withMapPage(query, fn, viewport = { width: 1600, height: 1000 }) {
  const browserPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!browserPath) fail('no chromium found; install one (apt-get install chromium) or set CHROMIUM_PATH');
  if (!existsSync(join(ROOT, 'dist/server/start.js')) || !existsSync(join(ROOT, 'dist/web/index.html'))) fail('not built; run `npm run build` first');
  const { start } = await import('../dist/server/start.js');
  // As `chokepoint serve` starts it: the listing read and the small graphs' baselines prepared at start.
  const server = await start({ port: 0, warm: true });
  const profile = await mkdtemp(join(tmpdir(), 'chokepoint-page-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath, headless: true, args: ARGS, viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${query}`);
    await page.waitForFunction(() => window.__chokepoint?.ready === true && window.__chokepoint.pending === 0, undefined, { timeout: 30_000 });
    return await fn(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
  }
}
