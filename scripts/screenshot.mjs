#!/usr/bin/env node
/* global document */
// Regenerates docs/screenshot.png: the map of the default dataset (or ?query given as the
// first argument, e.g. "?off=CN&mode=embargo") at 1600x1000, in headless chromium.
// Needs the build (`npm run build`) and a chromium (/usr/bin/chromium or CHROMIUM_PATH).
// Usage: node scripts/screenshot.mjs [query] [output.png]
import { join } from 'node:path';
import { ROOT, withMapPage } from './map-page.mjs';

const query = process.argv[2] ?? '';
const output = process.argv[3] ?? join(ROOT, 'docs/screenshot.png');
await withMapPage(query, async (page) => {
  // The time chart under the map is asked after the map's answer: wait until it is drawn
  // (or failed), so the picture shows it.
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-testid="timeline"]')?.dataset.state ?? 'ready'), undefined, { timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: output });
});
process.stdout.write(`screenshot: wrote ${output}\n`);
