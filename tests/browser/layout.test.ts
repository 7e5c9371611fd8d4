/**
 * The page's layout at common window sizes (1400x900, 1024x768, a phone's 390x844) on the
 * shipped dataset with China offline (long end-use names, every loss near 100%): nothing
 * is clipped or drawn over something else. The end-use table fits its panel (numbers do
 * not run together, headers are not cut), the loss chart's values sit beside their bars,
 * country codes do not run into the names, and the time chart keeps its full height (no
 * box of its own to scroll) with its legend readable, the latest month shown before any
 * hover. `node scripts/screenshot.mjs --sizes` takes the pictures to look at.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_ID, DEFAULT_GRAPHS_DIR } from '../../src/server/start.js';
import { browser, mapSession } from './map-session.js';

const hasDataset = existsSync(`${DEFAULT_GRAPHS_DIR}${DEFAULT_GRAPH_ID}.json`);

const CASES = [
  { viewport: { width: 1400, height: 900 }, query: '?off=CN' },
  { viewport: { width: 1024, height: 768 }, query: '?off=CN&weight=value' },
  { viewport: { width: 390, height: 844 }, query: '?off=CN&weight=value' },
];

describe.runIf(browser.run && hasDataset)('the page layout (default dataset, CN offline)', () => {
  const session = mapSession({ graphsDir: DEFAULT_GRAPHS_DIR });

  for (const { viewport, query } of CASES) {
    it(`at ${viewport.width}x${viewport.height}: nothing clipped or overlapping`, async () => {
      const page = await session.open(query, { viewport });
      await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') === 'ready', undefined, { timeout: 120_000 });
      const found = await page.evaluate(() => {
        const rect = (e: Element) => e.getBoundingClientRect();
        const table = document.querySelector('#sinks .scroll-x')!;
        const clippedHeaders = [...document.querySelectorAll('[data-testid="sink-table"] th')].filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent);
        const cells = [...document.querySelectorAll('[data-testid="sink-table"] tbody tr')].flatMap((tr) => {
          const tds = [...tr.querySelectorAll('td')];
          return tds.slice(1).map((td, i) => ({ gap: rect(td).left - rect(tds[i]!).right, wide: td.scrollWidth > td.clientWidth + 1 }));
        });
        const barsOverValues = [...document.querySelectorAll('[data-testid="loss-chart"] .bar-track')].filter((track) => rect(track.querySelector('.bar-value')!).left < rect(track).right).length;
        const codesOverNames = [...document.querySelectorAll('.country-list li')].filter((li) => rect(li.querySelector('.code')!).right > rect(li.querySelector('.name')!).left + 0.5).map((li) => li.querySelector('.code')?.textContent);
        const timeline = document.querySelector('[data-testid="timeline"]')!;
        const legend = document.querySelector('[data-testid="timeline-plot"] .u-legend')!;
        return {
          tableOverflow: table.scrollWidth - table.clientWidth,
          clippedHeaders,
          cellsTouching: cells.filter((c) => c.gap < 0).length,
          cellsOverflowing: cells.filter((c) => c.wide).length,
          rows: cells.length,
          barsOverValues,
          codesOverNames,
          timelineHidden: timeline.scrollHeight - timeline.clientHeight,
          legendHidden: legend.scrollHeight - legend.clientHeight,
          legendValues: [...legend.querySelectorAll('.u-value')].map((e) => e.textContent ?? ''),
          map: rect(document.querySelector('#cy')!).height,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(found.rows).toBeGreaterThan(0);
      expect(found.tableOverflow).toBeLessThanOrEqual(1);
      expect(found.clippedHeaders).toEqual([]);
      expect(found.cellsTouching).toBe(0);
      expect(found.cellsOverflowing).toBe(0);
      expect(found.barsOverValues).toBe(0);
      expect(found.codesOverNames).toEqual([]);
      expect(found.timelineHidden).toBeLessThanOrEqual(1);
      expect(found.legendHidden).toBeLessThanOrEqual(1);
      // Before any hover: the latest month and a value for every series, not dashes only.
      expect(found.legendValues[0]).toMatch(/^\d{4}-\d{2} \(latest\)$/);
      expect(found.legendValues.slice(1).some((v) => /%$/.test(v))).toBe(true);
      expect(found.map).toBeGreaterThanOrEqual(300);
      expect(found.pageOverflow).toBeLessThanOrEqual(0);
      expect(session.errors.list).toEqual([]);
    });
  }
});
