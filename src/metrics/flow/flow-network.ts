/**
 * Residual flow network: the data structure the max-flow algorithms work on.
 *
 * Arcs come in pairs: pair k has the forward arc 2k (tail -> head, capacity cap[k]) and
 * the reverse arc 2k+1 (head -> tail). Only the flow of each pair is stored; residual
 * capacities are derived: forward cap[k] - flow[k], reverse flow[k]. Capacities may be
 * Infinity (unbounded arcs), which keeps every residual exact: Infinity - x = Infinity.
 * Adjacency is compressed (CSR): the arcs leaving vertex v (forward arcs out of v and
 * reverse arcs of the pairs entering v) are adj[start[v]] .. adj[start[v + 1] - 1].
 *
 * "Is this residual positive" is the one test that needs a tolerance, and it is relative
 * to the quantities compared (`hasResidual`): arc a of pair k has residual capacity when
 *   residual(a) > RESIDUAL_TOLERANCE x scale[k],
 * where scale[k] is the pair's capacity when finite, raised to the largest flow the pair
 * has carried (the flow of an unbounded pair is a sum of pushes no larger than that).
 * So a saturated arc (cap - flow within rounding of cap) counts as full, and an arc of
 * capacity 1e15 carrying 5 still has room: the tolerance never depends on capacities
 * elsewhere in the network (before, 1e-12 x the largest capacity made every arc below
 * 1000 look full next to a 1e15 arc). Flows and capacities themselves are never rounded.
 *
 * A journal records which pairs changed since `mark()`, so a warm-started computation can
 * be undone in time proportional to what it touched (`rollback`).
 */

/** Relative tolerance for "residual capacity is positive" (see the header). */
export const RESIDUAL_TOLERANCE = 1e-12;

/** Whether `amount` is still short of `limit` beyond rounding (limit may be Infinity). */
export function shortOf(added: number, limit: number): boolean {
  return added < limit * (1 - RESIDUAL_TOLERANCE);
}

export class FlowNetwork {
  readonly vertexCount: number;
  readonly source: number;
  readonly sink: number;
  /** Head vertex of each arc (index = arc). */
  readonly head: Int32Array;
  /** Capacity of each pair. */
  readonly cap: Float64Array;
  /** Current flow of each pair. */
  readonly flow: Float64Array;
  readonly start: Int32Array;
  readonly adj: Int32Array;
  /** Size of each pair's quantities: its finite capacity, raised to the largest flow it carried (see the header). */
  readonly scale: Float64Array;
  private readonly saved: Float64Array;
  private readonly touchedAt: Uint32Array;
  private readonly journal: number[] = [];
  private epoch = 1;

  constructor(vertexCount: number, source: number, sink: number, tails: readonly number[], heads: readonly number[], caps: readonly number[]) {
    const pairs = tails.length;
    this.vertexCount = vertexCount;
    this.source = source;
    this.sink = sink;
    this.head = new Int32Array(2 * pairs);
    this.cap = Float64Array.from(caps);
    this.flow = new Float64Array(pairs);
    this.saved = new Float64Array(pairs);
    this.touchedAt = new Uint32Array(pairs);
    this.scale = new Float64Array(pairs);
    const degree = new Int32Array(vertexCount + 1);
    for (let k = 0; k < pairs; k++) {
      const t = tails[k] as number;
      const h = heads[k] as number;
      this.head[2 * k] = h;
      this.head[2 * k + 1] = t;
      degree[t + 1] = (degree[t + 1] as number) + 1;
      degree[h + 1] = (degree[h + 1] as number) + 1;
      const c = caps[k] as number;
      this.scale[k] = Number.isFinite(c) ? c : 0;
    }
    for (let v = 0; v < vertexCount; v++) degree[v + 1] = (degree[v + 1] as number) + (degree[v] as number);
    this.start = degree;
    this.adj = new Int32Array(2 * pairs);
    const fill = degree.slice(0, vertexCount);
    for (let k = 0; k < pairs; k++) {
      const t = tails[k] as number;
      const h = heads[k] as number;
      this.adj[(fill[t] as number)++] = 2 * k;
      this.adj[(fill[h] as number)++] = 2 * k + 1;
    }
  }

  get pairCount(): number {
    return this.cap.length;
  }

  /** Residual capacity of arc `a`. */
  residual(a: number): number {
    const k = a >> 1;
    return a & 1 ? (this.flow[k] as number) : (this.cap[k] as number) - (this.flow[k] as number);
  }

  /** Whether arc `a` has residual capacity beyond rounding (see the header). */
  hasResidual(a: number): boolean {
    return this.residual(a) > RESIDUAL_TOLERANCE * (this.scale[a >> 1] as number);
  }

  /** Sends `amount` along arc `a` (on a reverse arc, this cancels flow of its pair). */
  push(a: number, amount: number): void {
    const k = a >> 1;
    if (this.touchedAt[k] !== this.epoch) {
      this.touchedAt[k] = this.epoch;
      this.saved[k] = this.flow[k] as number;
      this.journal.push(k);
    }
    const f = (this.flow[k] as number) + (a & 1 ? -amount : amount);
    this.flow[k] = f;
    if (Math.abs(f) > (this.scale[k] as number)) this.scale[k] = Math.abs(f);
  }

  /** Tail vertex of arc `a`. */
  tail(a: number): number {
    return this.head[a ^ 1] as number;
  }

  /** Starts recording changes; `rollback` returns every flow to its value at this point. */
  mark(): void {
    this.journal.length = 0;
    this.epoch += 1;
  }

  /** The pairs changed since `mark()`. */
  changed(): readonly number[] {
    return this.journal;
  }

  rollback(): void {
    for (const k of this.journal) this.flow[k] = this.saved[k] as number;
    this.journal.length = 0;
    this.epoch += 1;
  }

  /**
   * New capacities for every pair (same arcs), every flow 0 and each pair's scale its new
   * finite capacity: the state of a network built afresh with `caps`.
   */
  reset(caps: ArrayLike<number>): void {
    for (let k = 0; k < this.cap.length; k++) {
      const c = caps[k] as number;
      this.cap[k] = c;
      this.scale[k] = Number.isFinite(c) ? c : 0;
    }
    this.clear();
  }

  /** Sets every flow to 0. */
  clear(): void {
    this.flow.fill(0);
    this.journal.length = 0;
    this.epoch += 1;
  }

  /** Total flow out of the source (the flow value). */
  value(): number {
    let total = 0;
    for (let i = this.start[this.source] as number; i < (this.start[this.source + 1] as number); i++) {
      const a = this.adj[i] as number;
      total += a & 1 ? -(this.flow[a >> 1] as number) : (this.flow[a >> 1] as number);
    }
    return total;
  }
}
