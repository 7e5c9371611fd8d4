/**
 * Reading losses in value on the page (issue 16), on the shipped dataset (its prices:
 * graphs/src/prices.csv): the tonnes / value switch, kept in the URL, shows the headline,
 * the delivered grid and the end-use table in USD/yr exactly as the API's value reading
 * (`?weight=value`, the same core function as `scenario --weight value`) has them, end
 * uses ranked by value lost, with the prices' source and year next to the figures.
 * Screenshot to docs/ when CHOKEPOINT_SCREENSHOTS=1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_ID, DEFAULT_GRAPHS_DIR } from '../../src/server/start.js';
import type { ValuedResult } from '../../src/scenario/value.js';
import { formatPercent, formatUsd } from '../../web/src/format.js';
import { postJson } from '../server/helpers.js';
import { browser, mapSession } from './map-session.js';
import { evaluations, settled, timelineSettled } from './page-helpers.js';

const hasDataset = existsSync(`${DEFAULT_GRAPHS_DIR}${DEFAULT_GRAPH_ID}.json`);
const SHOTS = process.env.CHOKEPOINT_SCREENSHOTS === '1';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHINA_EMBARGO = { name: 'CN embargo', actions: [{ type: 'embargo', from: 'CN' }] };

describe.runIf(browser.run && hasDataset)('reading losses in value (default dataset)', () => {
  const session = mapSession({ graphsDir: DEFAULT_GRAPHS_DIR });

  async function apiValue(country: string): Promise<ValuedResult> {
    const res = await postJson(session.server.url, `/api/graphs/${DEFAULT_GRAPH_ID}/scenario?country=${country}&weight=value`, CHINA_EMBARGO);
    expect(res.status).toBe(200);
    return (await res.json()) as ValuedResult;
  }

  const rowNames = () => session.page.$$eval('[data-testid="sink-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-end-use')));

  it('switches the US lens of a Chinese embargo to value and back, kept in the URL', async () => {
    const page = await session.open('?off=CN&mode=embargo&lens=US');
    const tonnesOrder = await rowNames();
    let n = await evaluations(page);
    await page.getByTestId('weight-select').selectOption('value');
    await settled(page, n);
    expect(new URL(page.url()).searchParams.get('weight')).toBe('value');

    const value = (await apiValue('US')).value!;
    const lens = value.lens!;
    const lost = lens.total.baseline.proportional - lens.total.scenario.proportional;
    expect(lost).toBeGreaterThan(0);
    expect(await page.getByTestId('delivered-loss').textContent()).toBe(formatPercent(lens.total.loss.proportional));
    expect(await page.getByTestId('delivered-value-lost').textContent()).toBe(`USD ${formatUsd(lost)}/yr`);
    expect(await page.getByTestId('baseline-proportional').textContent()).toBe(formatUsd(lens.total.baseline.proportional));
    expect(await page.getByTestId('scenario-maxflow').textContent()).toBe(formatUsd(lens.total.scenario.maxFlow));
    // End uses ranked by value lost, before and after in USD/yr.
    expect(await rowNames()).toEqual(lens.byEndUse.map((u) => u.endUse));
    for (const u of lens.byEndUse.slice(0, 3)) {
      const row = page.locator(`[data-testid="sink-table"] tr[data-end-use="${u.endUse}"]`);
      expect(await row.locator('td[data-col="before"]').textContent()).toBe(formatUsd(u.baseline.proportional));
      expect(await row.locator('td[data-col="after"]').textContent()).toBe(formatUsd(u.scenario.proportional));
      expect(await row.locator('td[data-bound="proportional"]').textContent()).toBe(formatPercent(u.loss.proportional));
    }
    // The prices' source and year, next to the headline and the table; every price on demand.
    for (const id of ['price-note', 'price-note-end-uses']) {
      const summary = (await page.getByTestId(id).locator('summary').textContent()) ?? '';
      expect(summary).toMatch(/^USD\/yr at 2024 prices: U\.S\. Geological Survey \(2025\), Mineral Commodity Summaries 2025/);
    }
    expect(await page.getByTestId('price-note').locator('li').count()).toBe(value.prices.length);
    if (SHOTS) {
      await timelineSettled(page);
      await page.screenshot({ path: join(ROOT, 'docs/workbench-value.png') });
    }

    // A link with weight=value opens in value; back to tonnes drops it from the URL.
    await page.reload();
    await page.waitForFunction(() => window.__chokepoint?.ready === true && window.__chokepoint.pending === 0 && window.__chokepoint.evaluations > 0, undefined, { timeout: 120_000 });
    expect(await page.getByTestId('delivered-value-lost').textContent()).toBe(`USD ${formatUsd(lost)}/yr`);
    n = await evaluations(page);
    await page.getByTestId('weight-select').selectOption('tonnes');
    await settled(page, n);
    expect(new URL(page.url()).searchParams.get('weight')).toBeNull();
    expect(await page.getByTestId('delivered-value-lost').count()).toBe(0);
    expect(await rowNames()).toEqual(tonnesOrder);
  });
});
