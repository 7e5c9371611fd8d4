/** The busy log (src/server/busy-log.ts): one aggregated line per interval, driven by a manual clock. */
import { describe, expect, it } from 'vitest';
import { BusyLog } from '../../src/server/busy-log.js';
import { manualClock } from '../helpers/manual-clock.js';

function setup(reasons = 3) {
  const clock = manualClock();
  const lines: string[] = [];
  const busy = new BusyLog((line) => lines.push(line), { clock, intervalMs: 10_000, reasons });
  return { clock, lines, busy };
}

describe('BusyLog', () => {
  it('logs nothing and keeps no timer while nothing is busy', () => {
    const { clock, lines, busy } = setup();
    clock.advance(60_000);
    busy.flush();
    expect(lines).toEqual([]);
    expect(clock.timers).toBe(0);
  });

  it('counts 37 busy answers of one interval into one line, the most frequent reason first', () => {
    const { clock, lines, busy } = setup();
    for (let i = 0; i < 30; i++) busy.record('POST /api/analyze', 'too many large requests');
    clock.advance(4_000);
    for (let i = 0; i < 7; i++) busy.record('POST /api/graphs/g/scenario', 'the server is busy (16 computations waiting); try again later');
    expect(lines).toEqual([]);
    clock.advance(5_999);
    expect(lines).toEqual([]);
    clock.advance(1);
    expect(lines).toEqual([
      'chokepoint serve: busy: 37 requests answered 503 in the last 10 s (30 POST /api/analyze: too many large requests; 7 POST /api/graphs/g/scenario: the server is busy (16 computations waiting); try again later)',
    ]);
    expect(clock.timers).toBe(0);
  });

  it('starts a new interval at the next busy answer, and counts reasons beyond the first few together', () => {
    const { clock, lines, busy } = setup(1);
    busy.record('GET /a', 'x');
    clock.advance(10_000);
    clock.advance(50_000);
    busy.record('GET /b', 'y');
    busy.record('GET /b', 'y');
    busy.record('GET /c', 'z');
    clock.advance(10_000);
    expect(lines).toEqual([
      'chokepoint serve: busy: 1 request answered 503 in the last 10 s (1 GET /a: x)',
      'chokepoint serve: busy: 3 requests answered 503 in the last 10 s (2 GET /b: y; 1 for other reasons)',
    ]);
  });

  it('flush logs the interval so far at once (the server stopping)', () => {
    const { clock, lines, busy } = setup();
    busy.record('GET /a', 'x');
    clock.advance(2_500);
    busy.flush();
    expect(lines).toEqual(['chokepoint serve: busy: 1 request answered 503 in the last 2.5 s (1 GET /a: x)']);
    expect(clock.timers).toBe(0);
    clock.advance(10_000);
    expect(lines).toHaveLength(1);
  });
});
