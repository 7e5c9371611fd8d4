/**
 * Every preset in graphs/scenarios/ runs on the default dataset and gives plausible
 * results. (The same presets on a copy of the dataset are checked against networkx in
 * networkx-fixtures.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_DIR, listPresets } from '../../src/io/read-scenario.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario, type ScenarioResult } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Preset } from '../../src/scenario/presets.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DATASET = join(ROOT, 'graphs', 'rare-earths-2024.json');

let graph: SupplyGraph;
let presets: Preset[];
const results = new Map<string, ScenarioResult>();

beforeAll(async () => {
  graph = parseGraph(JSON.parse(readFileSync(DATASET, 'utf8')), DATASET).graph;
  presets = await listPresets(DEFAULT_PRESET_DIR);
  for (const preset of presets) results.set(preset.id, evaluateScenario(graph, parseScenario(preset.scenario, preset.file, graph)));
});

const sinkLoss = (id: string, sink: string) => results.get(id)?.loss.bySink[sink];
const endUse = (id: string, sector: string) => results.get(id)?.loss.byEndUse.find((e) => e.endUse === sector)?.loss;
const EVS = 'EVs, hybrids and vehicle motors';

describe('scenario presets on the default dataset', () => {
  it('ships the expected presets, each citing a source', () => {
    expect(presets.map((p) => p.id)).toEqual([
      'all-projects-2030',
      'china-april-2025-controls',
      'china-full-embargo',
      'myanmar-offline',
      'nordic-greenland-2030',
      'us-china-thaw-july-2025',
    ]);
    for (const p of presets) expect(p.scenario.description, p.id).toMatch(/rare-earth-facts\.md|USGS|MOFCOM/);
  });

  it('every preset runs, changes something and gives losses within [-1, 1]', () => {
    for (const [id, r] of results) {
      expect(r.changes.every((c) => c.edgeCount + c.nodeCount > 0), id).toBe(true);
      // REEtec Heroya (construction) is fed only by Fen, which starts in 2031.
      const expected = id === 'all-projects-2030' ? ['activated but left out (nothing active feeds them or takes their output): no-reetec-heroya'] : [];
      expect(r.warnings, id).toEqual(expected);
      for (const loss of [r.loss.maxFlow, r.loss.allocation ?? NaN, r.loss.proportional]) expect(Math.abs(loss), id).toBeLessThanOrEqual(1);
      // Recipes only constrain: the allocation bound never delivers more than max flow.
      expect(r.scenario.allocation, id).toBeLessThanOrEqual(r.scenario.maxFlow * (1 + 1e-9));
    }
  });

  it('the baseline of the proportional bound is the observed flow into the sinks', () => {
    let observed = 0;
    graph.forEachNode((node, a) => {
      if (a.status === 'operating' && graph.outDegree(node) === 0) graph.forEachInEdge(node, (_e, ea) => (observed += ea.flow));
    });
    for (const r of results.values()) expect(r.baseline.proportional).toBeCloseTo(observed, 6);
  });

  it('gives plausible directions', () => {
    // Myanmar: its one node ships 31,000 t to China; nothing replaces it without rerouting.
    // Under the Leontief proportional bound at least those tonnes are lost, and more: the
    // Chinese ionic-clay separation plant it feeds makes China's Dy/Tb oxide, which magnet
    // plants downstream need in fixed proportion. (The exact value is checked against the
    // independent script in networkx-fixtures.test.ts.)
    const myanmar = results.get('myanmar-offline') as ScenarioResult;
    expect(myanmar.loss.proportional).toBeGreaterThanOrEqual(31_000 / myanmar.baseline.proportional - 1e-9);
    expect(myanmar.loss.allocation ?? NaN).toBeGreaterThanOrEqual(myanmar.loss.maxFlow - 1e-9);
    // Controls hit magnet users: EVs lose under both bounds; a full embargo hurts at least as much.
    // The EV makers outside China lose; China's own (a domestic flow) do not.
    for (const id of ['china-april-2025-controls', 'china-full-embargo', 'us-china-thaw-july-2025']) {
      expect(endUse(id, EVS)?.maxFlow, id).toBeGreaterThan(0);
      expect(endUse(id, EVS)?.proportional, id).toBeGreaterThan(0);
      expect(endUse(id, EVS)?.allocation, id).toBeGreaterThan(0);
      expect(sinkLoss(id, 'jp-end-ev-vehicles')?.proportional, id).toBeGreaterThan(0);
      expect(sinkLoss(id, 'cn-end-ev-vehicles'), id).toEqual({ maxFlow: 0, allocation: expect.closeTo(0, 9), proportional: 0 });
      // Max flow builds US defence magnets without Chinese Dy/Tb (0% loss); recipes do not.
      expect(endUse(id, 'Defence systems')?.allocation, id).toBeGreaterThan(endUse(id, 'Defence systems')?.maxFlow ?? 0);
    }
    const april = results.get('china-april-2025-controls') as ScenarioResult;
    const full = results.get('china-full-embargo') as ScenarioResult;
    const thaw = results.get('us-china-thaw-july-2025') as ScenarioResult;
    expect(full.loss.proportional).toBeGreaterThanOrEqual(april.loss.proportional);
    expect(thaw.loss.proportional).toBeLessThan(april.loss.proportional);
    // The thaw relieves US defence, which only the US cap touches.
    expect(sinkLoss('us-china-thaw-july-2025', 'us-end-defence')?.proportional).toBeLessThan(sinkLoss('china-april-2025-controls', 'us-end-defence')?.proportional ?? 0);
    // New projects carry no baseline flow: a gain under max flow only.
    for (const id of ['nordic-greenland-2030', 'all-projects-2030']) {
      expect(results.get(id)?.loss.maxFlow, id).toBeLessThan(0);
      expect(results.get(id)?.loss.proportional, id).toBe(0);
    }
  });
});
