/**
 * Nodes in depth-first topological order (reverse postorder, roots with no in-edge first);
 * on a graph with cycles, some order that visits every node once. Used by the fixed-point
 * sweeps of the proportional bound and origin tracing (Gauss-Seidel converges in one or two
 * sweeps on an acyclic graph in this order).
 */
import type { SupplyGraph } from './graph.js';

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
