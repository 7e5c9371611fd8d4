/**
 * The set-up every browser test file shares: a server on a graphs folder (started in
 * this process, serving the built page), one headless browser, and `open(query)`, which
 * opens a fresh page, collects its console errors and waits until the map is drawn and
 * evaluated (or only drawn, for a big graph whose metrics come later). After each test
 * that opened a page, the page must have logged no console error (and, with
 * `warnings: true`, no console warning); the page is closed (or kept for the next test,
 * `page: 'shared'`). Register it at the top of a
 * `describe` (it adds beforeAll/afterEach/afterAll hooks there).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { startTestServer } from '../server/helpers.js';
import { browserAvailability, launchBrowser, NO_BROWSER_MESSAGE, type Browser } from './browser.js';
import { WEB_DIST } from './build-web.js';
import { collectErrors, openMap, type PageErrors } from './page-helpers.js';

export interface MapSessionOptions {
  /** The graphs folder, or a function that makes it (called once, before the server starts). */
  graphsDir: string | (() => Promise<string>);
  /**
   * `per-test` (default): the page a test opened is checked and closed after it;
   * `shared`: one page (opened in a beforeAll) serves the tests that follow each other,
   * checked after each and closed at the end.
   */
  page?: 'per-test' | 'shared';
  /** Called after the server and browser are closed (e.g. to remove a made folder). */
  cleanup?: () => Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Count console warnings as errors too. */
  warnings?: boolean;
  /** `evaluated` (default): drawn, evaluated and idle; `drawn`: drawn only (a big graph). */
  wait?: 'evaluated' | 'drawn';
  /** How long to wait for the page, ms (default 120 s: a hang detector on a shared machine, not a latency check). */
  timeout?: number;
}

export interface MapSession {
  readonly server: RunningServer;
  /** The page the last `open` opened. */
  readonly page: Page;
  readonly errors: PageErrors;
  /** The browser context, for a second page in one test (the test closes it). */
  readonly context: BrowserContext;
  open(query?: string, options?: OpenOptions): Promise<Page>;
}

/** Whether the browser tests can run here (a chromium was found); see browser.ts. */
export const browser = browserAvailability();

/** Under CI=true without a browser: one failing test saying so (call at the top level of a test file). */
export function requireBrowserUnderCi(describe: (name: string, fn: () => void) => void, it: (name: string, fn: () => void) => void): void {
  if (!browser.run && process.env.CI === 'true') {
    describe('browser tests', () => {
      it('need a browser under CI=true', () => {
        throw new Error(NO_BROWSER_MESSAGE);
      });
    });
  }
}

export function mapSession(options: MapSessionOptions): MapSession {
  let server: RunningServer | undefined;
  let chromium: Browser | undefined;
  let page: Page | undefined;
  let errors: PageErrors | undefined;
  let opened = false;

  beforeAll(async () => {
    const dir = typeof options.graphsDir === 'string' ? options.graphsDir : await options.graphsDir();
    server = await startTestServer({ graphsDir: dir, webDir: WEB_DIST });
    chromium = await launchBrowser(browser.path as string);
  });
  const shared = options.page === 'shared';
  afterEach(async () => {
    if (!opened) return;
    expect(errors?.list, 'console errors').toEqual([]);
    if (shared) return;
    opened = false;
    await page?.close();
  });
  afterAll(async () => {
    if (opened) await page?.close();
    await chromium?.close();
    await server?.close();
    await options.cleanup?.();
  });

  const session: MapSession = {
    get server() {
      if (!server) throw new Error('mapSession: the server is not started yet');
      return server;
    },
    get page() {
      if (!page) throw new Error('mapSession: no page is open (call open first)');
      return page;
    },
    get context() {
      if (!chromium) throw new Error('mapSession: the browser is not started yet');
      return chromium.context;
    },
    get errors() {
      if (!errors) throw new Error('mapSession: no page is open (call open first)');
      return errors;
    },
    async open(query = '', { viewport = { width: 1600, height: 1000 }, warnings = false, wait = 'evaluated', timeout = 120_000 }: OpenOptions = {}) {
      if (!chromium || !server) throw new Error('mapSession: open() before the session started');
      page = await chromium.context.newPage();
      opened = true;
      await page.setViewportSize(viewport);
      const list = collectErrors(page);
      errors = list;
      if (warnings) {
        page.on('console', (message) => {
          if (message.type() === 'warning') list.list.push(`console warning: ${message.text()}`);
        });
      }
      if (wait === 'evaluated') await openMap(page, `${server.url}${query}`, timeout);
      else {
        await page.goto(`${server.url}${query}`);
        await page.waitForFunction(() => window.__chokepoint?.ready === true, undefined, { timeout });
      }
      return page;
    },
  };
  return session;
}
