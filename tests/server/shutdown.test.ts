/**
 * Graceful shutdown: closing the server (or SIGTERM to `chokepoint serve`) stops new
 * connections at once, lets a request in flight finish with its answer, and then the
 * server closes (the process exits 0). A request is kept in flight by sending its body in
 * two halves around the close.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_GRAPHS, startTestServer } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/chokepoint.js', import.meta.url));
const DIST_CLI = fileURLToPath(new URL('../../dist/cli/run.js', import.meta.url));
const BODY = JSON.stringify({ name: 'baseline', actions: [] });

/** Starts a scenario POST and sends its headers and the first half of its body. */
function startRequest(port: number): Promise<{ socket: Socket; closed: Promise<string>; finish: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST /api/graphs/mini/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n`);
      socket.write(BODY.slice(0, 10));
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (reply += chunk));
      const closed = new Promise<string>((done) => socket.on('close', () => done(reply)));
      resolve({
        socket,
        closed,
        finish: () => {
          socket.write(BODY.slice(10));
          return closed;
        },
      });
    });
    socket.on('error', reject);
  });
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing the server', () => {
  it('refuses new connections, answers the request in flight, then closes', async () => {
    const server = await startTestServer({ graphsDir: FIXTURE_GRAPHS, timeouts: { graceMs: 5000 } });
    const port = Number(new URL(server.url).port);
    const request = await startRequest(port);
    await sleep(100);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    expect(await refused(port)).toBe(true);
    expect(closed).toBe(false);
    const reply = await request.finish();
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('"name":"baseline"');
    await closing;
  });

  // Issue 14: such a request used to be cut off with no answer (a connection reset); the
  // documented answer is a 503.
  it('answers 503 to a request that does not finish within the grace period, then closes', async () => {
    const server = await startTestServer({ graphsDir: FIXTURE_GRAPHS, timeouts: { graceMs: 300 } });
    const request = await startRequest(Number(new URL(server.url).port));
    await sleep(50);
    await server.close();
    const reply = await request.closed;
    expect(reply).toMatch(/^HTTP\/1\.1 503 /);
    expect(reply).toMatch(/\r\nretry-after: 5\r\n/i);
    expect(reply).toContain('"kind":"busy"');
    expect(reply).toContain('the server is stopping');
  });
});

describe('chokepoint serve and SIGTERM', () => {
  it('finishes the request in flight and exits 0', async () => {
    expect(existsSync(DIST_CLI), 'dist/ is missing: run `npm run build` (npm install does)').toBe(true);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--graphs', FIXTURE_GRAPHS], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!/127\.0\.0\.1:(\d+)/.test(stdout)) {
        if (child.exitCode !== null) throw new Error(`serve exited: ${stderr}`);
        await sleep(25);
      }
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      const request = await startRequest(port);
      await sleep(100);
      child.kill('SIGTERM');
      while (!stderr.includes('SIGTERM')) await sleep(10);
      expect(await refused(port)).toBe(true);
      expect(await request.finish()).toMatch(/^HTTP\/1\.1 200 /);
      expect(await exited).toBe(0);
      expect(stderr).toContain('chokepoint: SIGTERM: stopping; finishing the requests in flight');
      expect(stderr).toContain('chokepoint: stopped');
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});
