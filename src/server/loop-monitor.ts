/**
 * A diagnostic of the request thread (off by default; `chokepoint serve` turns it on with
 * the environment variable CHOKEPOINT_LOOP_LOG=<block ms>, e.g. 20): what delays
 * `/api/health` is whatever else runs on the event loop, so this measures the loop itself.
 *
 * - Event-loop delay: `perf_hooks.monitorEventLoopDelay` (a histogram of how late a 10 ms
 *   timer of libuv fires), reported as p50, p99 and max per interval (`intervalMs`) and
 *   reset.
 * - Blocks: a timer due every `tickMs` measures how late it runs; a lateness over
 *   `blockMs` is a synchronous block of at least that length (JavaScript, garbage
 *   collection or a system call on the request thread, or the thread not scheduled on a
 *   busy machine). Each interval reports how many there were, their total and the longest,
 *   and for the longest, the requests that started during it, by method and path ("what
 *   ran": the handlers of those requests, or the work they set off; a CPU profile, the
 *   load test's --cpu-prof, names the functions).
 *
 * Lines go to `log`; the timers are unref'd (they never keep the process alive).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Server } from 'node:http';

export interface LoopMonitorOptions {
  /** Lateness (ms) of the tick that counts as a block. */
  blockMs: number;
  /** Period of the tick that detects blocks, ms. */
  tickMs: number;
  /** A line every `intervalMs`. */
  intervalMs: number;
}

export const DEFAULT_LOOP_MONITOR: LoopMonitorOptions = { blockMs: 20, tickMs: 5, intervalMs: 10_000 };

const ms = (ns: number) => (ns / 1e6).toFixed(1);

/** The method and path of a request (no query), the path cut at 80 characters. */
function routeOf(method: string | undefined, url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return `${method ?? '?'} ${path.slice(0, 80)}`;
}

export function watchEventLoop(server: Server, log: (line: string) => void, given: Partial<LoopMonitorOptions> = {}): { stop: () => void } {
  const options = { ...DEFAULT_LOOP_MONITOR, ...given };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  /** Requests started since the last tick, by route. */
  let started = new Map<string, number>();
  // Express has already routed the request when this listener runs (it rewrites `url`).
  const onRequest = (req: { method?: string; url?: string; originalUrl?: string }) => {
    const route = routeOf(req.method, req.originalUrl ?? req.url);
    started.set(route, (started.get(route) ?? 0) + 1);
  };
  server.on('request', onRequest);
  let blocks = 0;
  let blocked = 0;
  let longest = { ms: 0, during: new Map<string, number>() };
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    const late = now - last - options.tickMs;
    last = now;
    if (late > options.blockMs) {
      blocks++;
      blocked += late;
      if (late > longest.ms) longest = { ms: late, during: started };
    }
    started = new Map();
  }, options.tickMs);
  const report = setInterval(() => {
    const during = [...longest.during].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([route, n]) => `${n} ${route}`);
    log(
      `chokepoint serve: event loop over ${options.intervalMs / 1000} s: delay p50 ${ms(histogram.percentile(50))} ms, ` +
        `p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms; ${blocks} blocks over ${options.blockMs} ms ` +
        `(${blocked.toFixed(0)} ms in all${blocks > 0 ? `, longest ${longest.ms.toFixed(0)} ms, requests started in it: ${during.join(', ') || 'none'}` : ''})`,
    );
    histogram.reset();
    blocks = 0;
    blocked = 0;
    longest = { ms: 0, during: new Map() };
  }, options.intervalMs);
  tick.unref();
  report.unref();
  return {
    stop: () => {
      clearInterval(tick);
      clearInterval(report);
      histogram.disable();
      server.off('request', onRequest);
    },
  };
}
