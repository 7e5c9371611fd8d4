/**
 * Pretty JSON in chunks: the text of `JSON.stringify(value, replacer, 2)` followed by a
 * newline, byte for byte, produced a few hundred kilobytes at a time instead of as one
 * string, so a writer can send a large report (tens of megabytes: the metrics report of a
 * 50,000-node graph) row by row. The members of a top-level object are written one at a
 * time; a member that is an array (the report's rows), or a top-level array, goes out in
 * slices of JSON_SLICE_ROWS elements, each slice serialised by JSON.stringify inside a
 * copy of its parent (`{ key: slice }`), so its rows come out already indented to their
 * depth and only the wrapper's brackets are cut off; each slice is a chunk of its own. A piece with no Infinity in it (the
 * only value the CLI's replacer, schema.ts `unlimitedAsText`, changes) is serialised
 * without the replacer, JSON.stringify's fast path: a piece whose text has no `null` holds
 * no Infinity (JSON.stringify writes Infinity as null), others are searched.
 *
 * For plain data (no toJSON methods, no cycles) and a replacer that reads only the value
 * (not the key or `this`) and gives the same result when applied twice: `unlimitedAsText`
 * is one. Pure.
 */

export type JsonReplacer = (key: string, value: unknown) => unknown;

/** At most about this many characters gather before a chunk is handed out (a slice of rows is one chunk whatever its size). */
export const JSON_CHUNK_CHARS = 1 << 18;

/** Array elements serialised together. */
export const JSON_SLICE_ROWS = 1024;

const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** True when `value` holds +Infinity anywhere (the replacers used here change nothing else). */
function holdsInfinity(value: unknown): boolean {
  if (value === Infinity) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsInfinity(item)) return true;
    return false;
  }
  for (const key in value) if (holdsInfinity((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** `JSON.stringify(value, replacer, 2)`, without the replacer when it would change nothing (`piece` holds no Infinity). */
function stringify(value: unknown, piece: unknown, replacer: JsonReplacer | undefined): string | undefined {
  const plain = JSON.stringify(value, null, 2) as string | undefined;
  if (replacer === undefined || plain === undefined || !plain.includes('null') || !holdsInfinity(piece)) return plain;
  return JSON.stringify(value, replacer, 2);
}

/** `stringify` indented by one level (every line but the first: JSON strings hold no raw line breaks). */
function stringifyMember(value: unknown, replacer: JsonReplacer | undefined): string {
  const text = stringify(value, value, replacer) as string;
  return text.includes('\n') ? text.replace(/\n/g, '\n  ') : text;
}

/**
 * Gathers small pieces (heads, separators, small members) and hands them out with the next
 * large one (a slice of rows, not copied into a larger string) or when a chunk's worth has
 * gathered.
 */
class Chunker {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }
  /** True when a chunk's worth has gathered. */
  full(): boolean {
    return this.size >= this.limit;
  }
  /** The pieces gathered, then `large`, as one chunk. */
  flush(large = ''): string {
    const chunk = this.parts.length === 0 ? large : this.parts.join('') + large;
    this.parts = [];
    this.size = 0;
    return chunk;
  }
}

/**
 * The elements of a non-empty array, `key`'s value in the top-level object (or the
 * top-level array itself when `key` is null), from just after its `[` to just before its
 * `]`: each slice inside a copy of its parent, the parent's text cut off.
 */
function* arrayBody(items: readonly unknown[], key: string | null, replacer: JsonReplacer | undefined, sliceRows: number, out: Chunker): Generator<string> {
  const head = key === null ? 2 : `{\n  ${JSON.stringify(key)}: [\n`.length;
  const tail = key === null ? 2 : '\n  ]\n}'.length;
  for (let start = 0; start < items.length; start += sliceRows) {
    const slice = items.slice(start, start + sliceRows);
    const text = stringify(key === null ? slice : { [key]: slice }, slice, replacer) as string;
    if (start > 0) out.add(',\n');
    yield out.flush(text.slice(head, text.length - tail));
  }
}

/**
 * The text of `JSON.stringify(value, replacer, 2) + '\n'` in chunks (see the header).
 * Nothing is yielded for a value JSON.stringify would turn into undefined.
 */
export function* prettyJsonChunks(value: unknown, replacer?: JsonReplacer, chunkChars: number = JSON_CHUNK_CHARS, sliceRows: number = JSON_SLICE_ROWS): Generator<string> {
  const root = replacer === undefined ? value : replacer.call({ '': value }, '', value);
  const out = new Chunker(chunkChars);
  if (Array.isArray(root) && root.length > 0) {
    out.add('[\n');
    yield* arrayBody(root, null, replacer, sliceRows, out);
    out.add('\n]');
  } else if (typeof root === 'object' && root !== null && !Array.isArray(root) && typeof (root as { toJSON?: unknown }).toJSON !== 'function') {
    const record = root as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      const member = replacer === undefined ? record[key] : replacer.call(record, key, record[key]);
      if (omitted(member)) continue;
      out.add(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
      first = false;
      if (Array.isArray(member) && member.length > 0) {
        out.add('[\n');
        yield* arrayBody(member, key, replacer, sliceRows, out);
        out.add('\n  ]');
      } else {
        out.add(stringifyMember(member, replacer));
      }
      if (out.full()) yield out.flush();
    }
    out.add(first ? '{}' : '\n}');
  } else {
    const text = stringify(root, root, replacer);
    if (text === undefined) return;
    out.add(text);
  }
  out.add('\n');
  yield out.flush();
}
