import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairSet } from '../../src/model/pair-set.js';

describe('PairSet', () => {
  it('answers like a Set of "s,t" strings, through growth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }), (pairs) => {
        const set = new PairSet(1);
        const reference = new Set<string>();
        for (const [s, t] of pairs) {
          expect(set.has(s, t)).toBe(reference.has(`${s},${t}`));
          expect(set.add(s, t)).toBe(!reference.has(`${s},${t}`));
          reference.add(`${s},${t}`);
        }
        expect(set.size).toBe(reference.size);
        for (let s = 0; s <= 50; s += 7) for (let t = 0; t <= 50; t += 3) expect(set.has(s, t)).toBe(reference.has(`${s},${t}`));
      }),
    );
  });

  it('tells (s, t) from (t, s) and handles large ids', () => {
    const set = new PairSet();
    set.add(2_000_000_000, 7);
    expect(set.has(2_000_000_000, 7)).toBe(true);
    expect(set.has(7, 2_000_000_000)).toBe(false);
    expect(set.has(0, 0)).toBe(false);
  });
});
