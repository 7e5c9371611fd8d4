import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyTable } from '../../src/model/key-table.js';

/** Every key hashes alike: each lookup walks the probe sequence and compares the stored keys. */
class CollidingTable extends KeyTable {
  override hash(): number {
    return 7;
  }
}

describe('KeyTable', () => {
  it('answers like a Map of key -> insertion order, through growth (property: any strings, surrogates included)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), fc.integer(), (words, seed) => {
        const table = new KeyTable(1, seed);
        const reference = new Map<string, number>();
        for (const word of words) {
          expect(table.id(word)).toBe(reference.get(word) ?? -1);
          if (!reference.has(word)) {
            reference.set(word, reference.size);
            expect(table.add(word)).toBe(reference.size - 1);
          }
        }
        expect(table.size).toBe(reference.size);
        for (const [word, id] of reference) expect(table.id(word)).toBe(id);
        expect(table.id('never added \u0000')).toBe(-1);
      }),
    );
  });

  it('tells keys apart when every hash collides (the stored key confirms a match)', () => {
    const table = new CollidingTable(1, 0);
    const keys = ['a', 'b', 'ab', 'ba', '', 'a\u0000', '稀土', '🪨'];
    keys.forEach((key, i) => expect(table.add(key)).toBe(i));
    keys.forEach((key, i) => expect(table.id(key)).toBe(i));
    expect(table.id('c')).toBe(-1);
    expect(table.id('a\u0001')).toBe(-1);
  });

  it('gives the same ids whatever the seed, and keys differing in one code unit different hashes', () => {
    const keys = Array.from({ length: 5000 }, (_x, i) => `node-${i}`);
    const a = new KeyTable(16, 1);
    const b = new KeyTable(16, -123456789);
    for (const key of keys) expect(a.add(key)).toBe(b.add(key));
    for (const key of keys) expect(a.id(key)).toBe(b.id(key));
    expect(a.hash('node-1')).not.toBe(a.hash('node-2'));
    expect(a.hash('node-1')).not.toBe(b.hash('node-1'));
  });
});
