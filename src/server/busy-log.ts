/**
 * The busy log: busy answers (503) are expected under load (a full queue, a client over
 * its limit of large requests), not bugs, and an attack can cause thousands a second, so
 * they are not logged one line each (a flood of log lines is itself load on the request
 * thread, and drowns the errors that matter). Each busy answer is counted; at the end of
 * an interval (`intervalMs`, default 10 s) that had any, one line says how many there
 * were and why, the most frequent reasons first:
 *
 *   chokepoint serve: busy: 37 requests answered 503 in the last 10 s
 *   (30 POST /api/analyze: too many large requests from this client at once ...; 7 ...)
 *
 * The interval starts at the first busy answer after a quiet one, so a server that is
 * never busy logs nothing and keeps no timer. `flush()` logs what is counted at once
 * (the server calls it when it stops). No stack traces: a busy answer is never one.
 * The clock is injected (compute-pool.ts `Clock`), so tests drive the interval.
 */
import { SYSTEM_CLOCK, type Clock } from './compute-pool.js';

export interface BusyLogOptions {
  /** Length of an interval, ms. */
  intervalMs: number;
  /** Most distinct reasons named in a line (the rest are counted together). */
  reasons: number;
  clock: Clock;
}

export const DEFAULT_BUSY_LOG: BusyLogOptions = { intervalMs: 10_000, reasons: 3, clock: SYSTEM_CLOCK };

const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;

export class BusyLog {
  readonly options: BusyLogOptions;
  /** Busy answers of the current interval, by "request line: reason". */
  private readonly counts = new Map<string, number>();
  private total = 0;
  private timer: unknown = null;
  private started = 0;

  constructor(
    private readonly log: (line: string) => void,
    options: Partial<BusyLogOptions> = {},
  ) {
    this.options = { ...DEFAULT_BUSY_LOG, ...options };
  }

  /** Counts one busy answer: `request` is its request line ("POST /api/analyze"), `reason` the first line of its message. */
  record(request: string, reason: string): void {
    const key = `${request}: ${reason}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
    if (this.timer !== null) return;
    const { clock, intervalMs } = this.options;
    this.started = clock.now();
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.write(intervalMs);
    }, intervalMs);
    // A pending line never keeps the process alive (the server flushes it when it stops).
    (this.timer as { unref?: () => void } | null)?.unref?.();
  }

  /** Logs what is counted now, if anything (the interval so far). */
  flush(): void {
    if (this.timer !== null) {
      this.options.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    this.write(this.options.clock.now() - this.started);
  }

  private write(elapsedMs: number): void {
    if (this.total === 0) return;
    const top = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const named = top.slice(0, this.options.reasons).map(([key, n]) => `${n} ${key}`);
    const others = top.slice(this.options.reasons).reduce((sum, [, n]) => sum + n, 0);
    if (others > 0) named.push(`${others} for other reasons`);
    const requests = this.total === 1 ? '1 request' : `${this.total} requests`;
    this.log(`chokepoint serve: busy: ${requests} answered 503 in the last ${seconds(elapsedMs)} (${named.join('; ')})`);
    this.counts.clear();
    this.total = 0;
  }
}
