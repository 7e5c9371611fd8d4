/**
 * The input of the allocation LP: a small index-based description of the (scenario-
 * modified) active graph with what the production model needs. Built once from a
 * SupplyGraph (`allocationNetwork`); callers that solve many variants (a timeline, a
 * Monte Carlo) build it once and pass overrides to `solveAllocation` instead.
 *
 * - end use of a sink: its `sector`, else its label, else its key (as `evaluate.ts`);
 * - sinkLimit of a sink: `demand ?? IN`, IN its in-flow (`flow`) in the graph solved;
 * - recipes: `recipes.ts`, defaults from the baseline flows of `base`.
 */
import { compactGraph } from '../model/compact.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import { materialOf, resolveRecipes, type ResolvedRecipe } from './recipes.js';

export interface AllocationNetwork {
  /** Node keys by index. */
  nodes: readonly string[];
  country: readonly string[];
  /** End use of each node (meaningful for sinks). */
  endUse: readonly string[];
  /** Node capacity (t/yr of activity), Infinity when none. */
  nodeCapacity: ArrayLike<number>;
  /** For a sink, `demand ?? IN`; Infinity for other nodes. */
  sinkLimit: ArrayLike<number>;
  /** Whether the sink's limit is a stated `demand` (else its in-flow). */
  hasDemand: readonly boolean[];
  recipes: readonly (readonly ResolvedRecipe[])[];
  /** Edge keys by index. */
  edges: readonly string[];
  edgeSource: ArrayLike<number>;
  edgeTarget: ArrayLike<number>;
  /** `capacity ?? flow` after the scenario's actions. */
  edgeCapacity: ArrayLike<number>;
  /** Observed (nominal) flow. */
  edgeFlow: ArrayLike<number>;
  edgeMaterial: readonly string[];
  /** In-edges and out-edges of each node, by edge index. */
  inEdges: readonly (readonly number[])[];
  outEdges: readonly (readonly number[])[];
}

/** Sources have no in-edge; sinks have in-edges and no out-edge. */
export const isSource = (net: AllocationNetwork, v: number) => (net.inEdges[v] ?? []).length === 0;
export const isSink = (net: AllocationNetwork, v: number) => (net.outEdges[v] ?? []).length === 0 && (net.inEdges[v] ?? []).length > 0;

/**
 * The allocation network of `graph` (an active graph, e.g. `applyScenario(...).graph`),
 * with default recipes from the baseline flows of `base` (default: `graph` itself).
 */
export function allocationNetwork(graph: SupplyGraph, base: SupplyGraph = graph): AllocationNetwork {
  const compact = compactGraph(graph);
  const n = compact.nodes.length;
  const inEdges: number[][] = Array.from({ length: n }, () => []);
  const outEdges: number[][] = Array.from({ length: n }, () => []);
  compact.edges.forEach((_e, e) => {
    outEdges[compact.edgeSource[e] as number]?.push(e);
    inEdges[compact.edgeTarget[e] as number]?.push(e);
  });
  const edgeMaterial = compact.edges.map((edge) => materialOf(graph.getEdgeAttributes(edge)));
  const endUse: string[] = [];
  const sinkLimit = new Float64Array(n);
  const hasDemand: boolean[] = [];
  const recipes: ResolvedRecipe[][] = [];
  compact.nodes.forEach((node, v) => {
    const a = graph.getNodeAttributes(node);
    endUse.push(a.sector ?? nodeLabel(node, a));
    const sink = (outEdges[v] ?? []).length === 0 && (inEdges[v] ?? []).length > 0;
    const inflow = (inEdges[v] ?? []).reduce((s, e) => s + (compact.edgeFlow[e] as number), 0);
    sinkLimit[v] = sink ? (a.demand ?? inflow) : Infinity;
    hasDemand.push(a.demand !== undefined);
    recipes.push(resolveRecipes(graph, base, node, sink));
  });
  return {
    nodes: compact.nodes,
    country: compact.country,
    endUse,
    nodeCapacity: compact.nodeCapacity,
    sinkLimit,
    hasDemand,
    recipes,
    edges: compact.edges,
    edgeSource: compact.edgeSource,
    edgeTarget: compact.edgeTarget,
    edgeCapacity: compact.edgeCapacity,
    edgeFlow: compact.edgeFlow,
    edgeMaterial,
    inEdges,
    outEdges,
  };
}
