import { describe, expect, it } from 'vitest';
import { ComputationError, UsageError } from '../../../src/model/errors.js';
import { nodeOrigins, originContent, traceOrigin } from '../../../src/metrics/flow/origin.js';
import { build } from '../../scenario/graphs.js';

/**
 * Two mines (CN, AU), two separation plants (JP, MY), one Japanese magnet maker, one US end use.
 *
 *   mCN -60-> sJP -50-> mag -200-> end
 *   mAU -40-^           ^
 *   mAU -100-> sMY -150-+
 *
 * By hand: sJP mined CN 60/100, AU 40/100; sMY AU 1.
 * mag mined: CN = 50/200 x 0.6 = 0.15, AU = 50/200 x 0.4 + 150/200 x 1 = 0.85;
 * separated: JP 50/200 = 0.25, MY 150/200 = 0.75. The end use takes mag's mix.
 */
function twoMines() {
  return build(
    [
      ['mCN', 'mining', 'CN'],
      ['mAU', 'mining', 'AU'],
      ['sJP', 'separation', 'JP'],
      ['sMY', 'separation', 'MY'],
      ['mag', 'magnet', 'JP'],
      ['end', 'end-use', 'US'],
    ],
    [
      ['mCN', 'sJP', 60],
      ['mAU', 'sJP', 40],
      ['mAU', 'sMY', 100],
      ['sJP', 'mag', 50],
      ['sMY', 'mag', 150],
      ['mag', 'end', 200],
    ],
  );
}

function close(actual: Record<string, number> | undefined, expected: Record<string, number>) {
  expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expect(actual?.[key]).toBeCloseTo(value, 12);
}

describe('nodeOrigins', () => {
  it('propagates mining and separating origins by flow weight (hand-computed)', () => {
    const origins = nodeOrigins(twoMines());
    close(origins.mCN?.mining, { CN: 1 });
    close(origins.mCN?.separation, {}); // not separated yet
    close(origins.sJP?.mining, { CN: 0.6, AU: 0.4 });
    close(origins.sJP?.separation, { JP: 1 });
    close(origins.mag?.mining, { CN: 0.15, AU: 0.85 });
    close(origins.mag?.separation, { JP: 0.25, MY: 0.75 });
    close(origins.end?.mining, { CN: 0.15, AU: 0.85 });
    close(origins.end?.separation, { JP: 0.25, MY: 0.75 });
  });

  it('content of one country: the share that passed through any of its nodes', () => {
    const content = originContent(twoMines(), 'CN');
    expect(content).toEqual({ mCN: 1, mAU: 0, sJP: 0.6, sMY: 0, mag: expect.closeTo(0.15, 12), end: expect.closeTo(0.15, 12) });
    // A JP content: sJP and mag are Japanese nodes, so everything after mag is 100% JP content.
    expect(originContent(twoMines(), 'JP').end).toBe(1);
  });

  it('cycles: solves the linear fixed point (hand-solved)', () => {
    // a (mining CN) -10-> b -15-> c -5-> b; d (mining AU) -5-> c; c -15-> sink.
    // b = (10 CN + 5 c) / 15, c = (15 b + 5 AU) / 20.
    // CN: b = 2/3 + c/3, c = 3b/4  ->  b = 8/9, c = 2/3.  AU: b = c/3, c = 3b/4 + 1/4  ->  b = 1/9, c = 1/3.
    const graph = build(
      [
        ['a', 'mining', 'CN'],
        ['d', 'mining', 'AU'],
        ['b', 'refining', 'JP'],
        ['c', 'refining', 'JP'],
        ['sink', 'end-use', 'JP'],
      ],
      [
        ['a', 'b', 10],
        ['b', 'c', 15],
        ['c', 'b', 5],
        ['d', 'c', 5],
        ['c', 'sink', 15],
      ],
    );
    const origins = nodeOrigins(graph);
    close(origins.b?.mining, { CN: 8 / 9, AU: 1 / 9 });
    close(origins.c?.mining, { CN: 2 / 3, AU: 1 / 3 });
    close(origins.sink?.mining, { CN: 2 / 3, AU: 1 / 3 });
  });

  it('supply from a non-seed source or a closed loop is untraced (shares sum below 1)', () => {
    const graph = build(
      [
        ['m', 'mining', 'CN'],
        ['r', 'refining', 'US', { label: 'recycler' }],
        ['x', 'refining', 'US'],
        ['y', 'refining', 'US'],
        ['e', 'end-use', 'US'],
        ['e2', 'end-use', 'US'],
      ],
      [
        ['m', 'e', 30],
        ['r', 'e', 10],
        ['x', 'y', 1],
        ['y', 'x', 1],
        ['y', 'e2', 1],
      ],
    );
    const origins = nodeOrigins(graph);
    close(origins.e?.mining, { CN: 0.75 }); // 25% from the recycler, untraced
    close(origins.e2?.mining, {}); // a closed loop with no outside feed
  });

  it('refuses unknown options and reports non-convergence as a ComputationError', () => {
    expect(() => traceOrigin(twoMines(), () => null, { tolerence: 1 } as never)).toThrow(UsageError);
    const loop = build(
      [
        ['a', 'mining', 'CN'],
        ['b', 'refining', 'JP'],
        ['c', 'refining', 'JP'],
        ['e', 'end-use', 'JP'],
      ],
      [
        ['a', 'b', 1],
        ['b', 'c', 100],
        ['c', 'b', 99],
        ['c', 'e', 1],
      ],
    );
    expect(() => nodeOrigins(loop, { maxSweeps: 3 })).toThrow(ComputationError);
    // With enough sweeps the leaky loop converges to CN 1.
    expect(nodeOrigins(loop).e?.mining.CN).toBeCloseTo(1, 9);
  });
});
