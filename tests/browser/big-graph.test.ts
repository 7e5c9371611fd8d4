/**
 * Big graphs in a real browser: a generated 10,000-node graph (30,000 edges) opens in the
 * aggregated view (one node per country and stage), a country expands with its end uses
 * in natural order, and a stage expands to about 1,100 drawn nodes with the page still
 * answering: the expand finishes, a click on the map selects a node, a control redraws
 * every node and Escape clears the selection, each within the test's usual timeouts (no
 * clock is read). The map's renderer is WebGL only on hardware WebGL (web/src/renderer.ts);
 * headless Chromium offers software WebGL (SwiftShader), so the map falls back to canvas
 * here, and the test checks that choice; a link with `renderer=webgl` forces WebGL, and
 * the expanded map is drawn and picked with it. Screenshots to docs/ when
 * CHOKEPOINT_SCREENSHOTS=1.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { KNOCKOUT_ON_DEMAND_NOTE } from '../../web/src/state.js';
import { browser, mapSession } from './map-session.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = process.env.CHOKEPOINT_SCREENSHOTS === '1';
let dir = '';

/** Zooms the map onto the middle expanded refining node (so it stands alone), clicks it with the mouse, and waits until it is selected. */
async function clickRefiningNode(page: Page): Promise<string> {
  const target = await page.evaluate(() => {
    const { cy } = window.__chokepoint;
    const column = cy.nodes('[stage = "refining"]').filter((n) => !n.id().startsWith('@')).nodes();
    const ys = column.map((n) => n.position('y')).sort((a, b) => a - b);
    const gap = Math.min(...ys.slice(1).map((y, i) => y - (ys[i] ?? 0)).filter((d) => d > 0));
    const node = column[Math.floor(column.length / 2)]!;
    cy.zoom(Math.min(cy.maxZoom(), Math.max(cy.zoom(), 40 / gap)));
    cy.center(node);
    const box = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { id: node.id(), x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => window.__chokepoint.state.selected === id, target.id);
  return target.id;
}

describe.runIf(browser.run)('the aggregated view of a generated 10,000-node graph', () => {
  const session = mapSession({
    graphsDir: async () => {
      dir = await mkdtemp(join(tmpdir(), 'chokepoint-big-'));
      await writeFile(join(dir, 'big.json'), JSON.stringify(generateSupplyGraph({ nodes: 10_000, seed: 16 })));
      return dir;
    },
    cleanup: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  });

  it('opens aggregated, expands a country, and sorts labels naturally', async () => {
    // Listing, sending and parsing 10,000 nodes takes seconds on a shared machine: wait
    // for the page to be drawn (not for the metrics, which come later), however long.
    const page = await session.open('?graph=big', { wait: 'drawn', timeout: 180_000 });
    const first = await page.evaluate(() => ({
      aggregated: window.__chokepoint.aggregated,
      drawn: window.__chokepoint.cy.nodes().not('.stage-header').length,
      groups: window.__chokepoint.cy.nodes().filter((n) => n.id().startsWith('@')).length,
    }));
    expect(first.aggregated).toBe(true);
    expect(first.drawn).toBe(first.groups);
    expect(first.drawn).toBeLessThan(200);
    // The page answers while the metrics of 10,000 nodes are computed: it is drawn and idle.
    expect(await page.getByTestId('idle-note').textContent()).toContain('10,000 nodes');
    // Above KNOCKOUT_DEFAULT_MAX_NODES the map opens sized by flow share, the knockout table
    // not asked for (computed on demand), and the legend and the size control say why.
    expect(await page.evaluate(() => window.__chokepoint.state.metric)).toBe('auto');
    expect(await page.getByTestId('metric-select').inputValue()).toBe('flowShare');
    expect(await page.getByTestId('metric-select').getAttribute('title')).toBe(KNOCKOUT_ON_DEMAND_NOTE);
    expect(await page.getByTestId('legend').textContent()).toContain(KNOCKOUT_ON_DEMAND_NOTE);
    expect(await page.locator('.legend-keys').getAttribute('data-knockout')).toBe('idle');
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs/workbench-aggregated.png') });

    // Click the US end-use group and expand the United States from the node panel.
    const group = '@US/end-use';
    await page.evaluate((id) => {
      window.__chokepoint.cy.getElementById(id).emit('tap');
    }, group);
    await page.waitForFunction((id) => window.__chokepoint.state.selected === id, group);
    expect(await page.getByTestId('node-details').textContent()).toContain('flows summed');
    await page.getByTestId('expand-country').click({ timeout: 120_000 });
    await page.waitForFunction(() => window.__chokepoint.state.expanded.includes('country:US'), undefined, { timeout: 120_000 });
    const expanded = await page.evaluate(() => {
      const { cy } = window.__chokepoint;
      const us = cy.nodes().filter((n) => n.data('country') === 'US');
      // Reading order of the column: down each sub-column, then the next (a column over 80 nodes wraps).
      const ends = cy.nodes('[country = "US"][stage = "end-use"]').map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
      ends.sort((a, b) => a.x - b.x || a.y - b.y);
      return { groups: us.filter((n) => n.id().startsWith('@')).length, nodes: us.length, ids: ends.map((n) => n.id), drawn: cy.nodes().not('.stage-header').length };
    });
    expect(expanded.groups).toBe(0);
    expect(expanded.drawn).toBeGreaterThan(first.drawn);
    expect(expanded.ids.length).toBeGreaterThan(10);
    // Natural order down the column (and its sub-columns, left to right): end-use-2 before end-use-10.
    const numbers = expanded.ids.map((id) => Number(id.replace(/^end-use-/, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual(['country:US']);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs/workbench-expanded.png') });
  }, 300_000);

  it('expands a stage to about 1,000 drawn nodes and still answers clicks and keys', async () => {
    const page = await session.open('?graph=big', { wait: 'drawn', timeout: 180_000 });
    // The renderer: WebGL only on hardware WebGL; here (software or none) canvas.
    const renderer = await page.evaluate(() => ({ renderer: window.__chokepoint.renderer, webgl: window.__chokepoint.webgl }));
    expect(renderer.renderer).toBe(renderer.webgl === 'hardware' ? 'webgl' : 'canvas');

    // Pick a refining group on the map and expand its stage from the node panel.
    const group = await page.evaluate(() => window.__chokepoint.cy.nodes('[stage = "refining"]').filter((n) => n.id().startsWith('@')).first().id());
    await page.evaluate((id) => {
      window.__chokepoint.cy.getElementById(id).emit('tap');
    }, group);
    await page.waitForFunction((id) => window.__chokepoint.state.selected === id, group);
    await page.getByTestId('expand-stage').click();
    // The expand finishes: every refining node drawn by itself, about 1,000 in all.
    await page.waitForFunction(() => window.__chokepoint.state.expanded.includes('stage:refining') && window.__chokepoint.cy.nodes('[stage = "refining"]').filter((n) => !n.id().startsWith('@')).length === 1000, undefined, { timeout: 180_000 });
    const drawn = await page.evaluate(() => window.__chokepoint.cy.nodes().not('.stage-header').length);
    expect(drawn).toBeGreaterThan(1000);
    expect(drawn).toBeLessThan(1300);
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual(['stage:refining']);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs/workbench-expanded-stage.png') });

    // The page answers: a real click on a refining node (zoomed in so it stands alone) selects it.
    const target = await clickRefiningNode(page);
    expect(await page.getByTestId('node-details').textContent()).toContain(target);
    // A control that restyles every drawn node, then a key.
    // (flow share is this graph's default size, above KNOCKOUT_DEFAULT_MAX_NODES nodes; knockout loss would start its knockout table: pick another)
    await page.getByTestId('metric-select').selectOption('betweenness');
    await page.waitForFunction(() => window.__chokepoint.state.metric === 'betweenness');
    expect(await page.evaluate(() => new URL(window.location.href).searchParams.get('metric'))).toBe('betweenness');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__chokepoint.state.selected === null);
  }, 420_000);

  it('draws the expanded map with the WebGL renderer when the link asks for it, and picks a clicked node', async () => {
    const page = await session.open('?graph=big&renderer=webgl&x=stage:refining', { wait: 'drawn', timeout: 180_000 });
    await page.waitForFunction(() => window.__chokepoint.cy.nodes('[stage = "refining"]').filter((n) => !n.id().startsWith('@')).length === 1000, undefined, { timeout: 180_000 });
    const drawn = await page.evaluate(() => ({ renderer: window.__chokepoint.renderer, webgl: window.__chokepoint.webgl, layers: document.querySelectorAll('#cy canvas[data-id="layer3-webgl"]').length }));
    // A WebGL2 context exists in headless Chromium (software): forced, the map uses it.
    expect(drawn.renderer).toBe(drawn.webgl === 'none' ? 'canvas' : 'webgl');
    expect(drawn.layers).toBe(drawn.renderer === 'webgl' ? 1 : 0);
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs/workbench-expanded-webgl.png') });
    const target = await clickRefiningNode(page);
    expect(await page.getByTestId('node-details').textContent()).toContain(target);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__chokepoint.state.selected === null);
  }, 420_000);
});
