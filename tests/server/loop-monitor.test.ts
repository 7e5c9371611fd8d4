/**
 * The event-loop diagnostic (src/server/loop-monitor.ts, CHOKEPOINT_LOOP_LOG): a
 * synchronous block on the request thread is counted and reported. The block is made on purpose (a busy loop of 100 ms); what is asserted is that it is
 * counted (a loaded machine can only make it longer), never how long anything took.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { watchEventLoop } from '../../src/server/loop-monitor.js';

describe('watchEventLoop', () => {
  it('reports delay percentiles and counts a block over blockMs', async () => {
    let block = true;
    const server = createServer((_req, res) => {
      if (block) {
        block = false;
        const until = performance.now() + 100;
        while (performance.now() < until);
      }
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const monitor = watchEventLoop(server, (line) => lines.push(line), { blockMs: 50, tickMs: 5, intervalMs: 300 });
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health?x=1`)).text()).toBe('ok');
      for (let i = 0; i < 200 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      // Which block is the longest depends on the machine (another may be longer on a busy
      // one), so the requests named are not asserted, only that the block is counted.
      expect(lines[0]).toMatch(/^chokepoint serve: event loop over 0\.3 s: delay p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms; [1-9]\d* blocks over 50 ms \(\d+ ms in all, longest \d+ ms, requests started in it: .+\)$/);
    } finally {
      monitor.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
