/**
 * Seeded pseudo-random numbers: xoshiro128** 1.0 (Blackman & Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021, doi 10.1145/3460772), 128-bit
 * state, period 2^128 - 1. The state is filled from the seed with SplitMix64 (Steele,
 * Lea & Flood 2014), as the authors recommend, so nearby seeds give unrelated streams.
 * Used by the synthetic graph generator and by sampled betweenness; the same seed gives
 * the same numbers on every platform (only 32-bit integer arithmetic is involved).
 */
import { UsageError } from '../model/errors.js';

export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias (rejection). 1 <= n <= 2^32. */
  int(n: number): number;
}

const MASK64 = (1n << 64n) - 1n;

/** Four 32-bit words (low word first) from two SplitMix64 outputs of `seed`. */
export function splitMix64Words(seed: number): Uint32Array {
  let x = BigInt(seed);
  const words = new Uint32Array(4);
  for (let i = 0; i < 2; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z ^= z >> 31n;
    words[2 * i] = Number(z & 0xffffffffn);
    words[2 * i + 1] = Number(z >> 32n);
  }
  return words;
}

/** A generator seeded with a whole number 0 <= seed <= 2^53 - 1. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${seed})`);
  return xoshiro128ss(splitMix64Words(seed));
}

/** xoshiro128** started from the state words s[0..3] (not all zero). */
export function xoshiro128ss(s: Uint32Array): Rng {
  let s0 = s[0] ?? 0;
  let s1 = s[1] ?? 0;
  let s2 = s[2] ?? 0;
  let s3 = s[3] ?? 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const next = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`prng: int(n) needs a whole n in 1..2^32 (got ${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return r % n;
    }
  };
  return { nextUint32, next, int };
}
