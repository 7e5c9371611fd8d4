/**
 * The map of the shipped dataset (`graphs/rare-earths-2024.json`) in a real browser: it
 * draws, and toggling China changes the loss and back. Independent of the dataset's exact
 * numbers. How fast a change is redrawn is measured by scripts/bench/map-latency.mjs
 * (npm run bench), not here.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_ID, DEFAULT_GRAPHS_DIR, type RunningServer } from '../../src/server/start.js';
import { startTestServer } from '../server/helpers.js';
import { browserAvailability, launchBrowser, type Browser } from './browser.js';
import { WEB_DIST } from './build-web.js';
import { collectErrors, lossText, openMap, type PageErrors } from './page-helpers.js';

const { path: browserPath, run } = browserAvailability();
const hasDataset = existsSync(`${DEFAULT_GRAPHS_DIR}${DEFAULT_GRAPH_ID}.json`);

describe.runIf(run && hasDataset)('the map page (default dataset)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: PageErrors;

  beforeAll(async () => {
    server = await startTestServer({ graphsDir: DEFAULT_GRAPHS_DIR, webDir: WEB_DIST });
    browser = await launchBrowser(browserPath as string);
    page = await browser.context.newPage();
    errors = collectErrors(page);
    await openMap(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the default graph and draws every node', async () => {
    const drawn = await page.evaluate(() => ({
      graph: window.__chokepoint.state.graph,
      nodes: window.__chokepoint.cy.nodes().not('.stage-header').length,
      countries: document.querySelectorAll('[data-testid^="country-toggle-"]').length,
    }));
    const listed = (await (await fetch(new URL('/api/graphs', server.url))).json()) as { id: string; nodes: number }[];
    expect(drawn.graph).toBe(DEFAULT_GRAPH_ID);
    expect(drawn.nodes).toBe(listed.find((g) => g.id === DEFAULT_GRAPH_ID)?.nodes);
    expect(drawn.countries).toBeGreaterThan(5);
    expect(errors.list).toEqual([]);
  });

  it('toggling CN changes the loss, and toggling it back restores it', async () => {
    expect(await lossText(page)).toBe('0.0%');
    for (let i = 0; i < 4; i += 1) {
      const before = await page.evaluate(() => window.__chokepoint.evaluations);
      await page.getByTestId('country-toggle-CN').click();
      await page.waitForFunction((n) => window.__chokepoint.evaluations > n && window.__chokepoint.pending === 0, before);
      const loss = await lossText(page);
      if (i % 2 === 0) {
        expect(Number.parseFloat(loss)).toBeGreaterThan(0);
        // The allocation bound (recipes) and the binding input of each end use that loses.
        expect(Number.parseFloat((await page.getByTestId('delivered-loss-allocation').textContent()) ?? '')).toBeGreaterThan(0);
        expect(await page.getByTestId('binding-inputs').textContent()).toContain('limited by');
        expect(await page.getByTestId('bound-assumptions').locator('li').count()).toBe(3);
      } else expect(loss).toBe('0.0%');
    }
    expect(errors.list).toEqual([]);
  });
});
