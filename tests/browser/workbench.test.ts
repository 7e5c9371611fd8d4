/**
 * The analyst's workbench (issue 16) in a real browser, on the hand-made seed graph
 * (tests/fixtures/browser/graphs, made by scripts/fixtures/seed-graph.mjs): the seed
 * question end to end (build "China embargoes the US on Dy, Tb, Sm, Y", read US defence,
 * chips and EV motors under both bounds, compare with "Nordic projects by 2030", take the
 * brief, the scenario file, the results and the PNG away), the smaller fixes (Back,
 * Escape, the year bounds, plant toggles) and the 390 px layout (the aggregated view of a
 * generated 10,000-node graph: big-graph.test.ts). Every number the page shows is checked
 * against the API (the same core) or the CLI, not typed in. Screenshots go to docs/ when
 * CHOKEPOINT_SCREENSHOTS=1 (`CHOKEPOINT_SCREENSHOTS=1 npx vitest run tests/browser`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/scenario/compare.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { postJson } from '../server/helpers.js';
import { browser, mapSession } from './map-session.js';
import { evaluations, settled, timelineSettled } from './page-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_GRAPHS = join(ROOT, 'tests/fixtures/browser/graphs');
const SHOTS = process.env.CHOKEPOINT_SCREENSHOTS === '1';
const TITLE = 'China embargoes the US on Dy, Tb, Sm, Y';
const SEED_SCENARIO = { name: TITLE, actions: [{ type: 'embargo', from: 'CN', to: ['US'], materials: ['Dy oxide', 'Sm metal', 'Tb oxide', 'Y oxide'] }] };
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);

async function download(page: Page, testId: string): Promise<{ name: string; text: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const data = await readFile((await file.path()) as string);
  return { name: file.suggestedFilename(), text: data.toString('utf8'), data };
}

describe.runIf(browser.run)('the analyst workbench (seed graph)', () => {
  const session = mapSession({ graphsDir: SEED_GRAPHS });
  let page: Page;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'chokepoint-workbench-'));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function open(query = '?graph=seed', viewport = { width: 1600, height: 1000 }): Promise<void> {
    page = await session.open(query, { viewport, warnings: true });
  }

  async function apiResult(scenario: unknown, country: string): Promise<ScenarioResult> {
    const res = await postJson(session.server.url, `/api/graphs/seed/scenario?country=${country}`, scenario);
    expect(res.status).toBe(200);
    return (await res.json()) as ScenarioResult;
  }

  it('walks the seed question: build the embargo, read the US, compare with the Nordic projects, take the brief away', async () => {
    await open();
    // Read for the United States.
    let n = await evaluations(page);
    await page.getByTestId('lens-select').selectOption('US');
    await settled(page, n);
    expect(await page.getByTestId('scope').textContent()).toContain('United States');

    // Build the embargo: from CN to US on four materials, with a title.
    await page.getByTestId('scenario-name').fill(TITLE);
    await page.getByTestId('scenario-name').press('Tab');
    await page.getByTestId('rule-type').selectOption('embargo');
    await page.getByTestId('rule-from').selectOption('CN');
    await page.getByTestId('rule-to').selectOption(['US']);
    await page.getByTestId('rule-materials').selectOption(['Dy oxide', 'Tb oxide', 'Sm metal', 'Y oxide']);
    n = await evaluations(page);
    await page.getByTestId('rule-add').click();
    await settled(page, n);
    expect(await page.getByTestId('rule-0').textContent()).toContain('CN embargoes US on Dy oxide, Sm metal, Tb oxide, Y oxide');
    const url = new URL(page.url());
    expect(url.searchParams.get('lens')).toBe('US');
    expect(url.searchParams.get('title')).toBe(TITLE);
    expect(url.searchParams.getAll('r')).toEqual(['embargo:CN:US:Dy%20oxide,Sm%20metal,Tb%20oxide,Y%20oxide']);

    // US defence, chips and EV motors under both bounds: as the API computes them.
    const expected = await apiResult(SEED_SCENARIO, 'US');
    const lens = expected.lens!;
    expect(await page.getByTestId('delivered-loss').textContent()).toBe(pct(lens.loss.proportional));
    expect(await page.getByTestId('delivered-loss-maxflow').textContent()).toBe(pct(lens.loss.maxFlow));
    expect(await page.getByTestId('delivered-loss-allocation').textContent()).toBe(pct(lens.loss.allocation));
    for (const endUse of ['Defence systems', 'Semiconductors', 'EV motors']) {
      const want = lens.byEndUse.find((u) => u.endUse === endUse)!;
      const row = page.locator(`[data-testid="sink-table"] tr[data-end-use="${endUse}"]`);
      expect(await row.locator('td[data-bound="proportional"]').textContent()).toBe(pct(want.loss.proportional));
      expect(await row.locator('td[data-bound="maxFlow"]').textContent()).toBe(pct(want.loss.maxFlow));
      expect(await row.locator('td[data-bound="allocation"]').textContent()).toBe(pct(want.loss.allocation));
      expect(await page.locator(`[data-testid="loss-chart"] [data-end-use="${endUse}"]`).count()).toBe(1);
    }
    // Only US end uses are read: China's are not in the table.
    expect(await page.locator('[data-testid="sink-table"] tbody tr').count()).toBe(lens.byEndUse.length);
    // Chips lose their Y oxide (8 of 18 t), the hand check of the fixture: with rerouting
    // (max flow, no recipes) the 10 t of CeO2 powder still arrive, loss 8/18; without
    // rerouting the proportional bound is Leontief on inputs since i11 (merged from main):
    // the fab's scarcest input material, Y oxide, is gone, so it delivers nothing, loss 1.
    const chips = lens.byEndUse.find((u) => u.endUse === 'Semiconductors')!;
    expect(chips.loss.maxFlow).toBeCloseTo(8 / 18, 12);
    expect(chips.loss.proportional).toBeCloseTo(1, 12);
    // The map marks the cut edges.
    const cut = await page.evaluate(() => window.__chokepoint.cy.edges('.cut').map((e) => e.id()).sort());
    expect(cut).toEqual(['cn-dy->us-magnet', 'cn-sm->us-magnet', 'cn-tb->us-magnet', 'cn-y->us-chips']);
    if (SHOTS) {
      await timelineSettled(page);
      await page.screenshot({ path: join(ROOT, 'docs/workbench-seed.png') });
    }

    // Compare with "Nordic projects by 2030".
    await page.getByTestId('compare-nordic-projects-2030').check();
    await page.waitForFunction(() => window.__chokepoint.comparison !== null && window.__chokepoint.pending === 0, undefined, { timeout: 120_000 });
    const comparison = (await page.evaluate(() => window.__chokepoint.comparison)) as Comparison;
    expect(comparison.names).toEqual([TITLE, 'Nordic projects by 2030']);
    const nordic = await apiResult({ name: 'Nordic projects by 2030', actions: [{ type: 'activate', nodes: ['se-mine', 'fi-mine', 'se-sep'] }] }, 'US');
    const total = comparison.rows.find((r) => r.endUse === 'total')!;
    expect(total.loss[1]!.maxFlow).toBeCloseTo(nordic.lens!.loss.maxFlow!, 12);
    expect(total.diff[1]!.proportional).toBeCloseTo(nordic.lens!.loss.proportional! - lens.loss.proportional!, 12);
    expect(await page.locator('[data-testid="compare-table"] tbody tr').count()).toBe(comparison.rows.length);
    expect(new URL(page.url()).searchParams.getAll('cmp')).toEqual(['nordic-projects-2030']);

    // Take-aways: the brief (Markdown), the scenario file (the CLI reads it), the results.
    const brief = await download(page, 'export-brief');
    expect(brief.name).toBe('china-embargoes-the-us-on-dy-tb-sm-y-brief.md');
    expect(brief.text).toContain(`# ${TITLE}`);
    expect(brief.text).toContain('end uses in United States');
    expect(brief.text).toContain(`falls by ${pct(lens.loss.proportional)} if no buyer can switch suppliers (proportional bound) and by ${pct(lens.loss.maxFlow)} with perfect rerouting`);
    expect(brief.text).toContain('| Defence systems |');
    expect(brief.text).toContain('## Compared with');
    expect(brief.text).toContain('## Caveats');
    expect(brief.text).toContain('## Sources');
    expect(brief.text).toMatch(/\d{4}-\d{2}-\d{2}/);

    const saved = await download(page, 'save-scenario');
    expect(JSON.parse(saved.text)).toEqual(SEED_SCENARIO);
    const file = join(work, saved.name);
    await writeFile(file, saved.data);
    const cli = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/chokepoint.js'), 'scenario', join(SEED_GRAPHS, 'seed.json'), '--scenario', file, '--country', 'US', '--format', 'json']);
    expect((JSON.parse(cli.stdout) as ScenarioResult).lens!.loss.proportional).toBeCloseTo(lens.loss.proportional!, 12);

    const csv = await download(page, 'export-results-csv');
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ scope: 'US', end_use: 'total' });
    expect(Number(rows.find((r) => r.end_use === 'Defence systems')!.proportional_loss)).toBeCloseTo(lens.byEndUse.find((u) => u.endUse === 'Defence systems')!.loss.proportional!, 12);
    const json = JSON.parse((await download(page, 'export-results-json')).text) as { result: ScenarioResult; comparison: Comparison };
    expect(json.result.lens!.country).toBe('US');
    expect(json.comparison.names).toHaveLength(2);

    // The PNG: the whole map under a title band and over a legend (larger than the map alone).
    const png = await download(page, 'export-png');
    expect(png.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const mapOnly = await page.evaluate(() => {
      const uri = window.__chokepoint.cy.png({ full: true, scale: 2 });
      return new Promise<number>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(img.height);
        img.src = uri;
      });
    });
    expect(png.data.readUInt32BE(20)).toBeGreaterThan(mapOnly);
    if (SHOTS) await writeFile(join(ROOT, 'docs/workbench-map.png'), png.data);

    // The printed brief: printing shows the brief only.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('print-brief').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#brief').isVisible()).toBe(true);
    expect(await page.locator('#cy').isVisible()).toBe(false);
    expect(await page.locator('#brief h1').textContent()).toBe(TITLE);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (SHOTS) await writeFile(join(ROOT, 'docs/workbench-brief.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });

  it('toggles a plant from the node panel; Escape clears the selection; Back steps back inside the page', async () => {
    await open('?graph=seed&node=us-magnet');
    expect(await page.getByTestId('node-title').textContent()).toBe('US magnets');
    expect(await page.getByTestId('node-values').textContent()).toContain('throughput');
    const n = await evaluations(page);
    await page.getByTestId('toggle-plant').click();
    await settled(page, n);
    expect(new URL(page.url()).searchParams.getAll('p')).toEqual(['us-magnet']);
    expect(await page.evaluate(() => window.__chokepoint.result?.changes.map((c) => c.type))).toEqual(['disableNode']);
    expect(await page.getByTestId('node-details').textContent()).toContain('offline in this scenario');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__chokepoint.state.selected === null);
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
    // Back: the selection comes back, then the plant is online again; the page stays.
    await page.goBack();
    await page.waitForFunction(() => window.__chokepoint.state.selected === 'us-magnet');
    await page.goBack();
    await page.waitForFunction(() => window.__chokepoint.state.plantsOff.length === 0 && window.__chokepoint.pending === 0);
    expect(new URL(page.url()).origin).toBe(new URL(session.server.url).origin);
  });

  it('refuses a year outside 2000..2100 and shows a cap slider', async () => {
    await open();
    await page.getByTestId('year-input').fill('-5');
    await page.getByTestId('year-input').press('Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('whole year'));
    expect(await page.evaluate(() => window.__chokepoint.state.year)).toBeNull();
    expect(await page.getByTestId('year-input').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('year-input').fill('2200');
    await page.getByTestId('year-input').press('Enter');
    expect(await page.evaluate(() => window.__chokepoint.state.year)).toBeNull();
    // A cap at 50% of 2024 flow, then the slider moves it to 25%.
    await page.getByTestId('rule-type').selectOption('cap');
    await page.getByTestId('rule-from').selectOption('CN');
    let n = await evaluations(page);
    await page.getByTestId('rule-add').click();
    await settled(page, n);
    expect(await page.evaluate(() => window.__chokepoint.state.restrictions[0]?.share)).toBe(0.5);
    n = await evaluations(page);
    await page.getByTestId('rule-share-0').fill('25');
    await settled(page, n);
    expect(new URL(page.url()).searchParams.getAll('r')).toEqual(['cap:CN:::0.25']);
    const expected = (await (await postJson(session.server.url, '/api/graphs/seed/scenario', { name: 'cap', actions: [{ type: 'cap', from: 'CN', share: 0.25 }] })).json()) as ScenarioResult;
    expect(await page.getByTestId('delivered-loss').textContent()).toBe(pct(expected.loss.proportional));
  });

  it('lays out at 390 px: the map keeps its size, panels stack, nothing overlaps', async () => {
    await open('?graph=seed&lens=US&r=embargo:CN:US:Dy%2520oxide,Tb%2520oxide,Sm%2520metal,Y%2520oxide', { width: 390, height: 844 });
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, right: r.right };
      };
      return { cy: box('#cy'), legend: box('#legend'), sinks: box('#sinks'), scenario: box('#scenario-panel'), results: box('#results-panel'), page: document.documentElement.scrollWidth };
    });
    expect(boxes.cy.width).toBeGreaterThanOrEqual(360);
    expect(boxes.cy.height).toBeGreaterThanOrEqual(300);
    expect(boxes.legend.y).toBeGreaterThanOrEqual(boxes.cy.bottom - 1);
    expect(boxes.scenario.y).toBeGreaterThanOrEqual(boxes.legend.bottom - 1);
    expect(boxes.sinks.y).toBeGreaterThanOrEqual(boxes.legend.bottom - 1);
    expect(boxes.results.width).toBeLessThanOrEqual(390);
    expect(boxes.page).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => window.__chokepoint.cy.nodes().not('.stage-header').length)).toBe(21);
    if (SHOTS) {
      await timelineSettled(page);
      await page.screenshot({ path: join(ROOT, 'docs/workbench-390.png'), fullPage: true });
    }
  });
});
