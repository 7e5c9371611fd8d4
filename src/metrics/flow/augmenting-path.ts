/**
 * Augmenting paths by bidirectional search, seeded with the paths just cancelled.
 *
 * An augmenting path is a source-sink path of arcs with positive residual capacity; a
 * flow is maximum exactly when there is none (Ford-Fulkerson). The search grows a tree
 * forward from the source and one backward from the sink, one vertex per side in turn, and
 * stops when they meet (a path) or when either side runs out (no path). Proving that no
 * path exists costs about twice the smaller of "what the source reaches" and "what reaches
 * the sink", instead of the whole source side as in a one-sided search.
 *
 * Seeds (used by knockout.ts): after the flow through a removed node is cancelled, the
 * arcs of each cancelled path have spare capacity again, so the source reaches the path's
 * vertices before the node along them, and the vertices after it reach the sink. These
 * vertices start the two trees (with those arcs as tree arcs) and are expanded first, the
 * ones nearest the removed node first; the source and the sink, with their many arcs, are
 * expanded only when their side has nothing else left. A detour
 * around the removed node is then usually found after a few steps. Seeding only adds valid
 * tree paths, so the search still finds a path whenever one exists.
 *
 * Given the residual sides A and B of a maximum flow (knockout.ts passes them), each tree
 * expands first the vertices off its own side (outside A forward, outside B backward): a
 * path must leave A and enter B through arcs whose flow changed (cut-test.ts), so these
 * are where the trees meet. Only the order changes, so the search stays complete. And when
 * the backward tree reaches a vertex of A whose tree path from the source is intact (or the
 * forward tree one of B with an intact path to the sink), that tree path completes the
 * augmenting path at once (any cycle removed).
 *
 * Residual capacity "is positive" is the network's relative test (see flow-network.ts). The
 * paths found are not necessarily shortest; knockout.ts hands over to Dinic after a few.
 *
 * Budget. Proving that no path exists costs a whole side of the network, while a path, when
 * there is one, is usually found after a few hundred expansions. With a `budget` (vertex
 * expansions, both trees together), `find` gives up with OUT_OF_BUDGET instead, so the
 * caller can first try a cheaper proof (knockout.ts: the thorough cut test) and then search
 * again without a budget. A deterministic count, not a clock: results never depend on load.
 *
 * Reference: L. R. Ford and D. R. Fulkerson, Flows in Networks, Princeton, 1962 (augmenting
 * paths); I. Pohl, "Bi-directional search", Machine Intelligence 6 (1971) 127-140.
 */
import type { CancelledPath } from './cancel-flow.js';
import { RESIDUAL_TOLERANCE, type FlowNetwork } from './flow-network.js';

/** The residual sides A and B of a maximum flow with breadth-first trees (cut-test.ts). */
export interface ResidualSides {
  readonly sourceSide: Uint8Array;
  readonly sinkSide: Uint8Array;
  /** Arc into v of A's tree from the source. */
  readonly sourceArc: Int32Array;
  /** Arc out of v of B's tree towards the sink. */
  readonly sinkArc: Int32Array;
  /** Whether v's tree path to the source (toSource) or sink still has residual capacity and avoids blocked vertices. */
  intact(v: number, blocked: Uint8Array, toSource: boolean): boolean;
  /** Drops what `intact` remembers (the flow or the blocked vertices changed). */
  forget(): void;
}

/** What `PathSearch.find` returns when its budget ran out before it found a path or proved there is none. */
export const OUT_OF_BUDGET = 'out-of-budget';

export class PathSearch {
  private readonly forwardSeen: Uint32Array;
  private readonly backwardSeen: Uint32Array;
  private readonly forwardArc: Int32Array;
  private readonly backwardArc: Int32Array;
  private readonly forwardQueue: Int32Array;
  private readonly backwardQueue: Int32Array;
  private readonly forwardFar: Int32Array;
  private readonly backwardFar: Int32Array;
  private readonly checked: Uint32Array;
  private readonly intactTree: Uint8Array;
  private readonly walkSeen: Uint32Array;
  private readonly walkAt: Int32Array;
  private stamp = 0;
  private walkStamp = 0;

  /** `sides`: the residual sides of a maximum flow and their trees (see cut-test.ts), to order and shorten the search. */
  constructor(
    private readonly network: FlowNetwork,
    private readonly sides?: ResidualSides,
  ) {
    const n = network.vertexCount;
    this.forwardSeen = new Uint32Array(n);
    this.backwardSeen = new Uint32Array(n);
    this.forwardArc = new Int32Array(n);
    this.backwardArc = new Int32Array(n);
    this.forwardQueue = new Int32Array(n);
    this.backwardQueue = new Int32Array(n);
    this.forwardFar = new Int32Array(n);
    this.backwardFar = new Int32Array(n);
    this.checked = new Uint32Array(n);
    this.intactTree = new Uint8Array(n);
    this.walkSeen = new Uint32Array(n);
    this.walkAt = new Int32Array(n);
  }

  /**
   * The arcs of one augmenting path avoiding `blocked` vertices, source first; null when
   * there is none; OUT_OF_BUDGET when neither was settled within `budget` vertex
   * expansions (both trees together; default: no limit, and then the search is complete).
   */
  find(blocked: Uint8Array, seeds?: readonly CancelledPath[]): number[] | null;
  find(blocked: Uint8Array, seeds: readonly CancelledPath[], budget: number): number[] | null | typeof OUT_OF_BUDGET;
  find(blocked: Uint8Array, seeds: readonly CancelledPath[] = [], budget = Infinity): number[] | null | typeof OUT_OF_BUDGET {
    const { source: s, sink: t, start, adj, head, cap, flow, scale } = this.network;
    if (blocked[s] || blocked[t]) return null;
    const { forwardSeen: fSeen, backwardSeen: bSeen, forwardArc: fArc, backwardArc: bArc, forwardQueue: fq, backwardQueue: bq } = this;
    const stamp = ++this.stamp;
    this.sides?.forget();
    const residual = (a: number): number => (a & 1 ? (flow[a >> 1] as number) : (cap[a >> 1] as number) - (flow[a >> 1] as number));
    const full = (a: number): boolean => residual(a) <= RESIDUAL_TOLERANCE * (scale[a >> 1] as number);
    fSeen[s] = stamp;
    bSeen[t] = stamp;

    // Seed the trees along the cancelled paths, nearest the removed node first.
    let fTail = 0;
    let bTail = 0;
    for (const { prefix } of seeds) {
      const from = fTail;
      let v = s;
      for (const k of prefix) {
        const w = head[2 * k] as number;
        if (head[2 * k + 1] !== v || blocked[w] || full(2 * k)) break;
        if (fSeen[w] !== stamp) {
          fSeen[w] = stamp;
          fArc[w] = 2 * k;
          fq[fTail++] = w;
        }
        v = w;
      }
      fq.subarray(from, fTail).reverse();
    }
    for (const { suffix } of seeds) {
      const from = bTail;
      let v = t;
      for (let j = suffix.length - 1; j >= 0; j--) {
        const k = suffix[j] as number;
        const u = head[2 * k + 1] as number;
        if (head[2 * k] !== v || blocked[u] || full(2 * k)) break;
        if (bSeen[u] !== stamp) {
          bSeen[u] = stamp;
          bArc[u] = 2 * k;
          if (fSeen[u] === stamp) return this.path(u);
          bq[bTail++] = u;
        }
        v = u;
      }
      bq.subarray(from, bTail).reverse();
    }

    // The source and the sink (many arcs each) are expanded once their side has nothing else;
    // vertices off the side's residual region (see `sides`) go before those on it.
    const { forwardFar: fFar, backwardFar: bFar } = this;
    const sourceSide = this.sides?.sourceSide;
    const sinkSide = this.sides?.sinkSide;
    let fHead = 0;
    let bHead = 0;
    let fFarHead = 0;
    let fFarTail = 0;
    let bFarHead = 0;
    let bFarTail = 0;
    let sourcePending = true;
    let sinkPending = true;
    for (let expanded = 0; ; expanded += 2) {
      if (expanded >= budget) return OUT_OF_BUDGET;
      if (fHead === fTail && fFarHead === fFarTail) {
        if (!sourcePending) return null;
        sourcePending = false;
        fq[fTail++] = s;
      }
      if (bHead === bTail && bFarHead === bFarTail) {
        if (!sinkPending) return null;
        sinkPending = false;
        bq[bTail++] = t;
      }
      const v = fFarHead < fFarTail ? (fFar[fFarHead++] as number) : (fq[fHead++] as number);
      for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (fSeen[w] === stamp || blocked[w] || full(a)) continue;
        fSeen[w] = stamp;
        fArc[w] = a;
        if (bSeen[w] === stamp) return this.path(w);
        if (sinkSide && sinkSide[w] && this.intact(w, blocked, false)) return this.treePath(w, false);
        if (sourceSide && !sourceSide[w]) fFar[fFarTail++] = w;
        else fq[fTail++] = w;
      }
      const x = bFarHead < bFarTail ? (bFar[bFarHead++] as number) : (bq[bHead++] as number);
      for (let i = start[x] as number; i < (start[x + 1] as number); i++) {
        const into = (adj[i] as number) ^ 1;
        const u = head[adj[i] as number] as number;
        if (bSeen[u] === stamp || blocked[u] || full(into)) continue;
        bSeen[u] = stamp;
        bArc[u] = into;
        if (fSeen[u] === stamp) return this.path(u);
        if (sourceSide && sourceSide[u] && this.intact(u, blocked, true)) return this.treePath(u, true);
        if (sinkSide && !sinkSide[u]) bFar[bFarTail++] = u;
        else bq[bTail++] = u;
      }
    }
  }

  /** The path through meeting vertex m: the forward tree's path to m, then the backward tree's path from m. */
  private path(m: number): number[] {
    const { source: s, sink: t, head } = this.network;
    const arcs: number[] = [];
    for (let v = m; v !== s; ) {
      const a = this.forwardArc[v] as number;
      arcs.push(a);
      v = head[a ^ 1] as number;
    }
    arcs.reverse();
    for (let v = m; v !== t; ) {
      const a = this.backwardArc[v] as number;
      arcs.push(a);
      v = head[a] as number;
    }
    return arcs;
  }

  /** cut-test.ts's `intact`, remembered for the current search. */
  private intact(v: number, blocked: Uint8Array, toSource: boolean): boolean {
    if (this.checked[v] !== this.stamp) {
      this.checked[v] = this.stamp;
      this.intactTree[v] = this.sides?.intact(v, blocked, toSource) ? 1 : 0;
    }
    return this.intactTree[v] === 1;
  }

  /** The path through v that follows A's tree to v (toSource) or B's tree from v, and the search's other tree; cycles removed. */
  private treePath(v: number, toSource: boolean): number[] {
    const { source, sink, head } = this.network;
    const sides = this.sides as ResidualSides;
    if (toSource) {
      for (let x = v; x !== source; x = head[(sides.sourceArc[x] as number) ^ 1] as number) this.forwardArc[x] = sides.sourceArc[x] as number;
    } else {
      for (let x = v; x !== sink; x = head[sides.sinkArc[x] as number] as number) this.backwardArc[x] = sides.sinkArc[x] as number;
    }
    return this.simplify(this.path(v));
  }

  /** Removes the cycles of a walk from the source (arcs in order), leaving a simple path. */
  private simplify(arcs: number[]): number[] {
    const { source, head } = this.network;
    const { walkSeen: seen, walkAt: at } = this;
    const stamp = ++this.walkStamp;
    const out: number[] = [];
    seen[source] = stamp;
    at[source] = 0;
    for (const a of arcs) {
      const w = head[a] as number;
      const p = at[w] as number;
      if (seen[w] === stamp && p <= out.length && (p === 0 ? w === source : head[out[p - 1] as number] === w)) {
        out.length = p;
        continue;
      }
      out.push(a);
      seen[w] = stamp;
      at[w] = out.length;
    }
    return out;
  }
}
