/**
 * Node keys to ids 0..n-1 (in the order added), for the streaming index loader's lookups:
 * every edge asks for the ids of its two ends, 6x10^6 lookups in a 10^6-node file.
 *
 * A `Map<string, number>` answers them, but each lookup of a key string fresh from
 * JSON.parse first computes the string's hash in a call out of optimised code, then
 * follows the map's bucket, its entry and the stored key string: about 1 µs a lookup at
 * 10^6 keys (7.8 s of the 10^6-node load's profile). Here the hash is FNV-1a over the
 * key's UTF-16 code units, computed inline, and a probe reads one (hash, id) slot of an
 * Int32Array; the stored key string is read only when the 32-bit hashes agree, to confirm.
 * Open addressing with linear probing, the table doubled when more than half full.
 *
 * The hash starts from a random seed per table, so the slots a set of keys falls into
 * cannot be chosen by whoever writes the file (colliding keys would make lookups linear).
 * The answers never depend on the seed. Memory: 8 bytes per slot (2 to 4 slots per key)
 * and one array of the keys. Pure: no I/O.
 */
const FNV_PRIME = 0x01000193;

export class KeyTable {
  /** [hash, id] per slot; id -1: empty. */
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];

  /** `seed`: the hash's start value (random when absent; tests pass one to force collisions). */
  constructor(
    expected = 16,
    private readonly seed: number = (Math.random() * 0x100000000) | 0,
  ) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** FNV-1a of the key's code units from the seed, with a final mix of the high bits into the low ones. */
  hash(key: string): number {
    let h = this.seed ^ 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    return h ^ (h >>> 15);
  }

  /** The key's id, or -1. */
  id(key: string): number {
    const h = this.hash(key);
    const { slots, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[2 * i + 1] as number;
      if (id === -1) return -1;
      if (slots[2 * i] === h && this.keys[id] === key) return id;
    }
  }

  /** Adds a key that is not in the table yet (check with `id` first); returns its id. */
  add(key: string): number {
    const id = this.keys.length;
    if ((id + 1) * 2 > this.mask + 1) this.grow();
    this.keys.push(key);
    this.place(this.hash(key), id);
    return id;
  }

  private place(h: number, id: number): void {
    const { slots, mask } = this;
    let i = h & mask;
    while ((slots[2 * i + 1] as number) !== -1) i = (i + 1) & mask;
    slots[2 * i] = h;
    slots[2 * i + 1] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if ((old[i + 1] as number) !== -1) this.place(old[i] as number, old[i + 1] as number);
  }
}
