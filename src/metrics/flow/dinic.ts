/**
 * Dinic's maximum-flow algorithm on a FlowNetwork.
 *
 * Repeats: a breadth-first search from the source over arcs with positive residual
 * capacity assigns levels; then a blocking flow is pushed along paths whose levels rise
 * by one at each arc (depth-first, with a current-arc pointer per vertex so no arc is
 * tried twice in a phase). Stops when the sink is unreachable. O(V^2 E) in general, much
 * less on the layered graphs of supply chains. Capacities are read as capacities (the
 * most an arc carries); real-valued capacities are handled exactly: the only tolerance is
 * the network's relative test "residual is positive" (`RESIDUAL_TOLERANCE` x the pair's
 * scale, flow-network.ts), and `limit` is reached when within that relative tolerance.
 * A path of unbounded arcs would carry Infinity: `solveMaxFlow` refuses such networks
 * first (unbounded-path.ts).
 *
 * `augment` starts from the network's current flow (a warm start), so it can finish a
 * flow that a previous computation left feasible. `limit` stops once that much has been
 * added; `blocked` vertices are treated as removed; `from` and `to` replace the network's
 * source and sink (e.g. to reroute flow already in the network, `sink-max-flow.ts`);
 * `exhausted` lets the caller end the run between phases when it knows no path is left;
 * `reverse` searches from the sink back to the source over arcs read backwards (the
 * transposed residual network: same paths and pushes, explored from the other end, which
 * is faster when few vertices lead to the sink and many leave the source).
 *
 * Reference: E. A. Dinic, "Algorithm for solution of a problem of maximum flow in a
 * network with power estimation", Soviet Math. Doklady 11 (1970) 1277-1280.
 */
import { RESIDUAL_TOLERANCE, shortOf, type FlowNetwork } from './flow-network.js';

export interface AugmentOptions {
  /** Stop after adding this much flow. Default: no limit. */
  limit?: number;
  /** blocked[v] = 1 removes vertex v. */
  blocked?: Uint8Array | null;
  /** Vertex the paths start from. Default: the network's source. */
  from?: number;
  /** Vertex the paths end at. Default: the network's sink. */
  to?: number;
  /** Search from `to` back to `from` (see the header). Default false. */
  reverse?: boolean;
  /**
   * Asked before every phase but the first: true when the caller can prove that no
   * augmenting path is left (knockout.ts: the cut test), which saves the phase whose
   * breadth-first search would find none. Default: never.
   */
  exhausted?: () => boolean;
}

/** Scratch arrays of one network, reused across calls (the knockout loop calls augment thousands of times). */
interface Workspace {
  level: Int32Array;
  current: Int32Array;
  queue: Int32Array;
  none: Uint8Array;
  /** useful[v] = phase stamp when v reaches the sink in the phase's level graph. */
  useful: Uint32Array;
  stamp: number;
}

const WORKSPACES = new WeakMap<FlowNetwork, Workspace>();

function workspace(network: FlowNetwork) {
  let space = WORKSPACES.get(network);
  if (!space) {
    const n = network.vertexCount;
    space = { level: new Int32Array(n), current: new Int32Array(n), queue: new Int32Array(n), none: new Uint8Array(n), useful: new Uint32Array(n), stamp: 0 };
    WORKSPACES.set(network, space);
  }
  return space;
}

/** Adds flow from source to sink until none can be added (or `limit` is reached); returns the amount added. */
export function augment(network: FlowNetwork, options: AugmentOptions = {}): number {
  const limit = options.limit ?? Infinity;
  const space = workspace(network);
  const { level, current, queue, none, useful } = space;
  const blocked = options.blocked ?? none;
  const { vertexCount: n, start, adj, head, cap, flow, scale } = network;
  // Reversed, the search runs from `to` to `from` and arc a (v -> head[a]) stands for its
  // partner a ^ 1 (head[a] -> v): its residual and pushes are the partner's.
  const flip = options.reverse === true ? 1 : 0;
  const s = flip ? (options.to ?? network.sink) : (options.from ?? network.source);
  const t = flip ? (options.from ?? network.source) : (options.to ?? network.sink);
  if (blocked[s] || blocked[t] || s === t) return 0;
  const residual = (a: number): number => ((a ^ flip) & 1 ? (flow[a >> 1] as number) : (cap[a >> 1] as number) - (flow[a >> 1] as number));
  const full = (a: number): boolean => residual(a) <= RESIDUAL_TOLERANCE * (scale[a >> 1] as number);
  const path: number[] = [];
  let added = 0;

  for (let phase = 0; shortOf(added, limit); phase++) {
    if (phase > 0 && options.exhausted?.() === true) break;
    // Levels by breadth-first search over positive residual arcs.
    level.fill(-1);
    level[s] = 0;
    let qHead = 0;
    let qTail = 0;
    queue[qTail++] = s;
    // It stops once the sink has its level L: every vertex of level L - 1 already has its
    // level then, and the blocking flow uses no other vertex of level L.
    let sinkLevel = -1;
    while (qHead < qTail && sinkLevel === -1) {
      const v = queue[qHead++] as number;
      const next = (level[v] as number) + 1;
      const end = start[v + 1] as number;
      for (let i = start[v] as number; i < end; i++) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (level[w] !== -1 || blocked[w] || full(a)) continue;
        level[w] = next;
        if (w === t) {
          sinkLevel = next;
          break;
        }
        queue[qTail++] = w;
      }
    }
    if (sinkLevel === -1) break;

    // The vertices that reach the sink in the level graph (backward search from it): the
    // depth-first search enters no other vertex, which spares it the dead ends of the
    // rest of the source's region. It would find nothing there, so the pushes are the same.
    const stamp = ++space.stamp;
    useful[t] = stamp;
    qHead = 0;
    qTail = 0;
    queue[qTail++] = t;
    while (qHead < qTail) {
      const x = queue[qHead++] as number;
      const below = (level[x] as number) - 1;
      if (below < 0) continue; // x is the source
      const end = start[x + 1] as number;
      for (let i = start[x] as number; i < end; i++) {
        const into = (adj[i] as number) ^ 1;
        const u = head[into ^ 1] as number;
        if (level[u] !== below || useful[u] === stamp || full(into)) continue;
        useful[u] = stamp;
        queue[qTail++] = u;
      }
    }

    // Blocking flow by depth-first search with current-arc pointers.
    current.set(start.subarray(0, n));
    path.length = 0;
    let v = s;
    while (shortOf(added, limit)) {
      if (v === t) {
        let amount = limit - added;
        for (const a of path) amount = Math.min(amount, residual(a));
        let retreat = -1;
        for (let j = 0; j < path.length; j++) {
          const a = path[j] as number;
          network.push(a ^ flip, amount);
          if (retreat === -1 && full(a)) retreat = j;
        }
        added += amount;
        // Back up to the tail of the first saturated arc.
        if (retreat === -1) retreat = path.length - 1;
        path.length = retreat;
        v = path.length > 0 ? (head[path[path.length - 1] as number] as number) : s;
        continue;
      }
      let advanced = false;
      const end = start[v + 1] as number;
      const want = (level[v] as number) + 1;
      for (let i = current[v] as number; i < end; i++, current[v] = i) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (level[w] !== want || useful[w] !== stamp || full(a)) continue;
        path.push(a);
        v = w;
        advanced = true;
        break;
      }
      if (advanced) continue;
      // Dead end: no path to the sink through v in this phase.
      current[v] = end;
      level[v] = -1;
      if (v === s) break;
      const back = path.pop() as number;
      v = head[back ^ 1] as number;
      current[v] = (current[v] as number) + 1;
    }
  }
  return added;
}
