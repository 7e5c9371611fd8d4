/**
 * Weakly and strongly connected components (networkx `weakly_connected_components`,
 * `strongly_connected_components`): which nodes hang together when edge directions are
 * ignored, and which reach each other along directed paths. A supply chain without
 * back-edges has only single-node strong components.
 *
 * Each node gets the number of its component; components are numbered 0, 1, ... in the
 * order of their first node in the graph's node order (so the numbering is stable across
 * runs, but compare partitions, not numbers, with other tools). Computed on the active
 * graph; the graph is not changed. Weak: union-find with path halving; strong: Tarjan's
 * algorithm, iterative (no recursion limit). O(n + m). `componentsOfIndex` works on a
 * graph index (model/graph-index.ts); `components` indexes a graphology graph and calls it.
 *
 * Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM Journal on
 * Computing 1 (1972) 146-160.
 */
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';

export interface ComponentsResult {
  /** Node -> number of its weakly connected component. */
  weak: Record<string, number>;
  /** Node -> number of its strongly connected component. */
  strong: Record<string, number>;
  weakCount: number;
  strongCount: number;
}

/** Renumbers component labels 0, 1, ... by first appearance in node order. */
function renumber(labels: ArrayLike<number>): { ids: Int32Array; count: number } {
  const seen = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let v = 0; v < labels.length; v++) {
    const label = labels[v] as number;
    let next = seen.get(label);
    if (next === undefined) {
      next = seen.size;
      seen.set(label, next);
    }
    ids[v] = next;
  }
  return { ids, count: seen.size };
}

function weakLabels(n: number, edges: readonly (readonly [number, number])[]): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (v: number): number => {
    let x = v;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const [s, t] of edges) {
    const a = find(s);
    const b = find(t);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  return Int32Array.from({ length: n }, (_, v) => find(v));
}

function strongLabels(n: number, out: readonly number[][]): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const label = new Int32Array(n);
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [v, i] = frame;
      const targets = out[v] as number[];
      if (i < targets.length) {
        frame[1] = i + 1;
        const w = targets[i] as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          label[w] = v;
        } while (w !== v);
      }
    }
  }
  return label;
}

/** Both partitions by node id of `index` (pass the operating index), before keying by node. */
export function componentsOfIndex(index: GraphIndex): { weak: Int32Array; strong: Int32Array; weakCount: number; strongCount: number } {
  const { n, edgeSource, edgeTarget } = index;
  const edges = Array.from(edgeSource, (s, e) => [s, edgeTarget[e] as number] as const);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) (out[s] as number[]).push(t);
  const weak = renumber(weakLabels(n, edges));
  const strong = renumber(strongLabels(n, out));
  return { weak: weak.ids, strong: strong.ids, weakCount: weak.count, strongCount: strong.count };
}

/** Both component partitions of the active graph (see the header). */
export function components(graph: SupplyGraph): ComponentsResult {
  const active = operatingIndex(indexGraph(graph));
  const parts = componentsOfIndex(active);
  const result: ComponentsResult = { weak: {}, strong: {}, weakCount: parts.weakCount, strongCount: parts.strongCount };
  active.nodes.forEach((node, v) => {
    result.weak[node] = parts.weak[v] as number;
    result.strong[node] = parts.strong[v] as number;
  });
  return result;
}
