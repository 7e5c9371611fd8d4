/**
 * Issue 14: every request is bounded. Scenarios: a limit on actions (the 169,117-action
 * amplification), on the answer's size, and a work estimate that sends large ones to a
 * worker and its budget; posted graphs parsed and validated on a worker when large, with
 * counts checked before validation and warnings capped; a per-client limit on large
 * requests in flight; a Host allow-list (DNS rebinding); busy answers logged as one line;
 * the graph listing reads large files on a worker, so it never holds up other requests.
 * Budgets run on a manual clock (no wall-clock assertion).
 */
import { connect } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, StartOptions } from '../../src/server/start.js';
import { MINI } from '../web/helpers.js';
import { manualClock } from '../helpers/manual-clock.js';
import { spawnHangingWorker } from './hanging-worker.js';
import { copyGraphs, postJson, type RawResponse, serveCopiedGraphs, startTestServer } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await sleep(5);
  expect(check()).toBe(true);
}

/** A request sent as given, with the Host header given. */
function rawRequest(url: string, method: string, path: string, host: string | null, body = ''): Promise<RawResponse> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      const headers = [...(host === null ? [] : [`Host: ${host}`]), 'Connection: close', `Content-Length: ${Buffer.byteLength(body)}`, ...(body ? ['Content-Type: application/json'] : [])];
      socket.write(`${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`);
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: {}, body: rest.join('\r\n\r\n') });
    });
  });
}

const embargo = { type: 'embargo', from: 'CN' };
const scenario = (actions: number) => ({ name: 'many', actions: Array.from({ length: actions }, () => embargo) });

describe('scenarios are bounded', () => {
  const logged: string[] = [];
  const served = serveCopiedGraphs({ limits: { scenarioActions: 50, answerBytes: 200_000 }, compute: { inlineWork: 500 }, log: (line) => logged.push(line) });

  it('refuses more actions than the limit before checking any (was: 169,117 copies made a 165 MB answer)', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', scenario(51));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: 'input', details: [{ element: 'scenario', message: 'actions: 51 actions; a scenario may have at most 50' }] });
  });

  it('refuses a scenario body over the scenario size limit (413) before parsing it', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', scenario(20_000));
    expect(res.status).toBe(413);
  });

  it('computes a scenario over the inline work estimate on a worker', async () => {
    expect(served.server.pool.stats().workers).toBe(0);
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', scenario(50));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changes: unknown[] }).changes).toHaveLength(50);
    expect(served.server.pool.stats().workers).toBe(1);
  });

  it('refuses an answer larger than answerBytes with a 422', async () => {
    const other = await startTestServer({ graphsDir: served.dir, limits: { answerBytes: 2000 } });
    try {
      const res = await postJson(other.url, '/api/graphs/mini/scenario', scenario(3));
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: string }).error).toMatch(/^the scenario: the answer would be .* MiB, more than the server sends/);
    } finally {
      await other.close();
    }
  });

  it('refuses scaleNode factors that would overflow (1e308, 1e308, 0 gave NaN losses)', async () => {
    const node = MINI.nodes[0]?.key as string;
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', { name: 'x', actions: [1e308, 1e308, 0].map((factor) => ({ type: 'scaleNode', node, factor })) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('must be at most 1e+6');
    expect(text).not.toContain('NaN');
    const over = await postJson(served.server.url, '/api/graphs/mini/scenario', { name: 'x', actions: [1e6, 10, 0].map((factor) => ({ type: 'scaleNode', node, factor })) });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain(`the scale factors of node \\"${node}\\" multiply to 1.00e+7`);
  });

  it('logged nothing (no internal error)', () => {
    expect(logged).toEqual([]);
  });
});

describe('posted graphs: parsed off the request thread when large', () => {
  const served = serveCopiedGraphs({ limits: { analyzeInlineBytes: 100, analyzeNodes: 50 } });
  const unknownNames = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, i]));

  it('analyzes a body over analyzeInlineBytes on a worker, with the same answer', async () => {
    const res = await postJson(served.server.url, '/api/analyze?metrics=throughput', MINI);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nodes: unknown[] }).nodes).toHaveLength(MINI.nodes.length);
    expect(served.server.pool.stats().workers).toBe(1);
  });

  it('answers the worker\'s errors with their status: bad JSON, deep nesting, counts (before validation), an invalid graph', async () => {
    const url = served.server.url;
    const bad = await postJson(url, '/api/analyze', `{"nodes": [${' '.repeat(200)}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^request body: request body: not valid JSON/);
    expect((await postJson(url, '/api/analyze', `{"nodes":${'['.repeat(100)}${']'.repeat(100)}}`)).status).toBe(400);
    const many = { nodes: Array.from({ length: 51 }, () => 'not even a node') };
    const tooMany = await postJson(url, '/api/analyze', many);
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: string }).error).toMatch(/the graph has 51 nodes and 0 edges/);
    const invalid = await postJson(url, '/api/analyze', { nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'XX', pad: 'x'.repeat(100) } }] });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ kind: 'input', details: [{ element: 'node "a"' }] });
  });

  it('caps the warnings (400,000 unknown attribute names made a 37 MB answer)', async () => {
    const graph = { ...MINI, nodes: MINI.nodes.map((n, i) => (i === 0 ? { ...n, attributes: { ...n.attributes, ...unknownNames } } : n)) };
    const res = await postJson(served.server.url, '/api/analyze?metrics=throughput', graph);
    expect(res.status).toBe(200);
    const { warnings } = (await res.json()) as { warnings: string[] };
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe('request body: ... and 480 more warnings (not listed)');
  });
});

describe('per-client limit, busy log, Host allow-list', () => {
  let server: RunningServer;
  let folder: Awaited<ReturnType<typeof copyGraphs>>;
  const clock = manualClock();
  const logged: string[] = [];

  beforeAll(async () => {
    folder = await copyGraphs();
    const options: StartOptions = {
      graphsDir: folder.dir,
      limits: { analyzeInlineBytes: 100, clientHeavy: 2, analyzeMs: 1000 },
      compute: { workers: 4, spawn: spawnHangingWorker, clock },
      allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'chokepoint.lan'],
      log: (line) => logged.push(line),
    };
    server = await startTestServer(options);
  });
  afterAll(async () => {
    await server.close();
    await folder.remove();
  });

  it('one client may have clientHeavy large requests in flight; one more is a 503 answered before its body is read', async () => {
    const first = postJson(server.url, '/api/analyze', MINI);
    const second = postJson(server.url, '/api/analyze', MINI);
    await until(() => server.pool.stats().busy === 2);
    const third = await postJson(server.url, '/api/analyze', MINI);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(((await third.json()) as { error: string }).error).toBe('too many large requests from this client at once (at most 2 in flight); try again later');
    // Small requests from the same client are not limited.
    expect((await postJson(server.url, '/api/graphs/mini/scenario', { name: 'x', actions: [] })).status).toBe(200);
    clock.advance(1000);
    expect((await first).status).toBe(422);
    expect((await second).status).toBe(422);
    // Answered requests no longer count: a new large request is taken on again.
    const fourth = postJson(server.url, '/api/analyze', MINI);
    await until(() => server.pool.stats().busy === 1);
    clock.advance(1000);
    expect((await fourth).status).toBe(422);
  });

  it('logs busy answers as one aggregated line per interval, without a stack trace', () => {
    // Nothing yet: the line comes at the end of the 10 s interval that had the 503.
    expect(logged.filter((line) => line.includes('503'))).toEqual([]);
    clock.advance(10_000);
    const busy = logged.filter((line) => line.includes('503'));
    expect(busy).toEqual([
      'chokepoint serve: busy: 1 request answered 503 in the last 10 s (1 POST /api/analyze: too many large requests from this client at once (at most 2 in flight); try again later)',
    ]);
    expect(logged.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('refuses a Host header outside the allow-list with a 403 (DNS rebinding), answers the allowed ones', async () => {
    const { port } = new URL(server.url);
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1.evil.example', 'localhost.evil.example']) {
      const res = await rawRequest(server.url, 'GET', '/api/graphs', host);
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body), host).toMatchObject({ kind: 'forbidden', error: expect.stringMatching(/^Host ".*" is not one this server answers to/) as unknown });
    }
    const attack = await rawRequest(server.url, 'POST', '/api/graphs/mini/scenario', 'rebind.attacker.example', JSON.stringify({ name: 'x', actions: [] }));
    expect(attack.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`, 'chokepoint.lan', 'localhost.']) {
      expect((await rawRequest(server.url, 'GET', '/api/health', host)).status, host).toBe(200);
    }
  });
});

describe('the graph listing reads large files on a worker', () => {
  it('answers /api/health while a large file is still being read, then lists it', async () => {
    const folder = await copyGraphs();
    const clock = manualClock();
    const server = await startTestServer({ graphsDir: folder.dir, limits: { graphInlineBytes: 100, loadMs: 500 }, compute: { spawn: spawnHangingWorker, clock, workers: 2, queue: 4 } });
    try {
      const listing = fetch(new URL('/api/graphs', server.url));
      await until(() => server.pool.stats().busy === 1); // mini.json (3.8 kB) on a (hanging) worker; broken.json (77 bytes) read inline
      expect((await fetch(new URL('/api/health', server.url))).status).toBe(200);
      clock.advance(500);
      const listed = (await (await listing).json()) as { id: string; error?: string }[];
      expect(listed.map((g) => g.id)).toEqual(['broken', 'mini']);
      expect(listed[1]?.error).toMatch(/^reading mini\.json did not finish within the time budget of 0\.5 s/);
      expect(JSON.stringify(listed)).not.toContain(folder.dir);
    } finally {
      await server.close();
      await folder.remove();
    }
  });

  it('gives the same listing and the same graph as reading inline', async () => {
    const folder = await copyGraphs();
    await writeFile(join(folder.dir, 'zzz.json'), JSON.stringify(MINI));
    const inline = await startTestServer({ graphsDir: folder.dir });
    const offThread = await startTestServer({ graphsDir: folder.dir, limits: { graphInlineBytes: 100 } });
    try {
      const list = async (s: RunningServer) => (await fetch(new URL('/api/graphs', s.url))).json();
      expect(await list(offThread)).toEqual(await list(inline));
      expect(offThread.pool.stats().workers).toBeGreaterThan(0);
      expect(inline.pool.stats().workers).toBe(0);
      const graph = async (s: RunningServer) => (await fetch(new URL('/api/graphs/zzz', s.url))).json();
      expect(await graph(offThread)).toEqual(await graph(inline));
      const body = { name: 'x', actions: [{ type: 'disableCountry', country: 'CN' }] };
      const run = async (s: RunningServer) => (await postJson(s.url, '/api/graphs/zzz/scenario', body)).json();
      expect(await run(offThread)).toEqual(await run(inline));
    } finally {
      await inline.close();
      await offThread.close();
      await folder.remove();
    }
  });
});
