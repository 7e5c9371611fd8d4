/**
 * One ensemble member: the graph and scenario with every uncertain input set to a drawn
 * value, and the flows of each stage with a published total rescaled to it.
 *
 * Stage totals (graph attribute `stageTotals`, t/yr): for a stage S with total T_S, let
 * E_S be the edges leaving operating nodes of S. When some edges of E_S had their flow
 * drawn (the set U), those flows are multiplied by
 *
 *   k_S = (T_S - sum of the fixed flows of E_S \ U) / (sum of the drawn flows of U)
 *
 * so the stage's flows again sum to its published total: the draws then say how the
 * total splits between routes, not that the world produced more or less than reported.
 * An edge without `capacity` carries capacity = flow (as everywhere), so it follows the
 * rescaled flow. When the fixed flows alone exceed T_S (k_S < 0) or the drawn ones sum
 * to 0, the data cannot match its total: ComputationError naming the stage.
 * A stage none of whose flows was drawn is left exactly as it is.
 */
import { ComputationError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { Scenario, ScenarioAction } from '../scenario/schema.js';
import type { UncertainInput } from './uncertain-inputs.js';

export interface SampledModel {
  graph: SupplyGraph;
  scenario: Scenario;
}

function rescaleStages(graph: SupplyGraph, drawnFlow: ReadonlySet<string>): void {
  const totals = graph.getAttribute('stageTotals');
  if (!totals) return;
  for (const [stage, total] of Object.entries(totals)) {
    const edges = graph.filterEdges((_e, _a, _s, _t, sa) => sa.stage === stage && sa.status === 'operating');
    const drawn = edges.filter((e) => drawnFlow.has(e));
    if (drawn.length === 0) continue;
    let fixed = 0;
    let sampled = 0;
    for (const e of edges) {
      if (drawnFlow.has(e)) sampled += graph.getEdgeAttribute(e, 'flow');
      else fixed += graph.getEdgeAttribute(e, 'flow');
    }
    const k = (total - fixed) / sampled;
    if (!(k >= 0) || !Number.isFinite(k)) {
      throw new ComputationError(`uncertainty/sample-graph: stage "${stage}": its flows cannot match its published total ${total} (fixed flows ${fixed}, drawn flows ${sampled})`);
    }
    for (const e of drawn) graph.setEdgeAttribute(e, 'flow', graph.getEdgeAttribute(e, 'flow') * k);
  }
}

/**
 * The member whose inputs take `values` (values[i] for inputs[i]). The input graph and
 * scenario are not changed.
 */
export function sampleModel(graph: SupplyGraph, scenario: Scenario, inputs: readonly UncertainInput[], values: ArrayLike<number>): SampledModel {
  const out = graph.copy() as SupplyGraph;
  const actions: ScenarioAction[] = scenario.actions.map((a) => ({ ...a }));
  const drawnFlow = new Set<string>();
  inputs.forEach((input, i) => {
    const value = values[i] as number;
    const t = input.target;
    switch (t.kind) {
      case 'edge':
        out.setEdgeAttribute(t.edge, t.attribute, value);
        if (t.attribute === 'flow') drawnFlow.add(t.edge);
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
  rescaleStages(out, drawnFlow);
  return { graph: out, scenario: { ...scenario, actions } };
}
