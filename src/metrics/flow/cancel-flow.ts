/**
 * Flow cancellation through a vertex, by flow decomposition.
 *
 * A feasible flow decomposes into source-sink paths and cycles (flow decomposition
 * theorem). To take every unit off vertex x while keeping the flow feasible, trace one
 * path of positive-flow arcs back from x to the source and one forward from x to the
 * sink, and subtract the smallest flow on it; when a trace meets a vertex it has already
 * visited it has found a cycle, which is subtracted instead (that leaves the flow value
 * unchanged). Each step sets at least one arc's flow to exactly 0 and flows only
 * decrease, so it ends after at most one step per arc. The flow value drops by exactly
 * the amount that went along source-x-sink paths, which is returned.
 *
 * Traces follow arcs with flow > 0 (not "beyond rounding") so no flow is left behind. A trace that
 * cannot continue meets a rounding-level imbalance (conservation holds up to float
 * error); the partial path is then subtracted without counting it in the value.
 *
 * The source-x-sink paths subtracted are recorded (`paths`) as pairs in source-to-sink
 * order: after cancelling, their arcs have spare capacity again, which is where a
 * rerouting path is most likely to start and end (see augmenting-path.ts).
 *
 * Reference: R. K. Ahuja, T. L. Magnanti and J. B. Orlin, Network Flows, Prentice Hall,
 * 1993, section 3.5 (flow decomposition).
 */
import type { FlowNetwork } from './flow-network.js';

/** A cancelled source-x-sink path: its pairs from the source to x, then from x to the sink. */
export interface CancelledPath {
  prefix: number[];
  suffix: number[];
}

export class FlowCanceller {
  /** Paths cancelled since the last `clearPaths()`. */
  readonly paths: CancelledPath[] = [];
  private readonly backAt: Int32Array;
  private readonly forwardAt: Int32Array;
  private readonly backVertices: number[] = [];
  private readonly backPairs: number[] = [];
  private readonly forwardVertices: number[] = [];
  private readonly forwardPairs: number[] = [];

  constructor(private readonly network: FlowNetwork) {
    this.backAt = new Int32Array(network.vertexCount).fill(-1);
    this.forwardAt = new Int32Array(network.vertexCount).fill(-1);
  }

  clearPaths(): void {
    this.paths.length = 0;
  }

  /** Removes all flow through vertex x; returns how much the flow value dropped. */
  cancelThrough(x: number): number {
    let removed = 0;
    for (;;) {
      const step = this.step(x);
      this.reset();
      if (step === null) return removed;
      removed += step;
    }
  }

  /** One path or cycle subtracted; returns the value removed (0 for a cycle), or null when no flow enters x. */
  private step(x: number): number | null {
    const net = this.network;
    const { backVertices: bv, backPairs: bp, forwardVertices: fv, forwardPairs: fp } = this;
    bv.push(x);
    this.backAt[x] = 0;
    let cur = x;
    while (cur !== net.source) {
      const a = this.positiveArc(cur, 1);
      if (a === -1) break;
      const y = net.head[a] as number;
      const p = this.backAt[y] as number;
      if (p >= 0) return this.subtract([a >> 1, ...bp.slice(p)], 0);
      bp.push(a >> 1);
      bv.push(y);
      this.backAt[y] = bv.length - 1;
      cur = y;
    }
    if (cur === x && bp.length === 0) return null;
    const complete = cur === net.source;

    cur = x;
    while (cur !== net.sink) {
      const a = this.positiveArc(cur, 0);
      if (a === -1) break;
      const y = net.head[a] as number;
      const q = this.forwardAt[y] as number;
      if (q >= 0) return this.subtract([...fp.slice(q + 1), a >> 1], 0);
      const p = this.backAt[y] as number;
      if (p >= 0) return this.subtract([...bp.slice(0, p), ...fp, a >> 1], 0);
      fp.push(a >> 1);
      fv.push(y);
      this.forwardAt[y] = fv.length - 1;
      cur = y;
    }
    const counted = complete && cur === net.sink;
    const removed = this.subtract([...bp, ...fp], counted ? 1 : 0);
    if (counted && removed > 0) this.paths.push({ prefix: bp.slice().reverse(), suffix: fp.slice() });
    return removed;
  }

  /** An arc at v whose pair carries flow: parity 1 = reverse arcs (flow into v), 0 = forward (flow out of v). */
  private positiveArc(v: number, parity: number): number {
    const net = this.network;
    for (let i = net.start[v] as number; i < (net.start[v + 1] as number); i++) {
      const a = net.adj[i] as number;
      if ((a & 1) === parity && (net.flow[a >> 1] as number) > 0) return a;
    }
    return -1;
  }

  /** Subtracts the smallest flow on `pairs` from each; returns that amount times `weight`. */
  private subtract(pairs: number[], weight: number): number {
    let amount = Infinity;
    for (const k of pairs) amount = Math.min(amount, this.network.flow[k] as number);
    if (!(amount > 0) || !Number.isFinite(amount)) return 0;
    for (const k of pairs) this.network.push(2 * k + 1, amount);
    return amount * weight;
  }

  private reset(): void {
    for (const v of this.backVertices) this.backAt[v] = -1;
    for (const v of this.forwardVertices) this.forwardAt[v] = -1;
    this.backVertices.length = 0;
    this.backPairs.length = 0;
    this.forwardVertices.length = 0;
    this.forwardPairs.length = 0;
  }
}
