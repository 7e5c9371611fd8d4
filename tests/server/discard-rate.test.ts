/**
 * The discard rate of refused large bodies (src/server/guards.ts `discardRate`,
 * `ByteBuckets`): a token bucket per client, and a refused body discarded at that rate
 * instead of at full speed, on a connection that stays usable; accepted bodies are read
 * at full speed. Driven by a manual clock: what is asserted is how
 * much clock time the reading needs (a budget), never how long anything took.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteBuckets } from '../../src/server/guards.js';
import type { RunningServer } from '../../src/server/start.js';
import { manualClock } from '../helpers/manual-clock.js';
import { MINI } from '../web/helpers.js';
import { copyGraphs, postJson, startTestServer } from './helpers.js';

describe('ByteBuckets', () => {
  it('lets a burst through, then asks to wait the time the rate needs to pay back the debt', () => {
    const clock = manualClock();
    const buckets = new ByteBuckets({ bytesPerSecond: 1000, burstBytes: 5000, clock });
    buckets.open('a');
    expect(buckets.take('a', 5000)).toBe(0);
    // 500 bytes over: half a second at 1000 bytes/s.
    expect(buckets.take('a', 500)).toBe(500);
    clock.advance(500);
    expect(buckets.take('a', 1000)).toBe(1000);
    // Another client has its own bucket.
    buckets.open('b');
    expect(buckets.take('b', 5000)).toBe(0);
    // Refills up to the burst only.
    clock.advance(60_000);
    expect(buckets.take('a', 5000)).toBe(0);
    expect(buckets.take('a', 1)).toBe(1);
  });

  it('forgets a client only when its last request is done and its bucket is full again', () => {
    const clock = manualClock();
    const buckets = new ByteBuckets({ bytesPerSecond: 1000, burstBytes: 5000, clock });
    buckets.open('a');
    buckets.open('a');
    buckets.take('a', 6000);
    buckets.close('a');
    buckets.close('a');
    // Still in debt: kept, so a new connection does not start with a full bucket.
    expect(buckets.size).toBe(1);
    buckets.open('a');
    expect(buckets.take('a', 1000)).toBe(2000);
    clock.advance(7000);
    buckets.close('a');
    expect(buckets.size).toBe(0);
    // A client that has no open request is not limited (its request did not go through `open`).
    expect(buckets.take('c', 10_000)).toBe(0);
  });
});

describe('a refused large body is discarded at the read rate, on a connection that stays usable', () => {
  let server: RunningServer;
  let folder: Awaited<ReturnType<typeof copyGraphs>>;
  const clock = manualClock();

  beforeAll(async () => {
    folder = await copyGraphs();
    server = await startTestServer({
      graphsDir: folder.dir,
      limits: { scenarioBytes: 1000, bodyBytes: 40_000, analyzeInlineBytes: 100, discardBytesPerSecond: 10_000 },
      compute: { clock },
    });
  });
  afterAll(async () => {
    await server.close();
    await folder.remove();
  });

  it('answers 413 at once, then reads the 400 KB body at 10 KB/s of the clock, then the next request', async () => {
    const { port } = new URL(server.url);
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    const errors: Error[] = [];
    socket.on('error', (error) => errors.push(error));
    await new Promise((resolve) => socket.once('connect', resolve));
    const length = 400_000;
    // Over the scenario limit by its declared length: a 413 before the body is read.
    socket.write(`POST /api/graphs/mini/scenario HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
    socket.write(' '.repeat(length));
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < 1000 && !text.includes('HTTP/1.1 413'); i++) await sleep(5);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    // The body is read only as the (manual) clock pays for it: the burst of 40 KB, then
    // 10 KB per second of the clock; what was read before the last pause is never paid
    // for: at most a socket read (64 KB) and the request's buffer (16 KB on Node 20, at most
    // 64 KB): 128 KB, so at least 23 s of the clock (without the limit: none).
    let advanced = 0;
    for (let i = 0; i < 2000 && !text.includes('{"ok":true}'); i++) {
      clock.advance(200);
      advanced += 200;
      await sleep(2);
    }
    expect(text).toMatch(/HTTP\/1\.1 200 OK[\s\S]*\{"ok":true\}$/);
    expect(errors).toEqual([]);
    expect(advanced).toBeGreaterThanOrEqual(((length - 40_000 - 2 * 65_536) / 10_000) * 1000);
    socket.destroy();
  });

  it('reads accepted bodies at full speed: three 35 KB graphs in a row, more than the burst, without the clock moving', async () => {
    // The graph, padded with spaces to 35 KB: large (over 100 bytes), accepted (under 40 KB).
    const body = JSON.stringify(MINI) + ' '.repeat(35_000 - JSON.stringify(MINI).length);
    for (let i = 0; i < 3; i++) {
      const res = await postJson(server.url, '/api/analyze?metrics=throughput', body);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });
});
