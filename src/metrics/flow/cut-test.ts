/**
 * Cut test: a cheap proof that a changed flow has no augmenting path, from the residual
 * sides of the maximum flow it was changed from.
 *
 * Let f be a maximum flow, A the vertices the source reaches in f's residual network and
 * B those that reach the sink (disjoint, as f is maximum), M the rest. A is closed under
 * residual arcs (none leaves it) and B under reversed ones (none enters it). Now change
 * the flow on some pairs (the network's journal since `mark()`) and remove some vertices.
 * Take an augmenting path of the new residual network, its last vertex p in A and the
 * first vertex q in B after p. The arc leaving p and the arc entering q had no residual
 * capacity before, so both belong to changed pairs, and every vertex between them lies in
 * M. Hence a path can exist only if a breadth-first search from the heads of changed arcs
 * leaving A, through unremoved vertices of M over arcs with residual > its tolerance, reaches the
 * tail of a changed arc entering B (or such an arc goes straight from A into B). And the
 * source must reach p (the tail of a changed arc leaving A), and the sink be reached from
 * q: a breadth-first tree of A (of B) shows that cheaply when p's tree path (q's) is still
 * residual and unremoved (`intact`), else a bidirectional search decides it (`thorough`).
 * That search stays inside A (inside B): take instead the first vertex p' where the path
 * leaves A; the arc leaving p' is changed too, and the path from the source to p' lies in
 * A, so "the source reaches the tail of some changed arc leaving A within A" is necessary;
 * likewise the part after the last entry into B lies in B. Restricted so, a search that
 * fails costs the part of A (of B) that reaches the exits (is reached from the entries),
 * typically the small region the removed vertices fed, not the whole side.
 * The test is one-sided: true means "a path may exist", false means "none exists". The
 * first part costs the journal plus the part of M it reaches, usually far less than a
 * search from the source.
 * Residual capacities are flows and capacities (weights are capacities), "positive" means
 * > the network's tolerance (flow-network.ts), as for A and B themselves.
 *
 * Reference: L. R. Ford and D. R. Fulkerson, Flows in Networks, Princeton, 1962 (residual
 * networks and cuts); R. K. Ahuja, T. L. Magnanti and J. B. Orlin, Network Flows, Prentice
 * Hall, 1993, section 6.5 (the residual network of a maximum flow).
 */
import type { FlowNetwork } from './flow-network.js';
import { residualReach } from './residual-reach.js';

export class CutTest {
  /** A: reached from the source in the residual network of the maximum flow. */
  readonly sourceSide: Uint8Array;
  /** B: reaching the sink in it. */
  readonly sinkSide: Uint8Array;
  /** For v in A, the arc into v of a breadth-first tree of A from the source (-1 elsewhere). */
  readonly sourceArc: Int32Array;
  /** For v in B, the arc out of v of a breadth-first tree of B towards the sink (-1 elsewhere). */
  readonly sinkArc: Int32Array;
  private readonly seen: Uint32Array;
  private readonly target: Uint32Array;
  private readonly queue: Int32Array;
  private readonly backQueue: Int32Array;
  private readonly exits: number[] = [];
  private readonly entries: number[] = [];
  private stamp = 0;
  /** intact's answers: memo[v] = memoStamp (not intact) or memoStamp + 1 (intact); older values are stale. */
  private readonly sourceMemo: Uint32Array;
  private readonly sinkMemo: Uint32Array;
  private readonly chain: number[] = [];
  private memoStamp = 1;

  /** Takes A and B from the network's current flow, which must be maximum. */
  constructor(private readonly network: FlowNetwork) {
    const n = network.vertexCount;
    this.sourceArc = new Int32Array(n).fill(-1);
    this.sinkArc = new Int32Array(n).fill(-1);
    this.sourceSide = residualReach(network, network.source, 0, this.sourceArc);
    this.sinkSide = residualReach(network, network.sink, 1, this.sinkArc);
    this.seen = new Uint32Array(n);
    this.target = new Uint32Array(n);
    this.queue = new Int32Array(n);
    this.backQueue = new Int32Array(n);
    this.sourceMemo = new Uint32Array(n);
    this.sinkMemo = new Uint32Array(n);
  }

  /** False when no augmenting path avoiding `blocked` vertices can exist after the changes since mark(). */
  mayAugment(blocked: Uint8Array, thorough = true): boolean {
    const { exits, entries } = this;
    const { source, sink } = this.network;
    this.forget();
    if (!this.crossesMiddle(blocked)) return false;
    if (!thorough) return true;
    if (exits.length > 0 && !exits.some((x) => this.intact(x, blocked, true)) && !this.reachable([source], exits, blocked, true)) return false;
    if (entries.length > 0 && !entries.some((y) => this.intact(y, blocked, false)) && !this.reachable(entries, [sink], blocked, false)) return false;
    return true;
  }

  /** The test through M; collects the tails in A of changed arcs leaving A (`exits`) and the heads in B of those entering B (`entries`). */
  private crossesMiddle(blocked: Uint8Array): boolean {
    const { sourceSide: inA, sinkSide: inB, seen, target, queue, exits, entries } = this;
    const { start, adj, head } = this.network;
    const net = this.network;
    const stamp = ++this.stamp;
    let tail = 0;
    let direct = false;
    exits.length = 0;
    entries.length = 0;
    for (const k of net.changed()) {
      for (let a = 2 * k; a <= 2 * k + 1; a++) {
        const x = head[a ^ 1] as number;
        const y = head[a] as number;
        if (blocked[x] || blocked[y] || !net.hasResidual(a)) continue;
        if (inA[x] && !inA[y]) {
          exits.push(x);
          if (inB[y]) direct = true;
          else if (seen[y] !== stamp) {
            seen[y] = stamp;
            queue[tail++] = y;
          }
        }
        if (!inB[x] && inB[y]) {
          entries.push(y);
          target[x] = stamp;
        }
      }
    }
    if (direct) return true;
    for (let h = 0; h < tail; h++) {
      const v = queue[h] as number;
      if (target[v] === stamp) return true;
      for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (seen[w] === stamp || inA[w] || inB[w] || blocked[w] || !net.hasResidual(a)) continue;
        seen[w] = stamp;
        queue[tail++] = w;
      }
    }
    return false;
  }

  /**
   * Starts a new query: the answers `intact` remembers are dropped. Called whenever the flow
   * or the blocked vertices may have changed (mayAugment does; so does PathSearch.find).
   */
  forget(): void {
    this.memoStamp += 2;
  }

  /**
   * True when the tree of A (toSource) or of B leads from v to its root over arcs with
   * residual capacity, avoiding blocked vertices. Remembered per vertex until `forget()`, so
   * the tree paths of many vertices cost one walk over their union.
   */
  intact(v: number, blocked: Uint8Array, toSource: boolean): boolean {
    const { source, sink, head } = this.network;
    const tree = toSource ? this.sourceArc : this.sinkArc;
    const root = toSource ? source : sink;
    const memo = toSource ? this.sourceMemo : this.sinkMemo;
    const known = this.memoStamp;
    const chain = this.chain;
    chain.length = 0;
    let result = true;
    for (let x = v; x !== root; ) {
      if (memo[x] === known || memo[x] === known + 1) {
        result = memo[x] === known + 1;
        break;
      }
      chain.push(x);
      const a = tree[x] as number;
      if (a < 0) {
        result = false;
        break;
      }
      x = head[toSource ? a ^ 1 : a] as number;
      if (blocked[x] || !this.network.hasResidual(a)) {
        result = false;
        break;
      }
    }
    // A vertex on the walk is intact exactly when the walk's end is (each step checked above).
    const mark = result ? known + 1 : known;
    for (const x of chain) memo[x] = mark;
    return result;
  }

  /**
   * Whether some vertex of `to` is reachable from some vertex of `from` over residual arcs
   * avoiding blocked vertices and staying inside A (toSource) or B (bidirectional search).
   * With `from` the source (toSource), a vertex of A with an intact tree path found
   * backwards settles it; with `to` the sink, one of B found forwards. Staying inside the
   * side is enough (see the header): the part of an augmenting path before its first exit
   * from A lies in A, the part after its last entry into B lies in B.
   */
  private reachable(from: readonly number[], to: readonly number[], blocked: Uint8Array, toSource: boolean): boolean {
    const { sourceSide: inA, sinkSide: inB } = this;
    const within = toSource ? inA : inB;
    const { start, adj, head } = this.network;
    const net = this.network;
    const { seen: fSeen, target: bSeen, queue: fq, backQueue: bq } = this;
    const stamp = ++this.stamp;
    let fHead = 0;
    let fTail = 0;
    let bHead = 0;
    let bTail = 0;
    for (const v of from) {
      if (blocked[v] || fSeen[v] === stamp) continue;
      fSeen[v] = stamp;
      fq[fTail++] = v;
    }
    for (const v of to) {
      if (blocked[v] || bSeen[v] === stamp) continue;
      if (fSeen[v] === stamp) return true;
      bSeen[v] = stamp;
      bq[bTail++] = v;
    }
    while (fHead < fTail && bHead < bTail) {
      const v = fq[fHead++] as number;
      for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (fSeen[w] === stamp || blocked[w] || !within[w] || !net.hasResidual(a)) continue;
        if (bSeen[w] === stamp || (!toSource && inB[w] && this.intact(w, blocked, false))) return true;
        fSeen[w] = stamp;
        fq[fTail++] = w;
      }
      const x = bq[bHead++] as number;
      for (let i = start[x] as number; i < (start[x + 1] as number); i++) {
        const u = head[adj[i] as number] as number;
        if (bSeen[u] === stamp || blocked[u] || !within[u] || !net.hasResidual((adj[i] as number) ^ 1)) continue;
        if (fSeen[u] === stamp || (toSource && inA[u] && this.intact(u, blocked, true))) return true;
        bSeen[u] = stamp;
        bq[bTail++] = u;
      }
    }
    return false;
  }
}
