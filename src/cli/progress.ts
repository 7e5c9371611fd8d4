/**
 * Progress bars for long CLI work (cli-progress), drawn on stderr only when stderr is a
 * terminal and --quiet is off; otherwise every call does nothing, so commands can use a
 * bar unconditionally and pipes, logs and tests stay clean.
 *
 *   const bar = createProgress(ctx, { total: n, label: 'betweenness', quiet: options.quiet });
 *   bar.update(done); ... bar.stop();
 */
import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

export interface ProgressOptions {
  /** The count that means done. */
  total: number;
  /** Shown before the bar. */
  label: string;
  /** --quiet: no bar. */
  quiet?: boolean;
}

export interface Progress {
  /** Advances by n (default 1). */
  tick(n?: number): void;
  /** Sets the count done. */
  update(done: number): void;
  /** Completes and removes the bar (safe to call twice). */
  stop(): void;
}

const SILENT: Progress = { tick: () => {}, update: () => {}, stop: () => {} };

/** A stderr progress bar, or a silent one when stderr is not a terminal or quiet is set. */
export function createProgress(ctx: CliContext, options: ProgressOptions): Progress {
  if (options.quiet === true || !ctx.stderrIsTTY) return SILENT;
  const stream = {
    isTTY: true,
    columns: process.stderr.columns || 80,
    write: (text: string) => {
      ctx.stderr(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${options.label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, clearOnComplete: true, fps: 10, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(options.total, 0);
  let done = 0;
  let stopped = false;
  return {
    tick: (n = 1) => {
      done += n;
      if (!stopped) bar.update(done);
    },
    update: (value) => {
      done = value;
      if (!stopped) bar.update(done);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
