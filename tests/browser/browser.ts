/**
 * The browser for the browser tests: Debian's chromium (or CHROMIUM_PATH) driven by
 * playwright-core, headless, with a fresh temporary profile. When no browser is found
 * the tests are skipped with a message, except under CI=true, where they fail.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser executable, or undefined. */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export const NO_BROWSER_MESSAGE =
  'browser tests: no chromium found (looked at CHROMIUM_PATH and ' + CANDIDATES.join(', ') + '); install one with `apt-get install chromium`';

/** `describe` when a browser is there; otherwise a skip (or, under CI=true, a failing test). */
export function browserAvailability(): { path: string | undefined; run: boolean } {
  const path = findBrowser();
  if (!path && process.env.CI !== 'true') process.stderr.write(`${NO_BROWSER_MESSAGE}: skipped\n`);
  return { path, run: Boolean(path) };
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'chokepoint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1600, height: 1000 },
  });
  // Playwright's default (30 s per action) is a hang detector; on a busy machine a page's
  // first layout alone can take longer, so give every action the same generous limit.
  context.setDefaultTimeout(120_000);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
