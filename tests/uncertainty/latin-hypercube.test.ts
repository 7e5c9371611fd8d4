import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/generate/prng.js';
import { UsageError } from '../../src/model/errors.js';
import { latinHypercube } from '../../src/uncertainty/latin-hypercube.js';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    const n = 97;
    for (const column of latinHypercube(n, 5, createRng(3))) {
      const strata = [...column].map((u) => Math.floor(u * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
      for (const u of column) expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('is reproducible from the seed, and another seed gives other points', () => {
    const a = latinHypercube(20, 3, createRng(42));
    expect(latinHypercube(20, 3, createRng(42))).toEqual(a);
    expect(latinHypercube(20, 3, createRng(43))).not.toEqual(a);
  });

  it('shuffles dimensions independently (the columns are not all in the same order)', () => {
    const [a, b] = latinHypercube(50, 2, createRng(1)).map((c) => [...c].map((u) => Math.floor(u * 50)));
    expect(a).not.toEqual(b);
  });

  it('refuses zero points and negative dimensions', () => {
    expect(() => latinHypercube(0, 1, createRng(1))).toThrow(UsageError);
    expect(() => latinHypercube(3, -1, createRng(1))).toThrow(UsageError);
  });
});
