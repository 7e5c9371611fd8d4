/**
 * Nodes in depth-first topological order (reverse postorder, roots with no in-edge first);
 * on a graph with cycles, some order that visits every node once. Used by the fixed-point
 * sweeps of the proportional bound and origin tracing (Gauss-Seidel converges in one or two
 * sweeps on an acyclic graph in this order).
 */
import type { SupplyGraph } from './graph.js';
import { type GraphIndex } from './graph-index.js';
import { graphologyEdgeOrder } from './index-graphology.js';

export function topologicalOrder(graph: SupplyGraph): string[] {
  const seen = new Set<string>();
  const post: string[] = [];
  const roots = [...graph.filterNodes((node) => graph.inDegree(node) === 0), ...graph.nodes()];
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [string, string[]][] = [[root, graph.outNeighbors(root)]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, string[]];
      const next = top[1].pop();
      if (next === undefined) {
        post.push(top[0]);
        stack.pop();
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, graph.outNeighbors(next)]);
      }
    }
  }
  return post.reverse();
}

/**
 * `topologicalOrder` on a graph index (graph-index.ts), as node ids: the same order as
 * on the graphology graph the index was built from (neighbours taken in graphology's
 * order, `graphologyEdgeOrder`).
 */
export function topologicalOrderOfIndex(index: GraphIndex): Int32Array {
  const { outEdges } = graphologyEdgeOrder(index);
  const { n, outOffsets, edgeTarget, inDegree } = index;
  const seen = new Uint8Array(n);
  const post = new Int32Array(n);
  let done = 0;
  const roots: number[] = [];
  for (let v = 0; v < n; v++) if (inDegree[v] === 0) roots.push(v);
  for (let v = 0; v < n; v++) roots.push(v);
  // Each frame: node, and the next out-edge position to take, walking from the last (as `pop`).
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  for (const root of roots) {
    if (seen[root]) continue;
    seen[root] = 1;
    let top = 0;
    stackNode[0] = root;
    stackNext[0] = (outOffsets[root + 1] as number) - 1;
    while (top >= 0) {
      const v = stackNode[top] as number;
      const p = stackNext[top] as number;
      if (p < (outOffsets[v] as number)) {
        post[done++] = v;
        top--;
        continue;
      }
      stackNext[top] = p - 1;
      const next = edgeTarget[outEdges[p] as number] as number;
      if (seen[next]) continue;
      seen[next] = 1;
      top++;
      stackNode[top] = next;
      stackNext[top] = (outOffsets[next + 1] as number) - 1;
    }
  }
  return post.reverse();
}
