/**
 * Pretty JSON in chunks: the text of `JSON.stringify(value, replacer, 2)` followed by a
 * newline, byte for byte, produced a few hundred kilobytes at a time instead of as one
 * string, so a writer can send a large report (tens of megabytes: the metrics report of a
 * 50,000-node graph) row by row. The top-level object's members, and the elements of its
 * arrays (the report's rows), are serialised one at a time with JSON.stringify and
 * indented to their depth; JSON strings hold no raw line breaks, so indenting is adding
 * spaces after each one. A value with no Infinity in it (the only value the CLI's replacer,
 * schema.ts `unlimitedAsText`, changes) is serialised without the replacer, which is
 * JSON.stringify's fast path. For plain data (no toJSON methods, no cycles, a replacer
 * that reads only its key and value). Pure.
 */

export type JsonReplacer = (key: string, value: unknown) => unknown;

/** About this many characters per chunk. */
export const JSON_CHUNK_CHARS = 1 << 18;

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

/**
 * `JSON.stringify(value, replacer, 2)` indented by `depth` levels (every line but the
 * first); undefined when the value is omitted (undefined, a function).
 */
function stringifyAt(value: unknown, replacer: JsonReplacer | undefined, depth: number): string | undefined {
  const text = replacer !== undefined && holdsInfinity(value) ? JSON.stringify(value, replacer, 2) : JSON.stringify(value, null, 2);
  if (text === undefined) return undefined;
  return depth === 0 || !text.includes('\n') ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Joins pieces into chunks of about JSON_CHUNK_CHARS. */
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
  flush(): string {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return chunk;
  }
}

/** The elements of an array at `depth` (the opening bracket already added). */
function* arrayBody(items: readonly unknown[], replacer: JsonReplacer | undefined, depth: number, out: Chunker): Generator<string> {
  const indent = '  '.repeat(depth + 1);
  for (let i = 0; i < items.length; i++) {
    const raw = items[i];
    const item = replacer === undefined ? raw : replacer.call(items, String(i), raw);
    out.add(`${i === 0 ? '\n' : ',\n'}${indent}${omitted(item) ? 'null' : (stringifyAt(item, replacer, depth + 1) ?? 'null')}`);
    if (out.full()) yield out.flush();
  }
  out.add(`\n${'  '.repeat(depth)}]`);
}

/**
 * The text of `JSON.stringify(value, replacer, 2) + '\n'` in chunks (see the header).
 * Nothing is yielded for a value JSON.stringify would turn into undefined.
 */
export function* prettyJsonChunks(value: unknown, replacer?: JsonReplacer, chunkChars: number = JSON_CHUNK_CHARS): Generator<string> {
  const root = replacer === undefined ? value : replacer.call({ '': value }, '', value);
  const out = new Chunker(chunkChars);
  if (Array.isArray(root) && root.length > 0) {
    out.add('[');
    yield* arrayBody(root, replacer, 0, out);
  } else if (typeof root === 'object' && root !== null && !Array.isArray(root) && typeof (root as { toJSON?: unknown }).toJSON !== 'function') {
    const record = root as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      const member = replacer === undefined ? record[key] : replacer.call(record, key, record[key]);
      if (omitted(member)) continue;
      out.add(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
      first = false;
      if (Array.isArray(member) && member.length > 0) {
        out.add('[');
        yield* arrayBody(member, replacer, 1, out);
      } else {
        out.add(stringifyAt(member, replacer, 1) as string);
      }
      if (out.full()) yield out.flush();
    }
    out.add(first ? '{}' : '\n}');
  } else {
    const text = stringifyAt(root, replacer, 0);
    if (text === undefined) return;
    out.add(text);
  }
  out.add('\n');
  yield out.flush();
}
