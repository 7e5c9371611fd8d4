/**
 * `servedFirstAllocation` skips the LP of a group whose sinks the optimum already serves
 * at their limits (the proof is in its doc comment). Checked here against the full
 * computation, one LP per group maximising only the group's sinks (`servedFirst` solved
 * from scratch), on the default dataset's presets (baseline and scenario; end uses,
 * countries and all sinks as groups) and on random generated graphs with random actions
 * and demands. Also the corollary: in the baseline every end use is served in full.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocationNetwork, buildAllocationLp, isSink, servedFirst, servedFirstAllocation, solveAllocation, solveLp, type AllocationNetwork } from '../../src/allocation/index.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { DEFAULT_PRESET_DIR, listPresets } from '../../src/io/read-scenario.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Preset } from '../../src/scenario/presets.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** Groups of sinks: each end use, each country's sinks, and all sinks. */
function groupsOf(net: AllocationNetwork): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  const add = (name: string, sink: string) => (groups[name] ??= []).push(sink);
  net.nodes.forEach((node, v) => {
    if (!isSink(net, v)) return;
    add(`end use ${net.endUse[v] as string}`, node);
    add(`country ${net.country[v] as string}`, node);
    add('all', node);
  });
  return groups;
}

/** The full computation: one LP per group, from scratch. */
function fullServedFirst(net: AllocationNetwork, groups: Record<string, string[]>): Record<string, number> {
  const built = buildAllocationLp(net, { objective: 'total' });
  const index = new Map(net.nodes.map((node, v) => [node, v]));
  return Object.fromEntries(Object.entries(groups).map(([name, sinks]) => [name, solveLp(servedFirst(built, sinks.map((s) => index.get(s) as number))).objective]));
}

function expectSame(actual: Record<string, number>, expected: Record<string, number>, label: string) {
  expect(Object.keys(actual).sort(), label).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) {
    expect(Math.abs((actual[name] ?? NaN) - value), `${label}: ${name}`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(value)));
  }
}

/** Checks the shortcut, with and without a given optimum, against the full computation. */
function check(graph: SupplyGraph, scenario: Scenario, label: string) {
  const base = applyScenario(graph, { name: 'baseline', actions: [] });
  for (const [side, applied] of [['baseline', base], ['scenario', applyScenario(graph, scenario)]] as const) {
    const net = allocationNetwork(applied.graph, base.graph);
    const groups = groupsOf(net);
    const expected = fullServedFirst(net, groups);
    expectSame(servedFirstAllocation(net, groups), expected, `${label} ${side}`);
    for (const objective of ['total', 'fair'] as const) {
      expectSame(servedFirstAllocation(net, groups, { optimum: solveAllocation(net, { objective }) }), expected, `${label} ${side} (optimum ${objective})`);
    }
  }
}

describe('servedFirstAllocation: the shortcut equals the full computation', () => {
  const file = 'graphs/rare-earths-2024.json';
  let graph: SupplyGraph;
  let presets: Preset[];
  beforeAll(async () => {
    graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
    presets = await listPresets(DEFAULT_PRESET_DIR);
  });

  it('on the default dataset presets', () => {
    expect(presets.length).toBeGreaterThanOrEqual(10);
    for (const preset of presets) check(graph, parseScenario(preset.scenario, preset.file, graph), preset.id);
  });

  it('in the default baseline every end use is served in full: the sum of its sinks limits', () => {
    const base = applyScenario(graph, { name: 'baseline', actions: [] });
    const net = allocationNetwork(base.graph);
    const groups = groupsOf(net);
    const served = servedFirstAllocation(net, groups);
    const index = new Map(net.nodes.map((node, v) => [node, v]));
    for (const [name, sinks] of Object.entries(groups)) {
      const limits = sinks.reduce((s, sink) => s + (net.sinkLimit[index.get(sink) as number] as number), 0);
      expect(served[name], name).toBe(limits);
    }
  });

  it('counts a listed non-sink as 0, a sink twice when listed twice, and an unknown key not at all', () => {
    const base = applyScenario(graph, { name: 'baseline', actions: [] });
    const net = allocationNetwork(base.graph);
    const sink = net.nodes.find((_n, v) => isSink(net, v) && (net.sinkLimit[v] as number) > 0) as string;
    const source = net.nodes.find((_n, v) => (net.inEdges[v] ?? []).length === 0) as string;
    const groups = { twice: [sink, sink], other: [source], unknown: ['no such node'], mixed: [sink, source, 'no such node'] };
    expectSame(servedFirstAllocation(net, groups), fullServedFirst(net, groups), 'special groups');
    expect(servedFirstAllocation(net, groups).other).toBe(0);
  });

  it('with a sink limit lifted to infinity (no demand row), the LP is solved', () => {
    const base = applyScenario(graph, { name: 'baseline', actions: [] });
    const net = allocationNetwork(base.graph);
    const groups = groupsOf(net);
    const sinkLimit = new Map(net.nodes.filter((_n, v) => isSink(net, v)).map((node) => [node, Infinity]));
    const built = buildAllocationLp(net, { objective: 'total', sinkLimit });
    const index = new Map(net.nodes.map((node, v) => [node, v]));
    const expected = Object.fromEntries(Object.entries(groups).map(([name, sinks]) => [name, solveLp(servedFirst(built, sinks.map((s) => index.get(s) as number))).objective]));
    expectSame(servedFirstAllocation(net, groups, { sinkLimit }), expected, 'uncapped sinks');
  });
});

describe('servedFirstAllocation on random graphs', () => {
  it('equals the full computation under random actions and demands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 90 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        fc.boolean(),
        (nodes, seed, share, demandFactor, withDemand) => {
          const graph = parseGraph(generateSupplyGraph({ nodes, seed, backEdges: 0.05 }), 'generated.json').graph;
          let k = 0;
          graph.forEachNode((node) => {
            k += 1;
            if (withDemand && k % 2 === 0 && graph.outDegree(node) === 0 && graph.inDegree(node) > 0) {
              graph.setNodeAttribute(node, 'demand', demandFactor * graph.reduceInEdges(node, (s, _e, a) => s + a.flow, 0));
            }
          });
          const countries = [...new Set(graph.mapNodes((_n, a) => a.country))].sort();
          const from = countries[seed % countries.length] as string;
          const scenario: Scenario = { name: 'random', actions: [{ type: 'cap', from, share }] };
          check(graph, scenario, `nodes ${nodes} seed ${seed}`);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('equals the full computation when a country goes offline (sinks no plan reaches, LP without dead columns)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 90 }), fc.integer({ min: 1, max: 10_000 }), (nodes, seed) => {
        const graph = parseGraph(generateSupplyGraph({ nodes, seed, backEdges: 0.05 }), 'generated.json').graph;
        const countries = [...new Set(graph.mapNodes((_n, a) => a.country))].sort();
        const country = countries[seed % countries.length] as string;
        check(graph, { name: 'random outage', actions: [{ type: 'disableCountry', country }] }, `nodes ${nodes} seed ${seed} without ${country}`);
      }),
      { numRuns: 12, seed: 15 },
    );
  });
});
