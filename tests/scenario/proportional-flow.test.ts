import { describe, expect, it } from 'vitest';
import { ComputationError, UsageError } from '../../src/model/errors.js';
import { proportionalFlow } from '../../src/scenario/proportional-flow.js';
import { build, chain } from './graphs.js';

describe('proportionalFlow', () => {
  it('delivers the observed flow into the sinks when nothing changes', () => {
    const result = proportionalFlow(chain());
    // Observed flow into sinks: 70 (e1) + 30 (e2).
    expect(result.delivered).toBeCloseTo(100, 12);
    expect(result.bySink).toEqual({ e1: 70, e2: 30 });
    expect(Object.values(result.fraction).every((f) => f === 1)).toBe(true);
    expect(result.sweeps).toBe(1);
  });

  it('passes a lost input share down the chain', () => {
    // m2 offline: f(s1) = (60 x 1 + 40 x 0) / 100 = 0.6; both magnet makers 0.6;
    // delivered = 0.6 x 70 + 0.6 x 30 = 60.
    const result = proportionalFlow(chain(), { limit: { m2: 0 } });
    expect(result.fraction.s1).toBeCloseTo(0.6, 12);
    expect(result.bySink.e1).toBeCloseTo(42, 12);
    expect(result.bySink.e2).toBeCloseTo(18, 12);
    expect(result.delivered).toBeCloseTo(60, 12);
    expect(result.edgeFlow['s1->mag2']).toBeCloseTo(18, 12);
  });

  it('cuts an edge with pass 0 and does not reroute', () => {
    // s1 -> mag2 cut: f(mag2) = 0, e2 gets 0; e1 keeps 70 (no rerouting of the 30).
    const result = proportionalFlow(chain(), { pass: { 's1->mag2': 0 } });
    expect(result.bySink).toEqual({ e1: 70, e2: 0 });
    expect(result.delivered).toBe(70);
  });

  it('treats a quota as min(f(u), share), not a product', () => {
    // m2 offline and s1 -> mag2 capped at 0.5: f(s1) = 0.6; the edge carries
    // 30 x min(0.6, 0.5) = 15 (the product rule would give 30 x 0.6 x 0.5 = 9);
    // e1 = 0.6 x 70 = 42; total 57.
    const result = proportionalFlow(chain(), { limit: { m2: 0 }, pass: { 's1->mag2': 0.5 } });
    expect(result.bySink.e2).toBeCloseTo(15, 12);
    expect(result.delivered).toBeCloseTo(57, 12);
    // With the exporter at full output the quota is the share: 30 x 0.5 = 15.
    expect(proportionalFlow(chain(), { pass: { 's1->mag2': 0.5 } }).delivered).toBeCloseTo(85, 12);
  });

  it('limits a scaled node to min(limit, arriving share)', () => {
    // s1 at half capacity: f(s1) = min(0.5, 1) = 0.5 -> 50 delivered.
    expect(proportionalFlow(chain(), { limit: { s1: 0.5 } }).delivered).toBeCloseTo(50, 12);
    // s1 at half capacity with m2 offline: f(s1) = min(0.5, 0.6) = 0.5, not 0.5 x 0.6.
    expect(proportionalFlow(chain(), { limit: { s1: 0.5, m2: 0 } }).delivered).toBeCloseTo(50, 12);
    // An offline sink receives nothing.
    expect(proportionalFlow(chain(), { limit: { e2: 0 } }).bySink.e2).toBe(0);
  });

  it('treats a node with in-edges but no nominal in-flow as a source', () => {
    // r has one in-edge of flow 0 from an offline node yet ships 5: f(r) = limit = 1.
    const graph = build(
      [
        ['a', 'mining', 'CN'],
        ['r', 'refining', 'CN'],
        ['t', 'end-use', 'US'],
      ],
      [
        ['a', 'r', 0],
        ['r', 't', 5],
      ],
    );
    const result = proportionalFlow(graph, { limit: { a: 0 } });
    expect(result.fraction.r).toBe(1);
    expect(result.delivered).toBe(5);
  });

  describe('alternative recipes (each weighted by its baseline activity)', () => {
    /**
     * A separation plant s fed ionic clay (60 from a, 30 from b) and bastnaesite (10 from
     * c), with one recipe per feed; it ships 100 to a sink t. A magnet-style node is not
     * needed: the rule is the same at any node.
     *   recipe clay:  inputs {clay: 1}, baseline 90 -> w = 0.9
     *   recipe bast:  inputs {bast: 1}, baseline 10 -> w = 0.1
     */
    const plant = (recipes: unknown) =>
      build(
        [
          ['a', 'mining', 'CN'],
          ['b', 'mining', 'MM'],
          ['c', 'mining', 'US'],
          ['s', 'separation', 'CN', recipes === undefined ? {} : { recipes }],
          ['t', 'end-use', 'JP'],
        ],
        [
          ['a', 's', 60, { material: 'clay' }],
          ['b', 's', 30, { material: 'clay' }],
          ['c', 's', 10, { material: 'bast' }],
          ['s', 't', 100, { material: 'oxide' }],
        ],
      );
    const perFeed = [
      { name: 'clay', inputs: { clay: 1 }, baseline: 90 },
      { name: 'bast', inputs: { bast: 1 }, baseline: 10 },
    ];

    it('keeps the other feed\'s share when one feed is cut (not all output lost)', () => {
      // c offline: g_clay = 1, g_bast = 0: received = 0.9 x 1 + 0.1 x 0 = 0.9 -> 90 delivered.
      // The default rule (complements) gives min(1, 0) = 0 -> 0 delivered.
      expect(proportionalFlow(plant(perFeed), { limit: { c: 0 } }).delivered).toBeCloseTo(90, 12);
      expect(proportionalFlow(plant(undefined), { limit: { c: 0 } }).delivered).toBe(0);
    });

    it('averages suppliers of one feed within its recipe', () => {
      // b offline: g_clay = 60 / 90 = 2/3, g_bast = 1: received = 0.9 x 2/3 + 0.1 = 0.7 -> 70.
      const result = proportionalFlow(plant(perFeed), { limit: { b: 0 } });
      expect(result.fraction.s).toBeCloseTo(0.7, 12);
      expect(result.received.s).toBeCloseTo(0.7, 12);
      expect(result.delivered).toBeCloseTo(70, 12);
    });

    it('takes the MIN over inputs within a recipe', () => {
      // One recipe needing both feeds plus a clay-only one:
      //   both {clay: 0.9, bast: 0.1} baseline 50 (w 0.5); clay-only {clay: 1} baseline 50 (w 0.5).
      // b offline: got_clay = 2/3, got_bast = 1: g_both = min(2/3, 1) = 2/3, g_clay = 2/3 -> 2/3.
      // c offline: got_bast = 0: g_both = 0, g_clay = 1 -> 0.5.
      const recipes = [
        { name: 'both', inputs: { clay: 0.9, bast: 0.1 }, baseline: 50 },
        { name: 'clay only', inputs: { clay: 1 }, baseline: 50 },
      ];
      expect(proportionalFlow(plant(recipes), { limit: { b: 0 } }).fraction.s).toBeCloseTo(2 / 3, 12);
      expect(proportionalFlow(plant(recipes), { limit: { c: 0 } }).fraction.s).toBeCloseTo(0.5, 12);
    });

    it('still caps by the node limit and adds a reserve after the weighting', () => {
      // c offline, reserve 0.05, limit 0.92: f = min(0.92, 0.9 + 0.05) = 0.92.
      expect(proportionalFlow(plant(perFeed), { limit: { c: 0, s: 0.92 }, reserve: { s: 0.05 } }).fraction.s).toBeCloseTo(0.92, 12);
      // limit 1: f = 0.95.
      expect(proportionalFlow(plant(perFeed), { limit: { c: 0 }, reserve: { s: 0.05 } }).fraction.s).toBeCloseTo(0.95, 12);
    });

    it('delivers the observed flow exactly when nothing changes', () => {
      const result = proportionalFlow(plant([{ ...perFeed[0], baseline: 0.3 }, { ...perFeed[1], baseline: 0.7 }, { name: 'third', inputs: { clay: 2 }, baseline: 0.1 }]));
      expect(result.fraction.s).toBe(1);
      expect(result.delivered).toBe(100);
    });

    it('ships each output material in the proportion the recipes made it (magnet grades)', () => {
      // mag gets NdPr 96 from a and Dy 4 from b; recipes:
      //   Dy-free  {NdPr: 1} -> free, baseline 60;  Dy grade {NdPr: 0.9, Dy: 0.1} -> dy, baseline 40
      // (60 + 0.9 x 40 = 96 NdPr, 0.1 x 40 = 4 Dy). It ships free 60 to t1 and dy 40 to t2.
      const g = build(
        [
          ['a', 'refining', 'CN'],
          ['b', 'refining', 'CN'],
          ['mag', 'magnet', 'JP', { recipes: [
            { name: 'Dy-free', inputs: { NdPr: 1 }, outputs: { free: 1 }, baseline: 60 },
            { name: 'Dy grade', inputs: { NdPr: 0.9, Dy: 0.1 }, outputs: { dy: 1 }, baseline: 40 },
          ] }],
          ['t1', 'end-use', 'JP'],
          ['t2', 'end-use', 'US'],
        ],
        [
          ['a', 'mag', 96, { material: 'NdPr' }],
          ['b', 'mag', 4, { material: 'Dy' }],
          ['mag', 't1', 60, { material: 'free' }],
          ['mag', 't2', 40, { material: 'dy' }],
        ],
      );
      // b offline: g_free = 1, g_dy = min(1, 0) = 0: t1 keeps 60, t2 gets 0 (not 0.6 x 40);
      // the node's own fraction is w-weighted: 0.6 x 1 + 0.4 x 0 = 0.6.
      const cut = proportionalFlow(g, { limit: { b: 0 } });
      expect(cut.bySink).toEqual({ t1: 60, t2: 0 });
      expect(cut.fraction.mag).toBeCloseTo(0.6, 12);
      // a at half: got_NdPr = 0.5, both recipes at 0.5: 30 + 20.
      const half = proportionalFlow(g, { limit: { a: 0.5 } });
      expect(half.bySink.t1).toBeCloseTo(30, 12);
      expect(half.bySink.t2).toBeCloseTo(20, 12);
      // capped edge mag -> t2 at 0.25 with b at 0.5: f_dy = 0.5, min(0.5, 0.25) x 40 = 10.
      expect(proportionalFlow(g, { limit: { b: 0.5 }, pass: { 'mag->t2': 0.25 } }).bySink.t2).toBeCloseTo(10, 12);
    });

    it('falls back to the default rule without baselines, and leaves out recipes with baseline 0', () => {
      // No baseline on one recipe: complements -> c offline gives 0.
      expect(proportionalFlow(plant([perFeed[0], { name: 'bast', inputs: { bast: 1 } }]), { limit: { c: 0 } }).delivered).toBe(0);
      // bast recipe with baseline 0: only the clay recipe counts (w = 1), c offline costs nothing.
      expect(proportionalFlow(plant([perFeed[0], { ...perFeed[1], baseline: 0 }]), { limit: { c: 0 } }).delivered).toBeCloseTo(100, 12);
      // b and a offline with the same: g_clay = 0 -> 0.
      expect(proportionalFlow(plant([perFeed[0], { ...perFeed[1], baseline: 0 }]), { limit: { a: 0, b: 0 } }).delivered).toBe(0);
    });
  });

  describe('cycles: the greatest fixed point', () => {
    it('keeps a loop fed only by itself at f = 1', () => {
      // a <-> b carry 10 each way, b ships 5 to t; nothing outside feeds the loop.
      // f(a) = f(b) and f(b) = f(a): every c in [0, 1] solves it; the greatest is 1.
      const graph = build(
        [
          ['a', 'refining', 'CN'],
          ['b', 'refining', 'CN'],
          ['t', 'end-use', 'US'],
        ],
        [
          ['a', 'b', 10],
          ['b', 'a', 10],
          ['b', 't', 5],
        ],
      );
      const result = proportionalFlow(graph);
      expect(result.fraction).toEqual({ a: 1, b: 1, t: 1 });
      expect(result.delivered).toBe(5);
    });

    /**
     * s1 -10-> a, s2 -10-> a, a -40-> b, b -20-> a, b -20-> t.
     * f(a) = (10 f(s1) + 10 f(s2) + 20 f(b)) / 40, f(b) = f(a), f(t) = f(b).
     */
    const loop = () =>
      build(
        [
          ['s1', 'mining', 'CN'],
          ['s2', 'mining', 'AU'],
          ['a', 'separation', 'CN'],
          ['b', 'refining', 'CN'],
          ['t', 'end-use', 'US'],
        ],
        [
          ['s1', 'a', 10],
          ['s2', 'a', 10],
          ['a', 'b', 40],
          ['b', 'a', 20],
          ['b', 't', 20],
        ],
      );

    it('solves a fed loop: half the feed lost gives f = 1/2', () => {
      // s2 offline: 40 f = 10 + 20 f, so f = 1/2 and t gets 10.
      const result = proportionalFlow(loop(), { limit: { s2: 0 } });
      expect(result.fraction.a).toBeCloseTo(0.5, 10);
      expect(result.delivered).toBeCloseTo(10, 10);
      expect(result.sweeps).toBeGreaterThan(2);
    });

    it('drains a loop to 0 when all its outside feed is cut', () => {
      // Both mines offline: 40 f = 20 f, whose only solution is f = 0.
      const result = proportionalFlow(loop(), { limit: { s1: 0, s2: 0 } });
      expect(result.fraction.a).toBeCloseTo(0, 10);
      expect(result.delivered).toBeCloseTo(0, 9);
    });

    it('fails with a ComputationError when it cannot converge in maxSweeps', () => {
      expect(() => proportionalFlow(loop(), { limit: { s2: 0 }, maxSweeps: 3 })).toThrow(ComputationError);
    });
  });

  it('rejects an unknown option', () => {
    expect(() => proportionalFlow(chain(), { limits: {} } as never)).toThrow(UsageError);
  });

  it('does not change the graph', () => {
    const graph = chain();
    const before = JSON.stringify(graph.export());
    proportionalFlow(graph, { limit: { m2: 0 }, pass: { 's1->mag2': 0 } });
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
