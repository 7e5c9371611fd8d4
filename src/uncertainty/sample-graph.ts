/**
 * One ensemble member: the graph and scenario with every uncertain input set to a drawn
 * value, its flows made mass-consistent and rescaled to published stage totals.
 *
 * Flows (`consistent-flows.ts`): a source's drawn out-flows are what it produced; at
 * every other node the drawn out-edge flows only set the split of its output, and the
 * amount is its member in-flow times its published yield (out/in), propagated in
 * topological order, so every plant of every member balances as in the published data.
 *
 * Stage totals (graph attribute `stageTotals`, t/yr): for a stage S with total T_S, the
 * sum F_S of the flows leaving S's operating nodes is linear in the source out-flows,
 * F_S(k) = F0 + k (F1 - F0) when the FREE drawn source out-flows upstream of S (drawn,
 * and not fixed by an earlier stage's total) are multiplied by k. So
 *
 *   k_S = (T_S - F0) / (F1 - F0)
 *
 * and those source flows are multiplied by k_S and fixed; stages are taken in the graph's
 * stage order. For S = mining (all sources) this is the rescaling of the stage's own drawn
 * flows, with the undrawn ones untouched. The draws then say how a known total splits
 * between routes, not that the world produced more or less than reported, and no plant is
 * unbalanced by the rescaling. A stage that no free drawn source reaches is left as it
 * is (its total cannot be met without unbalancing a plant: it is followed only as far as
 * the upstream totals and the yields carry it). When F0 alone exceeds T_S (k_S < 0) or
 * F1 = F0 with T_S unmet, ComputationError naming the stage. An edge without `capacity`
 * carries capacity = flow (as everywhere), so it follows the member's flow.
 */
import { ComputationError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { stagesOf } from '../model/stages.js';
import type { Scenario, ScenarioAction } from '../scenario/schema.js';
import { planFlows, propagateFlows, type FlowPlan } from './consistent-flows.js';
import type { UncertainInput } from './uncertain-inputs.js';

export interface SampledModel {
  graph: SupplyGraph;
  scenario: Scenario;
}

const plans = new WeakMap<SupplyGraph, FlowPlan>();

/** True when `plan` was built from the edges and flows `graph` has now (O(edges)). */
function isCurrent(plan: FlowPlan, graph: SupplyGraph): boolean {
  if (plan.edges.length !== graph.size) return false;
  let i = 0;
  let same = true;
  graph.forEachEdge((edge, a) => {
    if (edge !== plan.edges[i] || a.flow !== plan.nominal[i]) same = false;
    i += 1;
  });
  return same;
}

/** The flow plan of `graph`, built once per graph object and reused by its members while its edges and flows stay as they were. */
function planOf(graph: SupplyGraph): FlowPlan {
  let plan = plans.get(graph);
  if (!plan || !isCurrent(plan, graph)) {
    plan = planFlows(graph);
    plans.set(graph, plan);
  }
  return plan;
}

/** Per stage with a published total, in stage order: the multiplier of each source out-edge (1 = unchanged). */
function stageScales(graph: SupplyGraph, plan: FlowPlan, w: Float64Array, drawn: Uint8Array): Float64Array | undefined {
  const totals = graph.getAttribute('stageTotals');
  if (!totals) return undefined;
  const scale = new Float64Array(plan.edges.length).fill(1);
  const free = new Uint8Array(plan.edges.length);
  for (const v of plan.order) if (v.source) for (const e of v.outs) free[e] = drawn[e] as number;
  for (const stage of stagesOf(graph.getAttributes()).filter((s) => totals[s] !== undefined)) {
    const total = totals[stage] as number;
    const members = new Set(graph.filterNodes((_n, a) => a.stage === stage && a.status === 'operating'));
    const stageEdges = plan.order.filter((v) => members.has(v.node)).flatMap((v) => v.outs);
    // nodes that reach a member of S (members included), walking in-edges upstream
    const upstream = new Set(members);
    for (let i = plan.order.length - 1; i >= 0; i--) {
      const v = plan.order[i] as FlowPlan['order'][number];
      if (!upstream.has(v.node) && graph.someOutNeighbor(v.node, (t) => upstream.has(t))) upstream.add(v.node);
    }
    const scaled = plan.order.filter((v) => v.source && upstream.has(v.node)).flatMap((v) => v.outs).filter((e) => free[e] === 1);
    const sum = (flows: Float64Array) => stageEdges.reduce((s, e) => s + (flows[e] as number), 0);
    const F1 = sum(propagateFlows(plan, w, scale));
    const zeroed = Float64Array.from(scale);
    for (const e of scaled) zeroed[e] = 0;
    const F0 = sum(propagateFlows(plan, w, zeroed));
    if (scaled.length === 0 || F1 === F0) {
      if (scaled.length > 0 && F0 !== total) throw new ComputationError(`uncertainty/sample-graph: stage "${stage}": its flows cannot match its published total ${total} (fixed flows ${F0}, drawn flows 0)`);
      continue;
    }
    const k = (total - F0) / (F1 - F0);
    if (!(k >= 0) || !Number.isFinite(k)) {
      throw new ComputationError(`uncertainty/sample-graph: stage "${stage}": its flows cannot match its published total ${total} (fixed flows ${F0}, drawn flows ${F1 - F0})`);
    }
    for (const e of scaled) {
      scale[e] = (scale[e] as number) * k;
      free[e] = 0;
    }
  }
  return scale;
}

/**
 * The member whose inputs take `values` (values[i] for inputs[i]). The input graph and
 * scenario are not changed.
 */
export function sampleModel(graph: SupplyGraph, scenario: Scenario, inputs: readonly UncertainInput[], values: ArrayLike<number>): SampledModel {
  const out = graph.copy() as SupplyGraph;
  const actions: ScenarioAction[] = scenario.actions.map((a) => ({ ...a }));
  const plan = planOf(graph);
  const w = Float64Array.from(plan.nominal);
  const drawn = new Uint8Array(plan.edges.length);
  inputs.forEach((input, i) => {
    const value = values[i] as number;
    const t = input.target;
    switch (t.kind) {
      case 'edge':
        if (t.attribute === 'flow') {
          const e = plan.index.get(t.edge) as number;
          w[e] = value;
          drawn[e] = 1;
        } else out.setEdgeAttribute(t.edge, t.attribute, value);
        break;
      case 'node':
        out.setNodeAttribute(t.node, t.attribute, value);
        break;
      case 'recipe': {
        const recipes = (out.getNodeAttribute(t.node, 'recipes') ?? []).map((r) => ({ ...r, inputs: { ...r.inputs } }));
        const recipe = recipes[t.recipe];
        if (recipe) recipe.inputs[t.material] = value;
        out.setNodeAttribute(t.node, 'recipes', recipes);
        break;
      }
      case 'action': {
        const action = actions[t.action];
        if (action?.type === 'cap' && t.field === 'share') actions[t.action] = { ...action, share: value };
        else if (action?.type === 'scaleNode' && t.field === 'factor') actions[t.action] = { ...action, factor: value };
        break;
      }
    }
  });
  if (drawn.includes(1)) {
    const flows = propagateFlows(plan, w, stageScales(graph, plan, w, drawn));
    plan.edges.forEach((e, i) => out.setEdgeAttribute(e, 'flow', flows[i] as number));
  }
  return { graph: out, scenario: { ...scenario, actions } };
}
