/**
 * A node's values under the scenario next to its baseline, read from a scenario result:
 * throughput = max(Σ in-flow, Σ out-flow) on the proportional flows after the scenario
 * (`result.flows.proportional`) against the observed flows; for an end-use sink the
 * delivered supply under the three bounds (`bySink`); whether the scenario took it offline,
 * activated it or cut its edges; its knockout loss before and after when it is in the
 * answer's top lists (the lens country's lists when the result has a lens).
 * An offline node's throughput after is its out-flow (material still sent to it is
 * stranded there, not passed on). Pure.
 */
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { edgeId, type GraphData } from './elements.js';

export interface NodeScenarioValues {
  throughputBefore: number;
  throughputAfter: number | null;
  /** For a sink: delivered before and after, under each bound. */
  sink: { proportional: [number, number]; allocation: [number, number]; maxFlow: [number, number] } | null;
  offline: boolean;
  activated: boolean;
  /** Edges of the node cut or capped by the scenario. */
  cutEdges: number;
  knockoutAfter: number | null;
  /** Knockout loss at baseline from the answer's baseline top list (null: below it, or no result). */
  knockoutBefore: number | null;
}

export function nodeScenarioValues(graph: GraphData, node: string, result: ScenarioResult | null): NodeScenarioValues {
  const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);
  const ins = graph.edges.filter((e) => e.target === node);
  const outs = graph.edges.filter((e) => e.source === node);
  const throughputBefore = Math.max(sum(ins.map((e) => e.attributes.flow)), sum(outs.map((e) => e.attributes.flow)));
  if (!result) return { throughputBefore, throughputAfter: null, sink: null, offline: false, activated: false, cutEdges: 0, knockoutAfter: null, knockoutBefore: null };
  const after = result.flows?.proportional ?? {};
  const flowAfter = (list: typeof ins) => sum(list.map((e) => after[edgeId(e)] ?? 0));
  const b = result.baseline.bySink[node];
  const s = result.scenario.bySink[node];
  const touched = new Set([...ins, ...outs].map(edgeId));
  let cutEdges = 0;
  let offline = false;
  let activated = false;
  for (const change of result.changes) {
    if ((change.type === 'embargo' || change.type === 'cap') && change.edges.length > 0) cutEdges += change.edges.filter((e) => touched.has(e)).length;
    if ((change.type === 'disableCountry' || change.type === 'disableNode') && change.nodes.includes(node)) offline = true;
    if (change.type === 'activate' && change.nodes.includes(node)) activated = true;
  }
  const lists = result.lens ? result.lens.bottlenecks : result.bottlenecks;
  return {
    throughputBefore,
    throughputAfter: offline ? flowAfter(outs) : Math.max(flowAfter(ins), flowAfter(outs)),
    sink: b && s ? { proportional: [b.proportional, s.proportional], allocation: [b.allocation, s.allocation], maxFlow: [b.ownMaxFlow, s.ownMaxFlow] } : null,
    offline,
    activated,
    cutEdges,
    knockoutAfter: lists.after.find((x) => x.node === node)?.loss ?? null,
    knockoutBefore: lists.before.find((x) => x.node === node)?.loss ?? null,
  };
}
