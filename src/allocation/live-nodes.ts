/**
 * Live nodes of the allocation LP (`allocation-lp.ts`): the nodes that can produce in SOME
 * feasible plan. Every other node has zero activity, zero stock and zero output in every
 * feasible plan, so the LP can drop its columns without changing any optimum
 * (`servedFirstAllocation`). A superset of the nodes that do produce: exact as a proof of
 * zero, not as a proof of positivity.
 *
 * Rule (a greatest fixed point, computed by removing nodes until none breaks it): node v
 * is live when it has an edge, and
 *   - it has stock (extraSupply_v > 0), or
 *   - its capacity is > 0 and some recipe r of v can run: v is a source (no input rows),
 *     or every input material k with a_vrk > 0 arrives on an in-edge of capacity > 0 from
 *     a live node (a recipe pooled on inputs: any one such in-edge).
 * Overrides of node and edge capacities replace the network's, as in the LP.
 *
 * Proof. Let y be a feasible plan and P(y) the nodes with positive activity or stock in
 * y. A node v in P(y) with x_vr > 0 has capacity > 0 (row cap(v)); if v is not a source,
 * each row in(v,k) with a_vrk > 0 (in(v,"*") or the mix-in row when pooled) needs positive
 * flow into v of material k, so an in-edge e of k has f_e > 0: capacity_e > 0 and its
 * tail u has positive outflow, which its rows out(u,m) allow only with positive activity
 * or stock of u: u is in P(y). So P(y) satisfies the rule with P(y) as the live set, and
 * the greatest set that does (the live set) contains it. Cycles that sustain themselves
 * (recipes yielding more than they consume) stay live, as they may in the LP.
 */
import type { AllocationLpOptions } from './allocation-lp.js';
import { isSource, type AllocationNetwork } from './allocation-network.js';

type Overrides = Pick<AllocationLpOptions, 'extraSupply' | 'nodeCapacity' | 'edgeCapacity'>;

/** Per node index, 1 when the node is live (see the file header), else 0. */
export function liveNodes(net: AllocationNetwork, options: Overrides = {}): Uint8Array {
  const n = net.nodes.length;
  const live = new Uint8Array(n);
  const edgeCapacity = (e: number) => options.edgeCapacity?.get(net.edges[e] as string) ?? (net.edgeCapacity[e] as number);
  const stocked = (v: number) => (options.extraSupply?.get(net.nodes[v] as string) ?? 0) > 0;
  const canRun = (v: number): boolean => {
    if (!((options.nodeCapacity?.get(net.nodes[v] as string) ?? (net.nodeCapacity[v] as number)) > 0)) return false;
    if (isSource(net, v)) return (net.recipes[v] ?? []).length > 0;
    const ins = net.inEdges[v] ?? [];
    const arrives = (k: string | undefined) => ins.some((e) => (k === undefined || net.edgeMaterial[e] === k) && live[net.edgeSource[e] as number] === 1 && edgeCapacity(e) > 0);
    return (net.recipes[v] ?? []).some((r) => (r.inputs === 'pooled' ? arrives(undefined) : [...r.inputs].every(([k, a]) => !(a > 0) || arrives(k))));
  };
  const check = (v: number) => stocked(v) || canRun(v);
  for (let v = 0; v < n; v++) live[v] = (net.inEdges[v] ?? []).length + (net.outEdges[v] ?? []).length > 0 ? 1 : 0;
  // Remove nodes that break the rule; a removal can only break the rule at the heads of its out-edges.
  const queue: number[] = [];
  const queued = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (live[v] === 1) {
      queue.push(v);
      queued[v] = 1;
    }
  }
  while (queue.length > 0) {
    const v = queue.pop() as number;
    queued[v] = 0;
    if (live[v] === 0 || check(v)) continue;
    live[v] = 0;
    for (const e of net.outEdges[v] ?? []) {
      const w = net.edgeTarget[e] as number;
      if (live[w] === 1 && queued[w] === 0) {
        queue.push(w);
        queued[w] = 1;
      }
    }
  }
  return live;
}
