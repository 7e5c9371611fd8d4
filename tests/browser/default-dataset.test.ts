/**
 * The map of the shipped dataset (`graphs/rare-earths-2024.json`) in a real browser: it
 * draws, and toggling China changes the loss and back. Independent of the dataset's exact
 * numbers. How fast a change is redrawn is measured by scripts/bench/map-latency.mjs
 * (npm run bench), not here.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_ID, DEFAULT_GRAPHS_DIR } from '../../src/server/start.js';
import { browser, mapSession } from './map-session.js';
import { lossText } from './page-helpers.js';

const hasDataset = existsSync(`${DEFAULT_GRAPHS_DIR}${DEFAULT_GRAPH_ID}.json`);

describe.runIf(browser.run && hasDataset)('the map page (default dataset)', () => {
  const session = mapSession({ graphsDir: DEFAULT_GRAPHS_DIR, page: 'shared' });
  let page: Page;

  beforeAll(async () => {
    page = await session.open();
  });

  it('opens the default graph and draws every node', async () => {
    const drawn = await page.evaluate(() => ({
      graph: window.__chokepoint.state.graph,
      nodes: window.__chokepoint.cy.nodes().not('.stage-header').length,
      countries: document.querySelectorAll('[data-testid^="country-toggle-"]').length,
    }));
    const listed = (await (await fetch(new URL('/api/graphs', session.server.url))).json()) as { id: string; nodes: number }[];
    expect(drawn.graph).toBe(DEFAULT_GRAPH_ID);
    expect(drawn.nodes).toBe(listed.find((g) => g.id === DEFAULT_GRAPH_ID)?.nodes);
    expect(drawn.countries).toBeGreaterThan(5);
    expect(session.errors.list).toEqual([]);
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
    expect(session.errors.list).toEqual([]);
  });
});
