/**
 * The answer cache: the JSON bytes of answers computed on a graph the server holds (a
 * scenario's evaluation, a timeline), kept so the same question on the same graph is answered without
 * computing again. The map's traffic is a few presets and toggles asked over and over, and
 * each evaluation costs about 90 ms of a core (docs/benchmarks.md); a cached answer costs a
 * lookup and a write.
 *
 * Key: (graph version, question). The graph version is the graph object itself: the graph
 * store loads a new object when its file changes (graph-store.ts), so an answer is never
 * served for another version of the file; old versions are simply never asked for again
 * and leave by eviction. The question is a canonical text the caller builds from what was
 * asked after validation (the parsed scenario and its options, `canonicalKey`): the same
 * question always gives the same key, so a hit is the answer the computation would give
 * (evaluations are deterministic). Two spellings of one question (keys in another order)
 * are two entries: a miss, never a wrong answer.
 *
 * Bounds: at most `maxBytes` of answers and keys together, least recently used evicted
 * first; an answer over `maxEntryBytes` is not kept (it would evict many small ones). This
 * is not the baseline cache (baseline-cache.ts, inside an evaluation); it sits in front of
 * the compute pool, in the request layer.
 */

export interface AnswerCacheOptions {
  /** Most bytes of answers (and their keys) kept. */
  maxBytes: number;
  /** Largest answer kept, bytes. */
  maxEntryBytes: number;
}

export const DEFAULT_ANSWER_CACHE: AnswerCacheOptions = { maxBytes: 32 * 2 ** 20, maxEntryBytes: 2 * 2 ** 20 };

/** A canonical text of JSON-like data: object keys sorted, so equal data gives equal text. */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const name of Object.keys(v).sort()) sorted[name] = (v as Record<string, unknown>)[name];
    return sorted;
  });
}

export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly versions = new WeakMap<object, number>();
  private nextVersion = 1;
  private size = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(readonly options: AnswerCacheOptions = DEFAULT_ANSWER_CACHE) {}

  private keyOf(graph: object, question: string): string {
    let version = this.versions.get(graph);
    if (version === undefined) {
      version = this.nextVersion++;
      this.versions.set(graph, version);
    }
    return `${version}\n${question}`;
  }

  /** The cached answer to `question` on `graph`, if any (and marks it recently used). */
  get(graph: object, question: string): Buffer | undefined {
    const key = this.keyOf(graph, question);
    const answer = this.entries.get(key);
    if (answer === undefined) {
      this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.entries.delete(key);
    this.entries.set(key, answer);
    return answer;
  }

  /** Keeps `answer` to `question` on `graph`, evicting the least recently used beyond `maxBytes`. */
  set(graph: object, question: string, answer: Buffer): void {
    const key = this.keyOf(graph, question);
    const cost = answer.length + key.length;
    if (answer.length > this.options.maxEntryBytes || cost > this.options.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.size -= old.length + key.length;
    }
    this.entries.set(key, answer);
    this.size += cost;
    for (const [oldest, bytes] of this.entries) {
      if (this.size <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= bytes.length + oldest.length;
    }
  }

  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.entries.size, bytes: this.size, hits: this.hitCount, misses: this.missCount };
  }
}
