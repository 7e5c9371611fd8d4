/**
 * A scenario as an overlay on the baseline (`AppliedScenario.overlay`, `SideOptions.from`)
 * gives exactly what building its graph afresh gives: the side's compact graph, allocation
 * network and LP derived from the baseline side's equal those built from the applied
 * graph, and so do every figure computed on them; the bottleneck tables and per-sink max
 * flows read from the side's one max-flow solve equal `topKnockoutLosses` and `maxFlow` on
 * the applied graph. On every preset of the default dataset and on random scenarios of
 * generated graphs (with loops), both LP objectives.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAllocationLp, withCapacities, type Objective } from '../../src/allocation/allocation-lp.js';
import { allocationNetwork } from '../../src/allocation/allocation-network.js';
import { createRng } from '../../src/generate/prng.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { DEFAULT_PRESET_DIR, listPresets } from '../../src/io/read-scenario.js';
import { compactGraph } from '../../src/model/compact.js';
import { createSupplyGraph, nodeLabel, type SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { topKnockoutLosses } from '../../src/metrics/flow/knockout-top.js';
import { maxFlow } from '../../src/metrics/flow/max-flow.js';
import { applyScenario, isOwnActiveGraph, type AppliedScenario } from '../../src/scenario/apply-scenario.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { evaluateSide, groupMaxFlow, servedFirstOf, sinksOf, type Side } from '../../src/scenario/evaluation-side.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';

const file = 'graphs/rare-earths-2024.json';
let dataset: SupplyGraph;
let presets: Scenario[];
beforeAll(async () => {
  dataset = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
  presets = (await listPresets(DEFAULT_PRESET_DIR)).map((p) => parseScenario(p.scenario, p.file, dataset));
});

const generated = (seed: number, nodes = 140): SupplyGraph => parseGraph(generateSupplyGraph({ nodes, seed, backEdges: 0.05 }), `generated-${seed}`).graph;

/** Random actions of every kind that keeps the node set (no activation), drawn from the graph's own countries, nodes and materials. */
function randomScenario(graph: SupplyGraph, seed: number): Scenario {
  const rng = createRng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)] as T;
  const countries = [...new Set(graph.mapNodes((_n, a) => a.country))].sort();
  const nodes = graph.nodes();
  const materials = [...new Set(graph.mapEdges((_e, a) => a.material).filter((m): m is string => m !== undefined))].sort();
  const actions: unknown[] = [];
  const count = 1 + Math.floor(rng.next() * 3);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(rng.next() * 7);
    if (kind === 0) actions.push({ type: 'disableCountry', country: pick(countries) });
    else if (kind === 1) actions.push({ type: 'disableNode', node: pick(nodes) });
    else if (kind === 2) {
      const from = pick(countries);
      const to = countries.filter((c) => c !== from);
      actions.push({ type: 'embargo', from, ...(rng.next() < 0.5 && to.length > 0 ? { to: [pick(to)] } : {}), ...(materials.length > 0 && rng.next() < 0.3 ? { materials: [pick(materials)] } : {}) });
    }
    else if (kind === 3) actions.push({ type: 'cap', from: pick(countries), share: Math.round(rng.next() * 100) / 100 });
    else if (kind === 4) actions.push({ type: 'scaleNode', node: pick(nodes), factor: pick([0, 0.5, 1, 2]) });
    else if (kind === 5) actions.push({ type: 'embargo', from: pick(countries), origin: true, ...(rng.next() < 0.5 ? { originThreshold: 0.05 } : {}) });
    else actions.push({ type: 'disableCountry', country: 'CN' });
  }
  return parseScenario({ name: `random-${seed}`, actions }, `random-${seed}`, graph);
}

/** The applied scenario without its overlay: its side is then built from its own graph (the path without the baseline). */
function withoutOverlay(applied: AppliedScenario): AppliedScenario {
  const { overlay: _overlay, ...rest } = applied;
  return rest;
}

/** Every figure of a side that the evaluation reads, for comparing two sides. */
function figures(side: Side) {
  const sinks = sinksOf(side.applied.graph).sort();
  const groups = new Map(sinks.map((s) => [s, [s]]));
  if (sinks.length > 1) groups.set('all', sinks);
  return {
    supply: side.supply,
    edgeFlow: side.edgeFlow,
    allocation: side.allocation,
    served: side.allocation && side.objective === 'total' ? Object.fromEntries(servedFirstOf(side, groups)) : null,
    groupMaxFlow: sinks.length > 1 ? groupMaxFlow(side, sinks.slice(0, Math.ceil(sinks.length / 2))) : null,
  };
}

/** Checks one scenario on one graph: derived side = built side, and the evaluation's bottlenecks and per-sink flows = the reference functions. */
function checkScenario(graph: SupplyGraph, scenario: Scenario, objective: Objective): void {
  const before = applyScenario(graph, { name: 'baseline', actions: [] });
  const after = applyScenario(graph, scenario);
  const from = evaluateSide(before, before.graph, objective);
  const derived = evaluateSide(after, before.graph, objective, { from });
  const built = evaluateSide(withoutOverlay(after), before.graph, objective);
  const what = `${scenario.name} (${objective})`;
  if (after.overlay) {
    // The overlay really is the difference: the baseline graph with its capacities is the applied graph.
    const overlaid = before.graph.copy();
    for (const [node, capacity] of after.overlay.nodeCapacity) overlaid.setNodeAttribute(node, 'capacity', capacity);
    for (const [edge, capacity] of after.overlay.edgeCapacity) overlaid.setEdgeAttribute(edge, 'capacity', capacity);
    expect(overlaid.export(), what).toEqual(after.graph.export());
    expect(derived.compact, what).toEqual(compactGraph(after.graph));
    expect(derived.network, what).toEqual(allocationNetwork(after.graph, before.graph));
    expect(derived.lp, what).toEqual(buildAllocationLp(allocationNetwork(after.graph, before.graph), { objective }));
  }
  expect(figures(derived), what).toEqual(figures(built));
  const result = evaluateScenario(graph, scenario, { top: 5, objective });
  const reference = (g: SupplyGraph) =>
    topKnockoutLosses(g, 5, (node) => g.outDegree(node) > 0).map(([node, loss]) => {
      const a = g.getNodeAttributes(node);
      return { node, label: nodeLabel(node, a), stage: a.stage, country: a.country, loss };
    });
  expect(result.bottlenecks, what).toEqual({ before: reference(before.graph), after: reference(after.graph) });
  for (const [side, applied] of [
    [result.baseline, before],
    [result.scenario, after],
  ] as const) {
    const flow = maxFlow(applied.graph);
    expect(side.maxFlow, what).toBe(flow.value);
    for (const sink of sinksOf(applied.graph)) expect(side.bySink[sink]?.maxFlow, `${what} ${sink}`).toBe(applied.graph.reduceInEdges(sink, (t, e) => t + (flow.edgeFlow[e] ?? 0), 0));
  }
}

describe('scenario overlay on the baseline', () => {
  it('equals the built path on every preset of the default dataset (objectives total and fair)', () => {
    for (const objective of ['total', 'fair'] as const) for (const scenario of presets) checkScenario(dataset, scenario, objective);
  });

  it('equals the built path on random scenarios of generated graphs with loops', () => {
    let overlays = 0;
    for (const seed of [3, 11, 29]) {
      const graph = generated(seed);
      for (let k = 0; k < 6; k++) {
        const scenario = randomScenario(graph, seed * 100 + k);
        if (applyScenario(graph, scenario).overlay) overlays += 1;
        checkScenario(graph, scenario, k % 3 === 2 ? 'fair' : 'total');
      }
    }
    expect(overlays).toBe(18);
  });

  it('an activation leaves no overlay; a baseline with no action has one without overrides', () => {
    const activate = presets.find((s) => s.actions.some((a) => a.type === 'activate'));
    expect(activate).toBeDefined();
    const applied = applyScenario(dataset, activate as Scenario);
    if (applied.changes.some((c) => c.type === 'activate' && c.nodeCount > 0)) expect(applied.overlay).toBeUndefined();
    const before = applyScenario(dataset, { name: 'baseline', actions: [] });
    expect(before.overlay?.input).toBe(dataset);
    expect(before.overlay?.nodeCapacity.size).toBe(0);
    expect(before.overlay?.edgeCapacity.size).toBe(0);
  });

  it('withCapacities declines when a node capacity turns finite (its cap row would be new), and the side then builds the LP', () => {
    const graph = generated(5, 60);
    const node = graph.findNode((n) => graph.outDegree(n) > 0 && graph.inDegree(n) > 0) as string;
    graph.removeNodeAttribute(node, 'capacity');
    const scenario = parseScenario({ name: 'scale', actions: [{ type: 'scaleNode', node, factor: 0.5 }] }, 'scale', graph);
    const before = applyScenario(graph, { name: 'baseline', actions: [] });
    const after = applyScenario(graph, scenario);
    const from = evaluateSide(before, before.graph, 'total');
    expect(withCapacities(from.lp as NonNullable<Side['lp']>, allocationNetwork(after.graph, before.graph))).toBeUndefined();
    checkScenario(graph, scenario, 'total');
  });

  it('an all-operating graph is copied exactly as it is built element by element', () => {
    const graph = generated(7, 80);
    const reference = createSupplyGraph();
    reference.replaceAttributes({ ...graph.getAttributes() });
    graph.forEachNode((node, a) => reference.addNode(node, { ...a, status: 'operating' }));
    graph.forEachEdge((edge, a, s, t) => reference.addDirectedEdgeWithKey(edge, s, t, { ...a }));
    const applied = applyScenario(graph, { name: 'baseline', actions: [] }).graph;
    expect(applied).not.toBe(graph);
    expect(applied.export()).toEqual(reference.export());
    expect([applied.type, applied.multi, applied.allowSelfLoops]).toEqual([reference.type, reference.multi, reference.allowSelfLoops]);
    // A copy: changing it leaves the input alone.
    applied.setNodeAttribute(graph.nodes()[0] as string, 'capacity', 0);
    expect(graph.getNodeAttribute(graph.nodes()[0] as string, 'capacity')).not.toBe(0);
  });

  it('applied on the active graph (ApplyOptions.active): the same scenario, its graph built only when read, the active graph unchanged', () => {
    const cases: [SupplyGraph, Scenario][] = presets.map((scenario) => [dataset, scenario]);
    for (const seed of [3, 11]) {
      const graph = generated(seed);
      for (let k = 0; k < 4; k++) cases.push([graph, randomScenario(graph, seed * 100 + k)]);
    }
    let lazy = 0;
    for (const [graph, scenario] of cases) {
      const active = applyScenario(graph, { name: 'baseline', actions: [] }).graph;
      const exported = active.export();
      const eager = applyScenario(graph, scenario);
      const onActive = applyScenario(graph, scenario, { active });
      const what = scenario.name;
      expect({ pass: onActive.pass, limit: onActive.limit, changes: onActive.changes, warnings: onActive.warnings, overlay: onActive.overlay }, what).toEqual({
        pass: eager.pass,
        limit: eager.limit,
        changes: eager.changes,
        warnings: eager.warnings,
        overlay: eager.overlay,
      });
      if (eager.overlay) {
        expect(onActive.shape, what).toBe(active);
        if (Object.getOwnPropertyDescriptor(onActive, 'graph')?.get) lazy += 1;
      }
      expect(onActive.graph.export(), what).toEqual(eager.graph.export());
      expect(onActive.graph, what).toBe(onActive.graph);
      expect(active.export(), what).toEqual(exported);
      expect(eager.shape, what).toBe(eager.graph);
    }
    expect(lazy).toBeGreaterThan(4);
  });

  it('a graph whose nodes all operate is its own active graph; the baseline evaluated on it equals the one on a copy', () => {
    const graph = generated(13, 80);
    expect(isOwnActiveGraph(graph)).toBe(true);
    const copy = applyScenario(graph, { name: 'baseline', actions: [] });
    const own = applyScenario(graph, { name: 'baseline', actions: [] }, { active: graph });
    expect(own.graph).toBe(graph);
    expect(figures(evaluateSide(own, own.graph, 'total'))).toEqual(figures(evaluateSide(copy, copy.graph, 'total')));
    const withProject = graph.copy();
    withProject.setNodeAttribute(withProject.nodes()[0] as string, 'status', 'planned');
    expect(isOwnActiveGraph(withProject)).toBe(false);
  });
});
