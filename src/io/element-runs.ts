/**
 * Element runs: the fast lane of the streaming graph JSON reader (stream-graph.ts).
 *
 * A graph file is almost all elements of its `nodes` and `edges` arrays. Building each of
 * them token by token in JavaScript (what a streaming parser does) runs at about 15-20
 * MB/s; V8's JSON.parse builds the same values several times faster. So the bytes are
 * scanned here first, one pass, tracking only strings (quote and backslash) and nesting
 * depth. Where an element of a top-level array starts (an object or array opening at
 * depth 2, and the streaming parser agrees that it is an element of `nodes` or `edges`),
 * the bytes of that element and of the whole elements after it in the same chunk form a
 * run; the run's bytes are decoded and parsed with one `JSON.parse("[" + run + "]")`,
 * and in the streaming parser's input the run stands as one placeholder value (`0`). All
 * other bytes (the top level, `options`, `attributes`, the commas between runs, scalar
 * elements) go through the streaming parser unchanged, so the document's structure is
 * still checked token by token and the two checks together accept exactly valid JSON:
 * JSON.parse checks the run (its elements and the commas between them), the streaming
 * parser everything around it.
 *
 * A run stops at a chunk's end (an element cut by it is kept, as bytes, and continues the
 * next run), at the `]` closing the array, and before anything at depth 2 that does not
 * open an element (a scalar element goes through the streaming parser, which names it as
 * before). Nesting deeper than MAX_JSON_DEPTH inside a run stops reading at once, as the
 * token watcher does elsewhere. Memory: one chunk, the elements parsed from it, and a
 * scratch buffer, as long as the longest run so far (about a chunk; longer for an element
 * longer than a chunk), that runs are decoded from.
 * Pure: no I/O.
 */
import { Buffer, isAscii } from 'node:buffer';
import { MAX_JSON_DEPTH } from '../model/json-depth.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** What the splitter needs from the reader around it. */
export interface RunHandlers {
  /** Bytes for the streaming parser; `offset` is the file offset of bytes[0]. */
  feed(bytes: Uint8Array, offset: number): void;
  /** Asked at an object or array opening at depth 2, after everything before it was fed: is it an element of nodes or edges? */
  atElement(): boolean;
  /**
   * The whole elements of one run, parsed; `from`/`to` are its file offsets. The reader
   * hands them over and stands one placeholder value in for them in the streaming
   * parser's input, which then continues with the bytes after `to`.
   */
  elements(values: unknown[], from: number, to: number): void;
  /** The run's bytes are not valid JSON (`detail` from JSON.parse). */
  invalid(detail: string, from: number, to: number): void;
  /** Nesting deeper than MAX_JSON_DEPTH inside a run. */
  tooDeep(): void;
  /** True once reading must stop (a syntax error or a fatal problem was recorded). */
  stopped(): boolean;
}

const decoder = new TextDecoder('utf-8');

/** Splits a graph JSON byte stream into element runs and everything else (see the module comment). */
export class ElementRuns {
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Offset in the file of the current chunk's first byte. */
  private base = 0;
  /** Bytes of a run that began in an earlier chunk (its last element is still open). */
  private carried: Uint8Array[] = [];
  private carriedFrom = 0;
  /** Where a run's bytes are put together for decoding (reused; grows to the largest run). */
  private scratch = Buffer.allocUnsafe(0);

  constructor(private readonly on: RunHandlers) {}

  /** The next chunk of the file. */
  write(bytes: Uint8Array): void {
    const n = bytes.length;
    let i = 0;
    let fed = 0;
    if (this.carried.length > 0) {
      i = this.run(bytes, 0);
      fed = i;
      if (this.on.stopped()) return this.advance(n);
    }
    while (i < n) {
      // Outside runs: track strings and depth until an element may open at depth 2.
      if (this.inString) i = this.skipString(bytes, i) + 1;
      for (; i < n; i++) {
        const b = bytes[i] as number;
        if (b === QUOTE) i = this.skipString(bytes, i + 1);
        else if (b === LBRACE || b === LBRACKET) {
          if (this.depth === 2) break;
          this.depth++;
        } else if (b === RBRACE || b === RBRACKET) this.depth--;
      }
      if (i >= n) break;
      if (i > fed) this.on.feed(bytes.subarray(fed, i), this.base + fed);
      fed = i;
      if (this.on.stopped()) return this.advance(n);
      if (!this.on.atElement()) {
        this.depth++;
        i++;
        continue;
      }
      i = this.run(bytes, i);
      fed = i;
      if (this.on.stopped()) return this.advance(n);
    }
    if (fed < n) this.on.feed(bytes.subarray(fed, n), this.base + fed);
    this.advance(n);
  }

  /**
   * From `i`, inside a string (after its opening quote): the index of its closing quote;
   * when the chunk ends first, the chunk's length, with `inString` (and `escape`, after a
   * backslash as the last byte) kept for the next chunk.
   */
  private skipString(bytes: Uint8Array, i: number): number {
    const n = bytes.length;
    if (this.escape) {
      this.escape = false;
      i++;
    }
    for (; i < n; i++) {
      const b = bytes[i] as number;
      if (b === QUOTE) {
        this.inString = false;
        return i;
      }
      if (b === BACKSLASH) i++;
    }
    this.inString = true;
    this.escape = i > n;
    return n;
  }

  private advance(n: number): void {
    this.base += n;
  }

  /**
   * Scans a run that starts at `start` (an element's opening at depth 2, or the carried
   * part of a cut element when `carried` is not empty); hands over its whole elements and
   * feeds the placeholder. Returns where the streaming parser takes over again.
   */
  private run(bytes: Uint8Array, start: number): number {
    const n = bytes.length;
    let lastEnd = -1; // end (exclusive) of the last whole element in this chunk
    let elementStart = start;
    let i = start;
    let depth = this.depth;
    if (this.inString) i = this.skipString(bytes, i) + 1;
    for (; i < n; i++) {
      const b = bytes[i] as number;
      if (b === QUOTE) {
        if (depth === 2) break; // a string element: the streaming parser's
        i = this.skipString(bytes, i + 1);
      } else if (b === LBRACE || b === LBRACKET) {
        if (depth === 2) elementStart = i;
        if (++depth > MAX_JSON_DEPTH) {
          this.on.tooDeep();
          return n;
        }
      } else if (b === RBRACE || b === RBRACKET) {
        if (depth === 2) break; // the array closes
        if (--depth === 2) lastEnd = i + 1;
      } else if (depth === 2 && b !== COMMA && !isSpace(b)) break; // a scalar element
    }
    const cut = depth > 2; // the chunk ended inside an element
    this.depth = cut ? depth : 2;
    // Whole elements: [start, lastEnd) of this chunk, after any carried bytes.
    if (lastEnd !== -1) {
      const from = this.carried.length > 0 ? this.carriedFrom : this.base + start;
      const parts = [...this.carried, bytes.subarray(start, lastEnd)];
      this.carried = [];
      this.parse(parts, from, this.base + lastEnd);
      if (this.on.stopped()) return n;
    }
    if (!cut) return lastEnd === -1 ? start : lastEnd;
    // The chunk ends inside an element: the bytes between the last whole element and it go
    // to the streaming parser (a comma, spaces); the element's bytes wait for the next chunk.
    const resume = lastEnd === -1 ? start : lastEnd;
    if (this.carried.length === 0) {
      if (elementStart > resume) this.on.feed(bytes.subarray(resume, elementStart), this.base + resume);
      this.carriedFrom = this.base + elementStart;
      this.carried.push(new Uint8Array(bytes.subarray(elementStart, n))); // a copy: the reader may reuse its buffer
    } else this.carried.push(new Uint8Array(bytes.subarray(start, n)));
    return n;
  }

  private parse(parts: Uint8Array[], from: number, to: number): void {
    // The parts are copied between brackets into one scratch buffer (a memcpy each) and
    // decoded once, so JSON.parse gets a flat string and nothing is concatenated as
    // strings. ASCII (most graph files) decodes as Latin-1, byte for byte, several times
    // faster than UTF-8.
    let length = 2;
    for (const part of parts) length += part.length;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, 2 * this.scratch.length));
    const buffer = this.scratch.subarray(0, length);
    buffer[0] = LBRACKET;
    let at = 1;
    for (const part of parts) {
      buffer.set(part, at);
      at += part.length;
    }
    buffer[at] = RBRACKET;
    const text = isAscii(buffer) ? buffer.toString('latin1') : decoder.decode(buffer);
    let values: unknown;
    try {
      values = JSON.parse(text) as unknown;
    } catch (error) {
      this.on.invalid(error instanceof Error ? error.message : String(error), from, to);
      return;
    }
    this.on.elements(values as unknown[], from, to);
  }
}
