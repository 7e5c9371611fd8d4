#!/usr/bin/env node
/* global document */
// Screenshots of the bottleneck map in headless chromium (needs the build, `npm run build`,
// and a chromium: /usr/bin/chromium or CHROMIUM_PATH).
//
//   node scripts/screenshot.mjs [query] [output.png] [--size WxH] [--element TESTID] [--full-page]
//     one picture: the map of the default dataset (or ?query, e.g. "?off=CN&mode=embargo")
//     at 1600x1000 (--size), the whole window, the whole page (--full-page) or only the
//     element with data-testid TESTID (--element); default output docs/screenshot.png.
//   node scripts/screenshot.mjs --docs
//     regenerates every docs/ image this script owns (DOCS below): docs/screenshot.png and
//     docs/workbench-origin.png. The other docs/workbench-*.png are written by the browser
//     tests that check what they show (CHOKEPOINT_SCREENSHOTS=1 npx vitest run tests/browser).
//   node scripts/screenshot.mjs --sizes [DIR]
//     the default page at 1400x900, 1024x768 and a phone's 390x844 (the whole page), into
//     DIR (default .tmp/screenshots), to look at the layout at common sizes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, withMapPage } from './map-page.mjs';

/** The docs/ images made here: query, output, options. */
const DOCS = [
  { query: '', output: 'docs/screenshot.png' },
  // The node panel of the Japanese magnet makers: "mined in" / "separated in" (docs/metrics.md#origin).
  { query: '?node=jp-magnet', output: 'docs/workbench-origin.png', element: 'node-details', size: '1600x1000' },
];

/** The layout check sizes. */
const SIZES = [
  { size: '1400x900', fullPage: false },
  { size: '1024x768', fullPage: false },
  { size: '390x844', fullPage: true },
];

function viewport(size) {
  const match = /^(\d+)x(\d+)$/.exec(size ?? '1600x1000');
  if (!match) {
    process.stderr.write(`screenshot: --size must be WIDTHxHEIGHT (e.g. 1400x900), got "${size}"\n`);
    process.exit(2);
  }
  return { width: Number(match[1]), height: Number(match[2]) };
}

async function shoot({ query = '', output, size, element, fullPage = false }) {
  await withMapPage(query, async (page) => {
    // The time chart under the map is asked after the map's answer: wait until it is drawn
    // (or failed), so the picture shows it.
    await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-testid="timeline"]')?.dataset.state ?? 'ready'), undefined, { timeout: 120_000 });
    if (element) {
      const target = page.getByTestId(element);
      await target.waitFor({ state: 'visible' });
      // A selected node's panel fills in once its metrics are there (origin included).
      if (element === 'node-details') await page.waitForFunction(() => !/computing…/.test(document.querySelector('[data-testid="node-details"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
      await page.waitForTimeout(300);
      await target.screenshot({ path: output });
    } else {
      await page.waitForTimeout(300);
      await page.screenshot({ path: output, fullPage });
    }
  }, viewport(size));
  process.stdout.write(`screenshot: wrote ${output}\n`);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string' },
    element: { type: 'string' },
    'full-page': { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
    sizes: { type: 'boolean', default: false },
  },
});

if (values.docs) {
  for (const shot of DOCS) await shoot({ ...shot, output: join(ROOT, shot.output) });
} else if (values.sizes) {
  const dir = positionals[0] ?? join(ROOT, '.tmp/screenshots');
  await mkdir(dir, { recursive: true });
  for (const { size, fullPage } of SIZES) await shoot({ query: '', output: join(dir, `page-${size}.png`), size, fullPage });
} else {
  await shoot({ query: positionals[0] ?? '', output: positionals[1] ?? join(ROOT, 'docs/screenshot.png'), size: values.size, element: values.element, fullPage: values['full-page'] });
}
