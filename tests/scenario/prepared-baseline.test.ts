/**
 * A prepared baseline (`prepareBaseline`, reused by the server per loaded graph) gives the
 * same results as evaluating from scratch: every preset on the default dataset, both LP
 * objectives, with and without a country lens, the same baseline reused across scenarios.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_DIR, listPresets } from '../../src/io/read-scenario.js';
import { UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario, prepareBaseline } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Preset } from '../../src/scenario/presets.js';
import { chain } from './graphs.js';

const file = 'graphs/rare-earths-2024.json';
let graph: SupplyGraph;
let presets: Preset[];
beforeAll(async () => {
  graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
  presets = await listPresets(DEFAULT_PRESET_DIR);
});

describe('prepareBaseline', () => {
  it('gives the same results as evaluating from scratch, on every preset (objective total, lens US then none)', () => {
    const baseline = prepareBaseline(graph);
    for (const country of ['US', undefined]) {
      for (const preset of presets) {
        const scenario = parseScenario(preset.scenario, preset.file, graph);
        const options = country === undefined ? {} : { country };
        expect(evaluateScenario(graph, scenario, { ...options, baseline }), `${preset.id} ${country}`).toEqual(evaluateScenario(graph, scenario, options));
      }
    }
  });

  it('objective fair, a smaller top, and another country after the first', () => {
    const baseline = prepareBaseline(graph, { objective: 'fair' });
    for (const preset of presets.slice(0, 4)) {
      const scenario = parseScenario(preset.scenario, preset.file, graph);
      for (const options of [{ objective: 'fair' as const, top: 3 }, { objective: 'fair' as const, country: 'JP' }]) {
        expect(evaluateScenario(graph, scenario, { ...options, baseline }), preset.id).toEqual(evaluateScenario(graph, scenario, options));
      }
    }
  });

  it('results do not share the baseline: changing one result changes no other', () => {
    const baseline = prepareBaseline(graph);
    const scenario = parseScenario(presets[1]?.scenario, presets[1]?.file ?? '', graph);
    const first = evaluateScenario(graph, scenario, { baseline });
    first.baseline.maxFlow = -1;
    (first.baseline.bySink[Object.keys(first.baseline.bySink)[0] as string] as { maxFlow: number }).maxFlow = -1;
    (first.bottlenecks.before[0] as { loss: number }).loss = -1;
    expect(evaluateScenario(graph, scenario, { baseline })).toEqual(evaluateScenario(graph, scenario));
  });

  it('refuses a baseline of another graph or another objective', () => {
    const baseline = prepareBaseline(chain());
    const scenario = { name: 't', actions: [] };
    expect(() => evaluateScenario(chain(), scenario, { baseline })).toThrow(UsageError);
    expect(() => evaluateScenario(baseline.graph, scenario, { baseline, objective: 'fair' })).toThrow(/objective "total", not "fair"/);
    expect(() => prepareBaseline(chain(), { objective: 'best' as never })).toThrow(UsageError);
  });
});
