/**
 * The binding input of a sink under the allocation bound ("EVs (JP): limited by Dy/Tb
 * metal from CN"), traced upstream through the LP's input prices (`solve-allocation.ts`).
 *
 * From the sink t, repeatedly: take the input material k of the current node v with the
 * largest input price (minus the dual of row in(v,k): delivered t/yr gained per extra
 * tonne of k arriving at v; ties by material name); among v's in-edges carrying k, the
 * supplier edge e whose flow fell most below its nominal `flow` (ties: the larger
 * nominal flow, then the key); record (k, country of e's source); move to e's source. Stop
 * when the node has no input with a positive price (it is limited by its own capacity,
 * offline, or by a cut edge), after `maxSteps` steps, or on a node already visited. The
 * last step names the root input; the steps before it are the path ("via", repeats of the
 * same material and country in a row said once). Null when
 * the sink's own inputs all have price 0 (it is limited by its demand, or not at all).
 * Input prices come from one optimal basis: where the LP's duals are not unique, the
 * trace is one of several valid explanations.
 */
import type { AllocationNetwork } from './allocation-network.js';
import type { AllocationResult } from './solve-allocation.js';

export interface BindingStep {
  /** The node whose input it is. */
  node: string;
  /** The input material ("*" for a pooled node: any input). */
  material: string;
  /** Country of the supplier whose delivery of it fell most. */
  from: string;
  /** The supplier node. */
  supplier: string;
  /** The input price (delivered t/yr per extra tonne). */
  price: number;
}

export interface BindingInput {
  sink: string;
  /** The root input: the last step. */
  material: string;
  from: string;
  /** From the sink upstream to the root. */
  steps: BindingStep[];
  /** "limited by Dy/Tb metal from CN (via NdFeB magnet from JP)". */
  text: string;
}

const EPS = 1e-9;

/** Node index by key, built once per network (a scenario asks for the binding input of every end use). */
const INDEX = new WeakMap<AllocationNetwork, Map<string, number>>();

function indexOf(net: AllocationNetwork): Map<string, number> {
  let index = INDEX.get(net);
  if (!index) {
    index = new Map(net.nodes.map((node, v) => [node, v]));
    INDEX.set(net, index);
  }
  return index;
}

/** The binding input of `sink` in the allocation `result` of `net`. */
export function bindingInput(net: AllocationNetwork, result: AllocationResult, sink: string, maxSteps = 20): BindingInput | null {
  const index = indexOf(net);
  const steps: BindingStep[] = [];
  const seen = new Set<string>();
  let node = sink;
  while (steps.length < maxSteps && !seen.has(node)) {
    seen.add(node);
    const prices = Object.entries(result.inputPrice[node] ?? {}).filter(([, p]) => p > EPS);
    if (prices.length === 0) break;
    const [material, price] = prices.sort(([a, p], [b, q]) => q - p || a.localeCompare(b))[0] as [string, number];
    const v = index.get(node) as number;
    const edges = (net.inEdges[v] ?? []).filter((e) => material === '*' || net.edgeMaterial[e] === material);
    if (edges.length === 0) break;
    const drop = (e: number) => (net.edgeFlow[e] as number) - (result.edgeFlow[net.edges[e] as string] ?? 0);
    const e = edges.sort((a, b) => drop(b) - drop(a) || (net.edgeFlow[b] as number) - (net.edgeFlow[a] as number) || (net.edges[a] as string).localeCompare(net.edges[b] as string))[0] as number;
    const supplier = net.nodes[net.edgeSource[e] as number] as string;
    steps.push({ node, material, from: net.country[net.edgeSource[e] as number] as string, supplier, price });
    node = supplier;
  }
  const root = steps[steps.length - 1];
  if (!root) return null;
  const name = (m: string) => (m === '*' ? 'any input' : m === '' ? 'unlabelled material' : m);
  const via = steps
    .slice(0, -1)
    .reverse()
    .map((s) => `${name(s.material)} from ${s.from}`)
    .filter((text, i, all) => text !== (i === 0 ? `${name(root.material)} from ${root.from}` : all[i - 1]));
  const text = `limited by ${name(root.material)} from ${root.from}${via.length > 0 ? ` (via ${via.join(', ')})` : ''}`;
  return { sink, material: root.material, from: root.from, steps, text };
}
