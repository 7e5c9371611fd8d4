/**
 * The uncertain inputs of a scenario on a graph: every figure that carries a range, each
 * with the interval an ensemble draws it from.
 *
 * Figures: an edge's `flow` and `capacity`, a node's `capacity` and `stock`, each input
 * coefficient of a node's `recipes` (the production model's bill of materials), and a
 * scenario action's `share` (cap) or `factor` (scaleNode). Interval of a figure x:
 *
 *   explicit range   [low, high] from the attributes (`model/ranges.ts`; actions: `{low, high}`)
 *   by confidence    [max(0, x (1 - s)), x (1 + s)], s = spreads[confidence]
 *                    (defaults: high 0.10, medium 0.30, low 0.60); recipe coefficients
 *                    take their node's confidence
 *   otherwise        fixed (not an input)
 *
 * Distribution: uniform on the interval, independent across inputs (Latin hypercube
 * draws, `latin-hypercube.ts`), except that flows of a stage with a published total are
 * rescaled together (`sample-graph.ts`). Uniform is the least-committal choice when only
 * bounds are known; it is what "low 60%" can honestly claim. An interval of width 0 (a
 * figure of 0, a spread of 0) is fixed, so a graph with zero spread has no inputs and
 * every ensemble member equals the point result. Pure: no I/O.
 */
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { EDGE_RANGES, NODE_RANGES, type RangeSpec } from '../model/ranges.js';
import { CONFIDENCE_LEVELS, type NodeAttributes } from '../model/schema.js';
import type { Scenario } from '../scenario/schema.js';

export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Relative half-width of the interval of a figure by its confidence. */
export type Spreads = Record<Confidence, number>;

export const DEFAULT_SPREADS: Readonly<Spreads> = { high: 0.1, medium: 0.3, low: 0.6 };

/** Where an input's value goes. */
export type InputTarget =
  | { kind: 'edge'; edge: string; attribute: string }
  | { kind: 'node'; node: string; attribute: string }
  | { kind: 'recipe'; node: string; recipe: number; material: string }
  | { kind: 'action'; action: number; field: 'share' | 'factor' };

export interface UncertainInput {
  /** Names the figure: `edge "a -> b" flow`, `node "x" capacity`, `action 0 (cap) share`. */
  id: string;
  target: InputTarget;
  /** The published figure (an action range: its midpoint, what a point evaluation uses). */
  point: number;
  low: number;
  high: number;
  /** `range` for an explicit range, else the confidence level that set the spread. */
  origin: 'range' | Confidence;
}

/** Checks and completes a spreads option: each value finite and >= 0. */
export function resolveSpreads(spreads: Partial<Spreads> = {}): Spreads {
  for (const key of Object.keys(spreads)) {
    if (!(CONFIDENCE_LEVELS as readonly string[]).includes(key)) throw new UsageError(`uncertainty: unknown confidence level "${key}" in spreads (known: ${CONFIDENCE_LEVELS.join(', ')})`);
  }
  const out = { ...DEFAULT_SPREADS, ...spreads };
  for (const [level, s] of Object.entries(out)) {
    if (!Number.isFinite(s) || s < 0) throw new UsageError(`uncertainty: spread for "${level}" must be a finite number >= 0 (got ${s})`);
  }
  return out;
}

function interval(attributes: Record<string, unknown>, spec: RangeSpec, spreads: Spreads): { point: number; low: number; high: number; origin: UncertainInput['origin'] } | null {
  const point = attributes[spec.quantity];
  if (typeof point !== 'number') return null;
  const low = attributes[spec.low];
  const high = attributes[spec.high];
  if (typeof low === 'number' && typeof high === 'number') return low < high ? { point, low, high, origin: 'range' } : null;
  const confidence = attributes.confidence as Confidence | undefined;
  if (confidence === undefined) return null;
  const s = spreads[confidence];
  const lo = Math.max(0, point * (1 - s));
  const hi = point * (1 + s);
  return lo < hi ? { point, low: lo, high: hi, origin: confidence } : null;
}

/** The input coefficients of a node's explicit recipes: [recipe index, material, coefficient]. */
function recipeCoefficients(attributes: NodeAttributes): [number, string, number][] {
  return (attributes.recipes ?? []).flatMap((recipe, r) => Object.entries(recipe.inputs).map(([material, coefficient]): [number, string, number] => [r, material, coefficient]));
}

/** Every uncertain input of `scenario` on `graph`, in a fixed order: edges, nodes, recipes, actions. */
export function uncertainInputs(graph: SupplyGraph, scenario: Scenario, spreads: Partial<Spreads> = {}): UncertainInput[] {
  const s = resolveSpreads(spreads);
  const inputs: UncertainInput[] = [];
  graph.forEachEdge((edge, a, source, target) => {
    for (const spec of EDGE_RANGES) {
      const range = interval(a, spec, s);
      if (range) inputs.push({ id: `edge "${source} -> ${target}" ${spec.quantity}`, target: { kind: 'edge', edge, attribute: spec.quantity }, ...range });
    }
  });
  graph.forEachNode((node, a) => {
    for (const spec of NODE_RANGES) {
      const range = interval(a, spec, s);
      if (range) inputs.push({ id: `node "${node}" ${spec.quantity}`, target: { kind: 'node', node, attribute: spec.quantity }, ...range });
    }
  });
  graph.forEachNode((node, a) => {
    const confidence = a.confidence;
    if (confidence === undefined) return;
    for (const [recipe, material, point] of recipeCoefficients(a)) {
      const low = Math.max(0, point * (1 - s[confidence]));
      const high = point * (1 + s[confidence]);
      if (low < high) inputs.push({ id: `node "${node}" recipe ${recipe} ${material}`, target: { kind: 'recipe', node, recipe, material }, point, low, high, origin: confidence });
    }
  });
  scenario.actions.forEach((action, index) => {
    const value = action.type === 'cap' ? action.share : action.type === 'scaleNode' ? action.factor : undefined;
    if (value === undefined || typeof value === 'number' || !(value.low < value.high)) return;
    const field = action.type === 'cap' ? 'share' : 'factor';
    inputs.push({ id: `action ${index} (${action.type}) ${field}`, target: { kind: 'action', action: index, field }, point: (value.low + value.high) / 2, low: value.low, high: value.high, origin: 'range' });
  });
  return inputs;
}
