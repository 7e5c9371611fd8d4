/**
 * A clock for the compute pool (`ComputeOptions.clock`) that only moves when a test says
 * so: budgets expire on `advance(ms)`, never because the machine is slow or loaded.
 */
import type { Clock } from '../../src/server/compute-pool.js';

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, running the timers due by then in order. */
  advance(ms: number): void;
  /** How many timers are set. */
  readonly timers: number;
}

export function manualClock(): ManualClock {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      next += 1;
      timers.set(next, { at: now + ms, callback });
      return next;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) return;
        timers.delete(due[0]);
        due[1].callback();
      }
    },
    get timers() {
      return timers.size;
    },
  };
}
