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
 *
 * In-flight sharing (`answer`): identical questions that miss the cache at the same time
 * (the map's first toggles, or many clients asking the same new scenario) share one
 * computation, keyed as the cache is: the first starts it, the others wait for its result
 * (or its error: a time budget that ran out, a busy pool). The shared computation gets its
 * own abort signal, aborted only when every request waiting for it has gone away, so one
 * client closing its connection does not stop the answer the others wait for.
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

/** A computation in flight, shared by the requests waiting for it. */
interface InFlight {
  answer: Promise<Buffer>;
  /** Aborts the computation: when the last request waiting for it has gone away. */
  controller: AbortController;
  waiting: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, InFlight>();
  private sharedCount = 0;
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

  /**
   * The answer to `question` on `graph`: from the cache; else the result of the same
   * question already being computed (shared, see the header); else `compute(signal)`'s,
   * kept in the cache when it succeeds. `signal` is the asking request's (its client went
   * away); `compute` gets a signal aborted when every request waiting has gone.
   */
  answer(graph: object, question: string, compute: (signal: AbortSignal) => Promise<Buffer>, signal?: AbortSignal): Promise<Buffer> {
    const cached = this.get(graph, question);
    if (cached !== undefined) return Promise.resolve(cached);
    const key = this.keyOf(graph, question);
    let flight = this.inFlight.get(key);
    if (flight !== undefined) this.sharedCount++;
    else {
      const controller = new AbortController();
      const started = Promise.resolve()
        .then(() => compute(controller.signal))
        .then((answer) => {
          this.set(graph, question, answer);
          return answer;
        })
        .finally(() => {
          if (this.inFlight.get(key) === created) this.inFlight.delete(key);
        });
      const created: InFlight = { answer: started, controller, waiting: 0 };
      this.inFlight.set(key, created);
      flight = created;
    }
    const shared = flight;
    shared.waiting++;
    if (signal !== undefined) {
      const leave = () => {
        shared.waiting--;
        if (shared.waiting === 0) shared.controller.abort();
      };
      if (signal.aborted) leave();
      else {
        signal.addEventListener('abort', leave, { once: true });
        void shared.answer.then(
          () => signal.removeEventListener('abort', leave),
          () => signal.removeEventListener('abort', leave),
        );
      }
    }
    return shared.answer;
  }

  /** `shared`: requests that waited for a computation already in flight instead of starting their own; `inFlight`: computations now. */
  stats(): { entries: number; bytes: number; hits: number; misses: number; shared: number; inFlight: number } {
    return { entries: this.entries.size, bytes: this.size, hits: this.hitCount, misses: this.missCount, shared: this.sharedCount, inFlight: this.inFlight.size };
  }
}
