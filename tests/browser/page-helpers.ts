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
export async function openMap(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__chokepoint?.ready === true && window.__chokepoint.pending === 0, undefined, { timeout: 120_000 });
}

export async function lossText(page: Page): Promise<string> {
  return (await page.getByTestId('delivered-loss').textContent()) ?? '';
}
