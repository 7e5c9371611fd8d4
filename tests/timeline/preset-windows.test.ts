/**
 * Presets with dated events carry ISO windows on their actions, and a scenario's `date` is
 * the timeline's start month when none is given (issue 13, round 2; docs/scenarios.md,
 * "Time").
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { listPresets } from '../../src/io/read-scenario.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Preset } from '../../src/scenario/presets.js';
import { timeline } from '../../src/timeline/timeline.js';
import { build } from '../scenario/graphs.js';

const DATASET = join(fileURLToPath(new URL('../..', import.meta.url)), 'graphs', 'rare-earths-2024.json');
let graph: SupplyGraph;
let presets: Preset[];
beforeAll(async () => {
  graph = (await readGraphFile(DATASET)).graph;
  presets = await listPresets();
});
const preset = (id: string) => {
  const p = presets.find((q) => q.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return parseScenario(p.scenario, p.file, graph);
};

describe('preset windows', () => {
  it('the dated events carry their windows: April 2025 licences April-July, military denial from April on', () => {
    const april = preset('china-april-2025-controls');
    expect(april.actions.map((a) => [a.type, a.start, a.end])).toEqual([
      ['embargo', '2025-04', undefined],
      ['cap', '2025-04', '2025-07'],
    ]);
    const windowsOf = (id: string) => preset(id).actions.map((a) => [a.start, a.end]);
    expect(windowsOf('china-october-2025-controls')).toEqual([['2025-10', undefined], ['2025-10', undefined], ['2025-12', undefined], ['2025-12', undefined], ['2025-12', undefined]]);
    expect(new Set(windowsOf('china-snap-back-november-2026').map(([s]) => s))).toEqual(new Set(['2026-11']));
    expect(new Set(windowsOf('china-busan-suspension-2026').map(([s]) => s))).toEqual(new Set(['2025-11']));
    expect(windowsOf('mp-halt-china-april-2025')).toEqual([['2025-04', undefined]]);
  });

  it('every preset with ISO windows has a date, and every action starts no earlier than it', () => {
    for (const p of presets) {
      const months = p.scenario.actions.flatMap((a) => [a.start, a.end]).filter((m): m is string => typeof m === 'string');
      if (months.length === 0) continue;
      expect(p.scenario.date, p.id).toBeDefined();
      for (const a of p.scenario.actions) if (typeof a.start === 'string') expect(a.start >= (p.scenario.date ?? ''), `${p.id} ${a.type}`).toBe(true);
    }
  });

  it('without --start the preset\'s date is month 1; --start moves the windows', () => {
    const april = preset('china-april-2025-controls');
    const own = timeline(graph, april, { months: 6 });
    expect(own.start).toBe('2025-04');
    expect(own.labels.slice(0, 2)).toEqual(['2025-04', '2025-05']);
    expect(own.windows.map((w) => [w.first, w.last])).toEqual([[1, 6], [1, 4]]);
    const early = timeline(graph, april, { months: 8, start: '2025-01' });
    expect(early.windows.map((w) => [w.first, w.last])).toEqual([[4, 8], [4, 7]]);
    // Nothing is in force in January-March: every end use is served in full.
    for (const e of early.endUses) for (const bound of [e.allocation, e.proportional]) for (const t of [0, 1, 2]) expect(bound.delivered[t] ?? 0).toBeGreaterThanOrEqual(e.demand * (1 - 1e-9));
  });

  it('every preset runs without --start (two months)', () => {
    for (const p of presets) {
      const r = timeline(graph, parseScenario(p.scenario, p.file, graph), { months: 2 });
      expect(r.start, p.id).toBe(p.scenario.date ?? null);
    }
  });

  it('with no --start and no date, months stay numbered', () => {
    const g = build(
      [
        ['mine', 'mining', 'AU'],
        ['oem', 'end-use', 'DE'],
      ],
      [['mine', 'oem', 120]],
    );
    const r = timeline(g, parseScenario({ name: 'n', actions: [{ type: 'disableNode', node: 'mine', start: 2, end: 2 }] }, 's.json', g), { months: 3 });
    expect(r.start).toBeNull();
    expect(r.labels).toEqual(['1', '2', '3']);
    const dated = timeline(g, parseScenario({ name: 'n', date: '2025-11', actions: [] }, 's.json', g), { months: 3 });
    expect(dated.labels).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
