import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyError, ComputationError, InputError, NotFoundError, TooLargeError, UsageError } from '../../src/model/errors.js';
import { errorResponse } from '../../src/server/errors.js';
import type { RunningServer } from '../../src/server/start.js';
import { FIXTURE_GRAPHS, rawGet, startTestServer } from './helpers.js';

let server: RunningServer;
let web: string;
const logged: string[] = [];

beforeAll(async () => {
  web = await mkdtemp(join(tmpdir(), 'chokepoint-web-'));
  await writeFile(join(web, 'index.html'), '<!doctype html><title>map</title>');
  server = await startTestServer({ graphsDir: FIXTURE_GRAPHS, webDir: web, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await server.close();
  await rm(web, { recursive: true, force: true });
});

describe('the app', () => {
  it('serves the page with a strict Content Security Policy', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>map</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['DELETE', '/api/graphs/mini'],
    ['PUT', '/api/analyze'],
    ['GET', '/missing.js'],
  ])('%s %s is a JSON 404', async (method, path) => {
    const res = await fetch(new URL(path, server.url), { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ kind: 'not-found', error: `no route ${method} ${path}` });
  });

  it('never answers with an HTML error page', async () => {
    for (const path of ['/api/graphs/%E0%A4%A', '/%', '/api/graphs/mini/metrics?format[]=csv']) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
      expect(res.body, path).not.toMatch(/<html|<pre>|at .*\.js:\d+/i);
    }
  });

  it('says how to build the page when it is missing', async () => {
    const bare = await startTestServer({ graphsDir: FIXTURE_GRAPHS });
    try {
      const res = await fetch(bare.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await bare.close();
    }
  });
});

describe('errorResponse', () => {
  it('maps each kind of error through ERROR_KINDS', () => {
    expect(errorResponse(new UsageError('u')).status).toBe(400);
    expect(errorResponse(new InputError('f', [{ element: 'e', message: 'm' }])).status).toBe(400);
    expect(errorResponse(new NotFoundError('n')).status).toBe(404);
    expect(errorResponse(new TooLargeError('t')).status).toBe(413);
    expect(errorResponse(new ComputationError('c')).status).toBe(422);
    expect(errorResponse(new BusyError('b'))).toEqual({ status: 503, body: { error: 'b', kind: 'busy' } });
  });

  it('gives the problem list and the total of an InputError', () => {
    const { body } = errorResponse(new InputError('f', [{ element: 'e', message: 'm' }], 7));
    expect(body).toEqual({ error: 'f: e: m\nf: ... and 6 more problems', kind: 'input', details: [{ element: 'e', message: 'm' }], total: 7 });
  });

  it('hides the message of an unexpected error', () => {
    const { status, body } = errorResponse(new TypeError('secret path /srv/x'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
