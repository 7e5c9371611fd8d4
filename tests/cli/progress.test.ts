import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { createProgress } from '../../src/cli/progress.js';

function context(stderrIsTTY: boolean): CliContext & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (text) => err.push(text), stderrIsTTY };
}

describe('createProgress', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const ctx = context(false);
    const bar = createProgress(ctx, { total: 10, label: 'work' });
    bar.tick();
    bar.update(10);
    bar.stop();
    expect(ctx.err).toEqual([]);
  });

  it('draws nothing with quiet', () => {
    const ctx = context(true);
    const bar = createProgress(ctx, { total: 10, label: 'work', quiet: true });
    bar.tick(5);
    bar.stop();
    expect(ctx.err).toEqual([]);
  });

  it('draws a labelled bar on a terminal stderr, and stops cleanly twice', () => {
    const ctx = context(true);
    const bar = createProgress(ctx, { total: 4, label: 'betweenness' });
    bar.tick();
    bar.tick(3);
    bar.stop();
    bar.stop();
    bar.tick();
    const text = ctx.err.join('');
    expect(text).toContain('betweenness [');
    expect(text).toContain('/4');
  });
});
