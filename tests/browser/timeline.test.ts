/**
 * The time chart in a real browser (headless chromium through playwright-core) against the
 * server on the fixture graphs: it is drawn by uPlot, follows the scenario and the panel's
 * months, shows the latest month's values in its legend before any hover and the hovered
 * month's on hover, and downloads its CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../src/timeline/timeline.js';
import { FIXTURE_GRAPHS, postJson } from '../server/helpers.js';
import { browser, mapSession } from './map-session.js';
import { collectErrors, openMap } from './page-helpers.js';

describe.runIf(browser.run)('the time chart (fixture graphs)', () => {
  const session = mapSession({ graphsDir: FIXTURE_GRAPHS });
  let page: Page;

  const ready = () => page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') === 'ready');
  const statusText = async () => (await page.getByTestId('timeline-status').textContent()) ?? '';

  it('draws the baseline, then the scenario in its window, with the latest month in the legend, values on hover and a CSV download', async () => {
    page = await session.open();
    await ready();
    expect(await page.locator('[data-testid="timeline-plot"] canvas').count()).toBe(1);
    expect(await statusText()).toBe('No end use runs short within 24 months.');

    // China offline in months 3-4 only.
    await page.getByTestId('timeline-from').fill('3');
    await page.getByTestId('timeline-to').fill('4');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await page.getByTestId('country-toggle-CN').click();
    await page.waitForFunction(() => /run short/.test(document.querySelector('[data-testid="timeline-status"]')?.textContent ?? '') && !/^No/.test(document.querySelector('[data-testid="timeline-status"]')?.textContent ?? ''));
    await ready();
    const scenario = { name: 'CN offline', actions: [{ type: 'disableCountry', country: 'CN', start: 3, end: 4 }] };
    const expected = (await (await postJson(session.server.url, '/api/graphs/mini/timeline?months=24&start=2025-04', scenario)).json()) as TimelineResult;
    const short = expected.endUses.filter((e) => e.proportional.monthsToShortage !== null);
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((e) => e.proportional.monthsToShortage === 2)).toBe(true);
    expect(await statusText()).toBe(`${short.length} end use(s) run short within 24 months.`);

    // Before any hover the legend shows the latest month's values, not dashes.
    const share = (v: number | undefined, demand: number) => `${(((v ?? 0) / demand) * 100).toFixed(1)}%`;
    const sharesAt = (t: number) => expected.endUses.flatMap((e) => [share(e.allocation.delivered[t], e.demand), share(e.proportional.delivered[t], e.demand)]);
    const before = await page.locator('[data-testid="timeline-plot"] .u-legend .u-value').allTextContents();
    expect(before).toEqual([`${expected.labels[23]} (latest)`, ...sharesAt(23)]);

    // Hovering over month 3 shows its values in the live legend.
    const box = await page.locator('[data-testid="timeline-plot"] .u-over').boundingBox();
    if (!box) throw new Error('no plot area');
    await page.mouse.move(box.x + (box.width * 2) / 23, box.y + box.height / 2);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="timeline-plot"] .u-legend .u-value')].some((e) => e.textContent === '2025-06'));
    const values = await page.locator('[data-testid="timeline-plot"] .u-legend .u-value').allTextContents();
    expect(values).not.toEqual(before);
    expect(values.slice(1)).toEqual(sharesAt(2));

    // The CSV download has one row per month and end use.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-csv').click()]);
    const text = await readFile((await download.path()) as string, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('month,label,end_use,demand,allocation_delivered,allocation_share,proportional_delivered,proportional_share');
    expect(lines).toHaveLength(1 + 24 * expected.endUses.length);

    // The cover slider asks for months of cover at manufacturers.
    await page.getByTestId('timeline-cover').fill('3');
    await page.getByTestId('timeline-cover').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-cover-value"]')?.textContent === '3');
    await ready();
  });

  it('has its settings in the scenario panel, and the URL keeps them', async () => {
    page = await session.open();
    await ready();
    // Start and end months and the cover slider sit in the scenario panel (the builder's side).
    for (const id of ['timeline-start', 'timeline-from', 'timeline-to', 'timeline-cover']) {
      expect(await page.locator(`#scenario-panel [data-testid="${id}"]`).count(), id).toBe(1);
    }
    expect(await page.locator('#scenario-panel').getByText('months of cover at manufacturers').count()).toBe(1);

    await page.getByTestId('timeline-from').fill('3');
    await page.getByTestId('timeline-from').dispatchEvent('change');
    await page.getByTestId('timeline-to').fill('4');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await page.getByTestId('timeline-cover').fill('2.5');
    await page.getByTestId('timeline-cover').dispatchEvent('change');
    await page.waitForFunction(() => /tcover=2\.5/.test(window.location.search));
    const url = new URL(page.url());
    expect(url.searchParams.get('tfrom')).toBe('3');
    expect(url.searchParams.get('tto')).toBe('4');
    await ready();

    // The link reopens with the same settings, and the chart asks the API for them.
    const again = await session.context.newPage();
    const requests: string[] = [];
    again.on('request', (r) => {
      if (r.url().includes('/timeline')) requests.push(r.url());
    });
    const againErrors = collectErrors(again);
    await openMap(again, `${url.origin}${url.pathname}${url.search}&off=CN`);
    await again.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') === 'ready');
    expect(await again.getByTestId('timeline-from').inputValue()).toBe('3');
    expect(await again.getByTestId('timeline-to').inputValue()).toBe('4');
    expect(await again.getByTestId('timeline-cover-value').textContent()).toBe('2.5');
    expect(requests.some((r) => /[?&]cover=2\.5(&|$)/.test(r))).toBe(true);
    expect(againErrors.list).toEqual([]);
    await again.close();
  }, 120_000);
});
