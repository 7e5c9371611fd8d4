/**
 * Recipes of the production model (docs/format.md, "Recipes"; docs/scenarios.md, "The
 * allocation bound"): what each node's activity consumes and yields.
 *
 * A recipe r of node v: one unit of activity x_vr consumes a_vrk of each input material k
 * and yields one unit of output, split among output materials m by shares b_vrm (sum 1).
 *
 * Default recipe (a node without `recipes`), from the BASELINE flows of the active graph
 * (no action), with in_k / out_m the baseline in-flow of material k and out-flow of
 * material m of v, IN and OUT their sums:
 *
 *   a_k = in_k / OUT   (a sink: in_k / IN)        b_m = out_m / OUT
 *
 * so one unit of activity is one tonne of output, and the baseline flows are one feasible
 * plan with x_v = OUT (a sink: IN). Where that base is 0 (a new project, a node without
 * baseline flow, or a node absent from the baseline) the node is POOLED: any input
 * material counts with coefficient 1 and the outputs come in any mix. Explicit recipes
 * take their `inputs` as given; their `outputs` shares are normalised to sum to 1, and a
 * recipe without `outputs` uses the default shares b_m (pooled outputs when OUT = 0).
 * Materials are edge `material` values, "" for an edge without one.
 */
import type { SupplyGraph } from '../model/graph.js';

/** Coefficients by material, or POOLED: any material, coefficient 1 (inputs) / any mix (outputs). */
export type Coefficients = ReadonlyMap<string, number> | 'pooled';

export interface ResolvedRecipe {
  name: string;
  inputs: Coefficients;
  outputs: Coefficients;
}

/** The name of the recipe a node without `recipes` gets. */
export const DEFAULT_RECIPE = 'default';

/** The material an edge carries: its `material`, "" when it has none. */
export const materialOf = (attributes: { material?: string | undefined }): string => attributes.material ?? '';

/** Baseline in-flow and out-flow by material of `node` in `base` (empty maps when absent). */
function baseFlows(base: SupplyGraph, node: string): { inflow: Map<string, number>; outflow: Map<string, number> } {
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  if (!base.hasNode(node)) return { inflow, outflow };
  base.forEachInEdge(node, (_e, a) => inflow.set(materialOf(a), (inflow.get(materialOf(a)) ?? 0) + a.flow));
  base.forEachOutEdge(node, (_e, a) => outflow.set(materialOf(a), (outflow.get(materialOf(a)) ?? 0) + a.flow));
  return { inflow, outflow };
}

const total = (values: Map<string, number>) => [...values.values()].reduce((s, v) => s + v, 0);

function divided(values: ReadonlyMap<string, number>, by: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of values) if (v > 0) out.set(k, v / by);
  return out;
}

/**
 * The recipes of `node` of `graph`, the default ones computed from the baseline flows in
 * `base` (the active graph with no action). `isSink`: the node has in-edges and no
 * out-edge in `graph`.
 */
export function resolveRecipes(graph: SupplyGraph, base: SupplyGraph, node: string, isSink: boolean): ResolvedRecipe[] {
  const { inflow, outflow } = baseFlows(base, node);
  const IN = total(inflow);
  const OUT = total(outflow);
  const defaultOutputs: Coefficients = isSink || OUT <= 0 ? 'pooled' : divided(outflow, OUT);
  const explicit = graph.getNodeAttribute(node, 'recipes');
  if (explicit && explicit.length > 0) {
    return explicit.map((recipe) => {
      const inputs = new Map(Object.entries(recipe.inputs));
      if (!recipe.outputs) return { name: recipe.name, inputs, outputs: defaultOutputs };
      const shares = new Map(Object.entries(recipe.outputs));
      return { name: recipe.name, inputs, outputs: divided(shares, total(shares)) };
    });
  }
  const basis = isSink ? IN : OUT;
  if (basis <= 0) return [{ name: DEFAULT_RECIPE, inputs: 'pooled', outputs: 'pooled' }];
  return [{ name: DEFAULT_RECIPE, inputs: divided(inflow, basis), outputs: defaultOutputs }];
}
