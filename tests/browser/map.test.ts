/**
 * The map page in a real browser (headless chromium through playwright-core) against the
 * server started in this process on the fixture graphs (`tests/fixtures/server/graphs`).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fromGexf } from '../../src/formats/gexf.js';
import { fromGraphml } from '../../src/formats/graphml.js';
import { FIXTURE_GRAPHS, postJson } from '../server/helpers.js';
import { browser, mapSession, requireBrowserUnderCi } from './map-session.js';
import { lossText } from './page-helpers.js';

requireBrowserUnderCi(describe, it);

describe.runIf(browser.run)('the map page (fixture graphs)', () => {
  const session = mapSession({ graphsDir: FIXTURE_GRAPHS });
  let page: Page;

  async function open(query = ''): Promise<void> {
    page = await session.open(query);
  }

  it('loads without console errors and draws the graph in stage columns', async () => {
    await open();
    const drawn = await page.evaluate(() => {
      const { cy } = window.__chokepoint;
      const x = (id: string) => cy.getElementById(id).position('x');
      return {
        nodes: cy.nodes().not('.stage-header').length,
        headers: cy.nodes('.stage-header').map((n) => n.data('label') as string),
        edges: cy.edges().length,
        visible: cy.nodes(':visible').length,
        ordered: x('cn-mine') < x('cn-sep') && x('cn-sep') < x('cn-magnet') && x('cn-magnet') < x('ev'),
        inactive: cy.nodes('.inactive').map((n) => n.id()).sort(),
        canvas: document.querySelectorAll('#cy canvas').length,
      };
    });
    expect(drawn).toEqual({ nodes: 11, headers: ['mining', 'separation', 'magnet', 'end-use'], edges: 12, visible: 15, ordered: true, inactive: ['se-mine', 'se-sep'], canvas: 3 });
    expect(page.url()).toContain('graph=mini');
    await expect(page.getByTestId('country-toggle-CN').isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('legend').textContent()).toContain('minimum cut');
    expect(await page.locator('#country-toggles').textContent()).toContain('China');
    expect(await lossText(page)).toBe('0.0%');
  });

  it('toggling CN changes the delivered loss, and the URL', async () => {
    await open();
    await page.getByTestId('country-toggle-CN').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="delivered-loss"]')?.textContent !== '0.0%');
    await page.waitForFunction(() => window.__chokepoint.pending === 0);
    const loss = await lossText(page);
    expect(Number.parseFloat(loss)).toBeGreaterThan(0);
    expect(page.url()).toContain('off=CN');
    const disabled = await page.evaluate(() => window.__chokepoint.cy.nodes('.disabled').map((n) => n.id()).sort());
    expect(disabled).toEqual(['cn-magnet', 'cn-mine', 'cn-sep']);
    // The bottlenecks under the scenario are listed, and China's nodes are not among them.
    const now = await page.getByTestId('scenario-bottlenecks').textContent();
    expect(now).toContain('knockout loss now');
    expect(now).not.toContain('China');
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="delivered-loss"]')?.textContent === '0.0%');
    await expect(page.getByTestId('country-toggle-CN').isChecked()).resolves.toBe(true);
  });

  it('restores a scenario from the URL', async () => {
    await open('?graph=mini&off=CN&mode=embargo&year=2030&metric=betweenness&node=jp-magnet');
    await expect(page.getByTestId('country-toggle-CN').isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('mode-embargo').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('year-input').inputValue()).resolves.toBe('2030');
    await expect(page.getByTestId('metric-select').inputValue()).resolves.toBe('betweenness');
    expect(await page.getByTestId('node-title').textContent()).toBe('Japan magnets');
    // The loss shown is the one the API gives for the same scenario.
    const scenario = { name: 'same', actions: [{ type: 'embargo', from: 'CN' }, { type: 'activate', year: 2030 }] };
    const expected = (await (await postJson(session.server.url, '/api/graphs/mini/scenario', scenario)).json()) as { loss: { proportional: number } };
    expect(await lossText(page)).toBe(`${(expected.loss.proportional * 100).toFixed(1)}%`);
    const classes = await page.evaluate(() => {
      const { cy } = window.__chokepoint;
      return { cut: cy.edges('.cut').map((e) => e.id()).sort(), inactive: cy.nodes('.inactive').length };
    });
    expect(classes).toEqual({ cut: ['cn-magnet->ev', 'cn-magnet->wind', 'cn-sep->jp-magnet'], inactive: 0 });
  });

  it('drops countries and presets the graph does not have from a link', async () => {
    await open('?graph=mini&off=FR,CN&preset=no-such-preset');
    expect(await page.evaluate(() => window.__chokepoint.state)).toMatchObject({ off: ['CN'], preset: null });
    expect(page.url()).toContain('off=CN');
    expect(page.url()).not.toContain('preset=');
    expect(Number.parseFloat(await lossText(page))).toBeGreaterThan(0);
  });

  it('a preset from the list is evaluated and put in the URL', async () => {
    await open();
    await page.getByTestId('preset-select').selectOption('china-offline');
    await page.waitForFunction(() => document.querySelector('[data-testid="delivered-loss"]')?.textContent !== '0.0%');
    expect(page.url()).toContain('preset=china-offline');
  });

  it('clicking a node shows its attributes and metrics', async () => {
    await open();
    const point = await page.evaluate(() => {
      const { cy } = window.__chokepoint;
      const box = cy.container()!.getBoundingClientRect();
      const p = cy.getElementById('cn-sep').renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => window.__chokepoint.state.selected === 'cn-sep');
    const details = await page.getByTestId('node-details').textContent();
    expect(details).toContain('Baotou separation');
    expect(details).toContain('separation');
    expect(details).toContain('knockout loss');
    expect(page.url()).toContain('node=cn-sep');
  });

  it('sizes nodes by the chosen metric', async () => {
    await open();
    const sizes = () => page.evaluate(() => window.__chokepoint.cy.nodes().map((n) => n.data('size') as number).join(','));
    const before = await sizes();
    await page.getByTestId('metric-select').selectOption('flowShare');
    await page.waitForFunction((b) => window.__chokepoint.cy.nodes().map((n) => n.data('size') as number).join(',') !== b, before);
    expect(page.url()).toContain('metric=flowShare');
  });

  it('downloads the metrics CSV, GEXF, GraphML and PNG, each parsing', async () => {
    await open();
    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return { name: file.suggestedFilename(), data: await readFile((await file.path()) as string) };
    };
    const csv = await download('export-csv');
    expect(csv.name).toBe('mini-metrics-nodes.csv');
    const rows = parse(csv.data.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(11);
    const gexf = await download('export-gexf');
    expect(gexf.name).toBe('mini.gexf');
    expect(fromGexf(gexf.data.toString('utf8'), 'mini.gexf').graph.order).toBe(11);
    const graphml = await download('export-graphml');
    expect(graphml.name).toBe('mini.graphml');
    expect(fromGraphml(graphml.data.toString('utf8'), 'mini.graphml').graph.size).toBe(12);
    const png = await download('export-png');
    expect(png.name).toBe('mini-map.png');
    expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
