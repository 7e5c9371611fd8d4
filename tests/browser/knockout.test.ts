/**
 * The page asks for the knockout part of the metrics (a max flow per node) only when a
 * view shows it (web/src/page/knockout.ts), in a real browser on the fixture graph `mini`
 * (11 nodes, under KNOCKOUT_DEFAULT_MAX_NODES): opened plainly, the map is sized by knockout
 * loss, its default there, and asks for it once at open; opened sized by flow share
 * (`metric=flowShare`, as a graph above the threshold opens), it does not ask for it;
 * opening the bottleneck table does, once, says
 * "computing…" while it waits (the request is held by the test until the state has been
 * read: no clock), and shows the values the API gives; the node panel asks on "compute";
 * a link that sizes the map by knockout loss asks at once; the downloads ask only for the
 * metrics the page has. Requests are counted in the browser context; waits are on DOM
 * states and request counts, never on time.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page, Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/metrics/report-types.js';
import { topBottlenecks } from '../../web/src/elements.js';
import { formatPercent } from '../../web/src/format.js';
import { FIXTURE_GRAPHS } from '../server/helpers.js';
import { browser, mapSession, requireBrowserUnderCi } from './map-session.js';

requireBrowserUnderCi(describe, it);

const KNOCKOUT = /\/api\/graphs\/mini\/metrics\?metrics=knockoutLoss$/;

describe.runIf(browser.run)('the knockout part, asked for only when shown (fixture graph mini)', () => {
  const session = mapSession({ graphsDir: FIXTURE_GRAPHS });

  /** The metrics requests of the pages opened from now on (URL of each). */
  function recordMetricsRequests(): string[] {
    const urls: string[] = [];
    const listener = (request: Request) => {
      if (request.url().includes('/metrics')) urls.push(request.url());
    };
    session.context.on('request', listener);
    return urls;
  }
  const knockoutRequests = (urls: string[]) => urls.filter((u) => KNOCKOUT.test(u)).length;

  async function apiKnockout(): Promise<MetricsReport> {
    const res = await fetch(new URL('/api/graphs/mini/metrics?metrics=knockoutLoss', session.server.url));
    expect(res.status).toBe(200);
    return (await res.json()) as MetricsReport;
  }

  /** Holds the page's knockout request until `release()` is called. */
  async function holdKnockout(page: Page): Promise<{ release: () => void; asked: Promise<void> }> {
    let release = () => {};
    let asked = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen = new Promise<void>((resolve) => (asked = resolve));
    await page.route(KNOCKOUT, async (route: Route) => {
      asked();
      await gate;
      await route.continue();
    });
    return { release: () => release(), asked: seen };
  }

  it('the default map of a small graph is sized by knockout loss: asked for once, at open, drawn with the API values', async () => {
    const urls = recordMetricsRequests();
    const page = await session.open();
    await page.waitForFunction(() => document.querySelector('.legend-keys')?.getAttribute('data-knockout') === 'ready');
    await page.waitForFunction(() => window.__chokepoint.pending === 0);
    expect(knockoutRequests(urls)).toBe(1);
    expect(await page.evaluate(() => window.__chokepoint.state.metric)).toBe('auto');
    expect(new URL(page.url()).searchParams.has('metric')).toBe(false);
    expect(await page.getByTestId('metric-select').inputValue()).toBe('knockoutLoss');
    expect(await page.getByTestId('legend').textContent()).toContain('size: knockout loss');
    expect(await page.getByTestId('legend').textContent()).not.toContain('computed on demand');
    const api = await apiKnockout();
    const values = await page.evaluate(() => Object.fromEntries(window.__chokepoint.cy.nodes().not('.stage-header').map((n) => [n.id(), n.data('value') as number])));
    for (const n of api.nodes) expect(values[n.id]).toBe(n.knockoutLoss);
    expect(await page.evaluate(() => window.__chokepoint.cy.nodes('.bottleneck').map((n) => n.id()).sort())).toEqual(topBottlenecks(api, 5).sort());
  });

  it('opened sized by flow share it does not ask for it; opening the bottleneck table does, once, with "computing…" meanwhile and the API values after', async () => {
    const urls = recordMetricsRequests();
    const page = await session.open('?graph=mini&metric=flowShare');
    expect(urls.filter((u) => u.includes('/api/graphs/mini/metrics'))).toHaveLength(1);
    expect(knockoutRequests(urls)).toBe(0);
    expect(await page.evaluate(() => window.__chokepoint.state.metric)).toBe('flowShare');
    expect(await page.getByTestId('legend').textContent()).toContain('not computed');
    expect(await page.evaluate(() => window.__chokepoint.cy.nodes('.bottleneck').length)).toBe(0);
    await expect(page.getByTestId('bottleneck-table').isVisible()).resolves.toBe(false);

    const held = await holdKnockout(page);
    await page.locator('#bottlenecks-panel > summary').click();
    await held.asked;
    await page.waitForSelector('[data-testid="bottleneck-table"][data-state="computing"]');
    expect(await page.getByTestId('bottleneck-table').textContent()).toContain('Computing the knockout loss of 11 nodes');
    expect(page.url()).toContain('table=bottlenecks');
    held.release();
    await page.waitForSelector('[data-testid="bottleneck-table"][data-state="ready"]');
    await page.waitForFunction(() => window.__chokepoint.pending === 0);
    expect(knockoutRequests(urls)).toBe(1);

    // The table's knockout column is the API's, row by row (formatted as the page does).
    const api = await apiKnockout();
    const shown = await page.$$eval('[data-testid="bottleneck-table"] tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-node'), r.querySelectorAll('td')[1]?.textContent ?? '']));
    expect(shown.length).toBeGreaterThan(0);
    for (const [node, text] of shown) expect(text).toBe(formatPercent(api.nodes.find((n) => n.id === node)?.knockoutLoss));
    // The halos are the API's top five, and the legend says so.
    const halos = await page.evaluate(() => window.__chokepoint.cy.nodes('.bottleneck').map((n) => n.id()).sort());
    expect(halos).toEqual(topBottlenecks(api, 5).sort());
    expect(await page.getByTestId('legend').textContent()).toContain('top 5 bottlenecks (knockout loss)');

    // Kept once fetched: closing and opening the table, sizing the map by knockout loss,
    // and the node panel ask nothing again.
    await page.locator('#bottlenecks-panel > summary').click();
    await page.waitForFunction(() => !window.__chokepoint.state.bottlenecksOpen);
    await page.locator('#bottlenecks-panel > summary').click();
    await page.waitForSelector('[data-testid="bottleneck-table"][data-state="ready"]');
    await page.getByTestId('metric-select').selectOption('knockoutLoss');
    await page.waitForFunction(() => window.__chokepoint.cy.getElementById('cn-sep').data('value') > 0);
    const value = await page.evaluate(() => window.__chokepoint.cy.getElementById('cn-sep').data('value') as number);
    expect(value).toBe(api.nodes.find((n) => n.id === 'cn-sep')?.knockoutLoss);
    await page.locator('[data-testid="bottleneck-table"] tr[data-node="cn-sep"] button.link').click();
    await page.waitForFunction(() => window.__chokepoint.state.selected === 'cn-sep');
    expect(await page.getByTestId('node-details').textContent()).toContain(`knockout loss${formatPercent(api.nodes.find((n) => n.id === 'cn-sep')?.knockoutLoss)}`);
    expect(knockoutRequests(urls)).toBe(1);
  });

  it('the node panel asks on "compute", says "computing…", then shows the API value', async () => {
    const urls = recordMetricsRequests();
    const page = await session.open('?graph=mini&metric=flowShare&node=cn-sep');
    expect(knockoutRequests(urls)).toBe(0);
    const held = await holdKnockout(page);
    await page.getByTestId('compute-knockout').click();
    await held.asked;
    await page.waitForSelector('[data-testid="knockout-computing"]');
    expect(await page.getByTestId('legend').textContent()).toContain('knockout loss: computing…');
    held.release();
    await page.waitForSelector('[data-testid="knockout-computing"]', { state: 'detached' });
    await page.waitForFunction(() => window.__chokepoint.pending === 0);
    const api = await apiKnockout();
    expect(await page.getByTestId('node-details').textContent()).toContain(`knockout loss${formatPercent(api.nodes.find((n) => n.id === 'cn-sep')?.knockoutLoss)}`);
    expect(knockoutRequests(urls)).toBe(1);
  });

  it('a link that sizes the map by knockout loss asks for it once, at open, and draws the API values', async () => {
    const urls = recordMetricsRequests();
    const page = await session.open('?graph=mini&metric=knockoutLoss');
    await page.waitForFunction(() => document.querySelector('.legend-keys')?.getAttribute('data-knockout') === 'ready');
    expect(knockoutRequests(urls)).toBe(1);
    const api = await apiKnockout();
    const values = await page.evaluate(() => Object.fromEntries(window.__chokepoint.cy.nodes().not('.stage-header').map((n) => [n.id(), n.data('value') as number])));
    for (const n of api.nodes) expect(values[n.id]).toBe(n.knockoutLoss);
  });

  it('the downloads ask only for the metrics the page has: no knockout loss until a view asked for it', async () => {
    const urls = recordMetricsRequests();
    const page = await session.open('?graph=mini&metric=flowShare');
    const href = async (id: string) => new URL((await page.getByTestId(id).getAttribute('href')) ?? '', session.server.url);
    for (const id of ['export-csv', 'export-gexf', 'export-graphml']) {
      const list = (await href(id)).searchParams.get('metrics')?.split(',') ?? [];
      expect(list, id).toContain('flowShare');
      expect(list, id).not.toContain('knockoutLoss');
    }
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      return parse(await readFile((await file.path()) as string, 'utf8'), { columns: true }) as Record<string, string>[];
    };
    const before = await download();
    expect(before).toHaveLength(11);
    expect(Object.keys(before[0] ?? {})).not.toContain('knockoutLoss');
    expect(knockoutRequests(urls)).toBe(0);
    await page.locator('#bottlenecks-panel > summary').click();
    await page.waitForSelector('[data-testid="bottleneck-table"][data-state="ready"]');
    expect((await href('export-gexf')).searchParams.get('metrics')?.split(',')).toContain('knockoutLoss');
    const after = await download();
    const api = await apiKnockout();
    for (const row of after) expect(Number(row.knockoutLoss)).toBeCloseTo(api.nodes.find((n) => n.id === row.id)?.knockoutLoss ?? NaN, 12);
  });
});
