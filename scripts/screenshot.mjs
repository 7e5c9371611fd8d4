#!/usr/bin/env node
// Regenerates docs/screenshot.png: the map of the default dataset (or ?query given as the
// first argument, e.g. "?off=CN&node=cn-baotou-sep") at 1600x1000, in headless chromium.
// Needs the build (`npm run build`) and a chromium (/usr/bin/chromium or CHROMIUM_PATH).
// Usage: node scripts/screenshot.mjs [query] [output.png]
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
/* global window */

const root = fileURLToPath(new URL('../', import.meta.url));
const query = process.argv[2] ?? '';
const output = process.argv[3] ?? join(root, 'docs/screenshot.png');
const browserPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!browserPath) {
  process.stderr.write('screenshot: no chromium found; install one (apt-get install chromium) or set CHROMIUM_PATH\n');
  process.exit(1);
}
if (!existsSync(join(root, 'dist/server/start.js')) || !existsSync(join(root, 'dist/web/index.html'))) {
  process.stderr.write('screenshot: not built; run `npm run build` first\n');
  process.exit(1);
}

const { start } = await import('../dist/server/start.js');
const server = await start({ port: 0 });
const profile = await mkdtemp(join(tmpdir(), 'chokepoint-screenshot-'));
// The same flags as the browser tests (tests/browser/browser.ts).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 1600, height: 1000 },
  deviceScaleFactor: 1,
});
try {
  const page = await context.newPage();
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.__chokepoint?.ready === true && window.__chokepoint.pending === 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: output });
  process.stdout.write(`screenshot: wrote ${output}\n`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
  await server.close();
}
