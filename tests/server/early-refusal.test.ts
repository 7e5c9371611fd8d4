/**
 * Bodies refused by their declared length (src/server/guards.ts, issue 14 round 2): a
 * request whose Content-Length is over the route's limit is answered 413 before a byte of
 * its body is sent, and the connection stays usable (the rest of the body is discarded as
 * it arrives, then the next request on the same connection is answered): before, the
 * server read the whole body first, or closed the connection and the client saw a reset.
 * The same holds for the per-client 503. No timing is asserted: only the order of events.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveCopiedGraphs } from './helpers.js';

/** Reads from `socket` until `done(text so far)` holds; resolves with the text. */
function readUntil(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (done(text)) {
        socket.off('data', onData);
        socket.off('error', reject);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

/** True when `text` holds a complete HTTP response (headers and a Content-Length body). */
function complete(text: string, count = 1): boolean {
  let rest = text;
  for (let i = 0; i < count; i++) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const length = Number(/content-length: *(\d+)/i.exec(rest.slice(0, end))?.[1] ?? 0);
    if (rest.length < end + 4 + length) return false;
    rest = rest.slice(end + 4 + length);
  }
  return true;
}

describe('a body over the limit by its declared length', () => {
  const served = serveCopiedGraphs({ limits: { scenarioBytes: 1000, bodyBytes: 4000 } });

  async function check(path: string, length: number): Promise<string> {
    const { port } = new URL(served.server.url);
    const socket = connect(Number(port), '127.0.0.1');
    try {
      await new Promise((resolve) => socket.once('connect', resolve));
      const answered = readUntil(socket, (t) => complete(t));
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
      // Not a byte of the body sent yet: the answer comes anyway.
      const first = await answered;
      expect(first).toMatch(/^HTTP\/1\.1 413 /);
      expect(first).not.toMatch(/connection: close/i);
      // The body, then another request on the same connection: both go through, no reset.
      const next = readUntil(socket, (t) => complete(t));
      socket.write(' '.repeat(length));
      socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const second = await next;
      expect(second).toMatch(/^HTTP\/1\.1 200 /);
      expect(second).toContain('{"ok":true}');
      return first;
    } finally {
      socket.destroy();
    }
  }

  it('is a 413 before the body is read, on a connection that stays usable (scenario and analyze routes)', async () => {
    expect(await check('/api/graphs/mini/scenario', 5000)).toMatch(/5000 bytes, more than this route takes \(1000 bytes\)/);
    expect(await check('/api/analyze', 8000)).toMatch(/8000 bytes, more than this route takes \(4000 bytes\)/);
  });
});
