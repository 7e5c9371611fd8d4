/**
 * A big graph's baseline (over AGGREGATE_THRESHOLD nodes: not evaluated until the scenario
 * changes) in a real browser, on a generated 500-node graph (small enough to evaluate a
 * scenario quickly, big enough to be "big"): every panel says why it is empty instead of
 * being blank. The stage table says it is computing until the baseline metrics arrive; the
 * delivered panel and the loss chart ask for a change, the time chart
 * says it is not drawn for the baseline; once a country is toggled the delivered panel
 * says the scenario is being evaluated (the answer is held back by the test, no clock),
 * the time chart says it is computing; toggled back, the time chart drops the scenario's
 * chart and says why again.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { AGGREGATE_THRESHOLD } from '../../web/src/aggregate.js';
import { BIG_BASELINE_TIMELINE } from '../../web/src/page/evaluation.js';
import { browser, mapSession } from './map-session.js';

const NODES = 500;
let dir = '';

describe.runIf(browser.run)('a big graph at baseline: the panels say why they are empty', () => {
  const session = mapSession({
    graphsDir: async () => {
      dir = await mkdtemp(join(tmpdir(), 'chokepoint-big-baseline-'));
      await writeFile(join(dir, 'g500.json'), JSON.stringify(generateSupplyGraph({ nodes: NODES, seed: 7 })));
      return dir;
    },
    cleanup: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  });

  it('asks for a change, says "evaluating" and "computing" once asked, and drops a stale time chart', async () => {
    expect(NODES).toBeGreaterThan(AGGREGATE_THRESHOLD);
    // The baseline metrics are held until the stage table has said it is computing them.
    const metrics: Route[] = [];
    const METRICS = /\/api\/graphs\/g500\/metrics/;
    await session.context.route(METRICS, (route) => {
      metrics.push(route);
    });
    const page = await session.open('?graph=g500', { wait: 'drawn' });
    const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
    await expect.poll(() => metrics.length).toBe(1);
    expect(await text('stage-table')).toBe('Stage concentration: computing…');
    await metrics[0]!.continue();
    await session.context.unroute(METRICS);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="stage-table"] tbody tr').length > 0);
    const timelineState = () => page.evaluate(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state'));
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') === 'idle');
    expect(await text('idle-note')).toBe('A large graph (500 nodes): its baseline loses nothing; change the scenario to evaluate it.');
    expect(await text('loss-chart-idle')).toBe('Change the scenario to see the loss per end use.');
    expect(await text('timeline-status')).toBe(BIG_BASELINE_TIMELINE);
    expect(await page.locator('[data-testid="timeline-plot"] canvas').count()).toBe(0);
    expect(await page.getByTestId('timeline-csv').isDisabled()).toBe(true);

    // China offline: the scenario's answer, then the time chart's, are held until the page
    // has said what it is doing.
    const held: Route[] = [];
    await page.route(/\/api\/graphs\/g500\/(scenario|timeline)/, (route) => {
      held.push(route);
    });
    await page.getByTestId('country-toggle-CN').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="idle-note"]')?.textContent === 'Evaluating the scenario on a large graph (500 nodes)…');
    expect(await page.getByTestId('loss-chart-idle').count()).toBe(0);
    await expect.poll(() => held.length).toBe(1);
    await held[0]!.continue();
    await page.waitForFunction(() => window.__chokepoint.result !== null);
    // The time chart is asked after the answer: "computing" until it is drawn.
    await expect.poll(() => held.length).toBe(2);
    expect(held[1]!.request().url()).toContain('/timeline');
    expect(await timelineState()).toBe('loading');
    expect(await text('timeline-status')).toBe('Computing month by month (24 months)…');
    await held[1]!.continue();
    await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') ?? ''), undefined, { timeout: 120_000 });
    expect(await timelineState()).toBe('ready');
    expect(await page.locator('[data-testid="timeline-plot"] canvas').count()).toBe(1);
    await page.unroute(/\/api\/graphs\/g500\/(scenario|timeline)/);
    expect(await page.locator('[data-testid="loss-chart"]').count()).toBe(1);

    // Back to the baseline: no stale chart of the scenario, the reason again.
    await page.getByTestId('country-toggle-CN').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') === 'idle');
    expect(await text('timeline-status')).toBe(BIG_BASELINE_TIMELINE);
    expect(await page.locator('[data-testid="timeline-plot"] canvas').count()).toBe(0);
    expect(await text('loss-chart-idle')).toBe('Change the scenario to see the loss per end use.');
    expect(await text('idle-note')).toContain('its baseline loses nothing');
    expect(session.errors.list).toEqual([]);
  });
});
