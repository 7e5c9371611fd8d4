/** Helpers for driving the map page. */
import type { Page } from 'playwright-core';
import type {} from '../../web/src/hook.js';

export interface PageErrors {
  list: string[];
}

/** Collects console errors and uncaught exceptions of the page. */
export function collectErrors(page: Page): PageErrors {
  const errors: PageErrors = { list: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') errors.list.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.list.push(`page: ${error.message}`));
  return errors;
}

/** Opens the page and waits until the graph is drawn and evaluated. */
export async function openMap(page: Page, url: string, timeout = 120_000): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__chokepoint?.ready === true && window.__chokepoint.pending === 0, undefined, { timeout });
}

/** Waits until the page has evaluated once more than `before` times and is idle. */
export async function settled(page: Page, before: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((n) => window.__chokepoint.evaluations > n && window.__chokepoint.pending === 0, before, { timeout });
}

/** How many times the page has evaluated a scenario. */
export async function evaluations(page: Page): Promise<number> {
  return page.evaluate(() => window.__chokepoint.evaluations);
}

export async function lossText(page: Page): Promise<string> {
  return (await page.getByTestId('delivered-loss').textContent()) ?? '';
}

/** Waits until the time chart under the map is drawn, failed or idle (for a screenshot that shows it). */
export async function timelineSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => ['ready', 'error', 'idle'].includes(document.querySelector('[data-testid="timeline"]')?.getAttribute('data-state') ?? ''), undefined, { timeout: 120_000 });
}
