/**
 * Fuzz: scenarios built from a graph's own countries, nodes and materials (plus odd
 * values), then mutated, either are refused by parseScenario with an InputError or
 * evaluate to a result whose every number is finite; evaluateScenario may only throw a
 * typed ChokepointError (a ComputationError when the baseline delivers nothing). Run on
 * tests/fixtures/graphs/tiny.json and on the default dataset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChokepointError, InputError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { atTheLimit, mutate, mutationArbitrary, nonFiniteNumbers } from './mutate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
const TINY = readJson('tests/fixtures/graphs/tiny.json');
const DATASET = readJson('graphs/rare-earths-2024.json');

/** Mostly one of `valid`, now and then one of `odd`. */
const pick = <T>(valid: readonly T[], odd: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });

function vocabulary(graph: SupplyGraph) {
  const materials = new Set<string>();
  graph.forEachEdge((_e, a) => {
    if (a.material !== undefined) materials.add(a.material);
  });
  const planned = graph.filterNodes((_n, a) => a.status !== 'operating');
  return {
    country: pick([...new Set(graph.mapNodes((_n, a) => a.country))], ['FR', 'XX', 'cn', '']),
    node: pick(graph.nodes(), ['no-such-node', '__proto__', 'constructor', '']),
    planned: pick(planned.length > 0 ? planned : graph.nodes(), [...graph.nodes(), '__proto__']),
    material: pick([...materials], ['unobtainium', '']),
  };
}

/** Scenarios drawn from the graph's vocabulary, each action type with valid and odd values. */
function scenarioArbitrary(graph: SupplyGraph): fc.Arbitrary<unknown> {
  const v = vocabulary(graph);
  const filters = { to: fc.array(v.country, { minLength: 1, maxLength: 2 }), materials: fc.array(v.material, { minLength: 1, maxLength: 2 }) };
  const action = fc.oneof(
    fc.record({ type: fc.constant('disableCountry'), country: v.country }),
    fc.record({ type: fc.constant('embargo'), from: v.country, ...filters }, { requiredKeys: ['type', 'from'] }),
    fc.record({ type: fc.constant('cap'), from: v.country, share: pick([0, 0.25, 0.5, 0.99, 1], [-0.1, 1.5]), ...filters }, { requiredKeys: ['type', 'from', 'share'] }),
    fc.record({ type: fc.constant('disableNode'), node: v.node }),
    fc.record({ type: fc.constant('scaleNode'), node: v.node, factor: pick([0, 0.1, 0.5, 1, 2, 10], [-1, 1e300, Number.MAX_VALUE, 5e-324]) }),
    fc.record({ type: fc.constant('activate'), year: pick([2020, 2026, 2030, 2035], [2030.5, 1e300]) }),
    fc.record({ type: fc.constant('activate'), nodes: fc.uniqueArray(v.planned, { minLength: 1, maxLength: 3 }) }),
  );
  return fc.record({ name: fc.constant('fuzz'), actions: fc.array(action, { maxLength: 4 }) });
}

function check(graph: SupplyGraph, data: unknown): void {
  let scenario;
  try {
    scenario = parseScenario(data, 'fuzz-scenario.json', graph);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message.startsWith('fuzz-scenario.json: ')).toBe(true);
    return;
  }
  try {
    const result = evaluateScenario(graph, scenario, { top: 3 });
    expect(nonFiniteNumbers(result)).toEqual([]);
    expect(Object.keys(result.baseline.bySink).sort()).toEqual(Object.keys(result.loss.bySink).sort());
  } catch (error) {
    expect(error).toBeInstanceOf(ChokepointError);
  }
}

function fuzz(doc: unknown, seed: number, numRuns: number): void {
  const { graph } = parseGraph(doc, 'graph.json');
  fc.assert(
    fc.property(scenarioArbitrary(graph), fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: mutationArbitrary, weight: 1 }), (scenario, mutations) => check(graph, mutations ? mutate(scenario, mutations) : scenario)),
    { seed, numRuns },
  );
}

describe('parseScenario + evaluateScenario under mutation', () => {
  it('tiny.json: a finite result or a typed error', () => fuzz(TINY, 20261129, 300));
  it('tiny.json with every quantity at the limit: a finite result or a typed error', () => fuzz(atTheLimit(TINY), 20261130, 150));
  it('the default dataset: a finite result or a typed error', () => fuzz(DATASET, 20261131, 40));
});

// Issue 14: scale factors that multiply past the float range (1e308 x 1e308 x 0 gave NaN
// losses), and action counts around the limit.
describe('scale factors and action counts', () => {
  const { graph } = parseGraph(TINY, 'graph.json');
  const factor = fc.constantFrom(0, 5e-324, 1e-300, 0.5, 1, 2, 1e3, 1e6, 1e6 + 1, 1e300, 1e308, Number.MAX_VALUE);

  it('any sequence of factors on one node: refused with an InputError or a finite result', () => {
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 6 }), fc.constantFrom(...graph.nodes()), (factors, node) => {
        check(graph, { name: 'scale', actions: factors.map((f) => ({ type: 'scaleNode', node, factor: f })) });
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('more actions than maxActions: always an InputError naming the count, before any action is checked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), (count, maxActions) => {
        const data = { name: 'many', actions: Array.from({ length: count }, (_, i) => (i % 2 === 0 ? { type: 'nope' } : { type: 'disableCountry', country: 'CN' })) };
        try {
          parseScenario(data, 'many.json', graph, { maxActions });
          expect(count).toBe(0);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          if (count > maxActions) expect((error as InputError).problems).toEqual([{ element: 'scenario', message: `actions: ${count} actions; a scenario may have at most ${maxActions}` }]);
          else expect((error as InputError).problems.every((p) => p.element.startsWith('action '))).toBe(true);
        }
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });
});
