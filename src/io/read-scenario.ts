/**
 * Reads scenario files and the preset folder: the one place that turns paths into
 * scenarios. Validation is `parseScenario` (against a graph) and `ScenarioSchema`
 * (presets, before a graph is known).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, NotFoundError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import { presetId, type Preset } from '../scenario/presets.js';
import { ScenarioSchema, type Scenario, type ScenarioAction } from '../scenario/schema.js';
import { parseJsonText, readTextFile } from './read-graph.js';

/** The presets shipped with chokepoint: `graphs/scenarios/` at the package root. */
export const DEFAULT_PRESET_DIR = fileURLToPath(new URL('../../graphs/scenarios/', import.meta.url));

/** Reads a scenario file and validates it against `graph`. */
export async function readScenarioFile(file: string, graph: SupplyGraph): Promise<Scenario> {
  return parseScenario(parseJsonText(await readTextFile(file), file), file, graph);
}

/**
 * Every `*.json` file of `dir` as a preset, sorted by id; each checked against the
 * scenario schema (InputError naming the file when one is broken).
 */
export async function listPresets(dir: string = DEFAULT_PRESET_DIR): Promise<Preset[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new NotFoundError(`${dir}: no such preset folder`);
  }
  const presets: Preset[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
    const file = join(dir, name);
    const result = ScenarioSchema.safeParse(parseJsonText(await readTextFile(file), file));
    if (!result.success) {
      const problems = result.error.issues.map((issue) => ({ element: 'scenario', message: `${issue.path.join('.')}: ${issue.message}` }));
      throw new InputError(file, problems);
    }
    presets.push({ id: presetId(name), file, scenario: result.data });
  }
  return presets;
}

/** A preset as offered for one graph (the shape of `GET /api/graphs/:id/scenarios`). */
export interface GraphPreset {
  id: string;
  name: string;
  description?: string;
  actions: ScenarioAction[];
  /** Set when the preset names countries, nodes or materials this graph lacks: every problem, one per line. */
  error?: string;
}

/** The presets of `dir`, each checked against `graph` (a preset that does not fit is listed with `error`, not thrown). */
export async function listScenarioPresets(dir: string, graph: SupplyGraph): Promise<GraphPreset[]> {
  return (await listPresets(dir)).map(({ id, scenario }) => {
    const preset: GraphPreset = { id, name: scenario.name, ...(scenario.description !== undefined ? { description: scenario.description } : {}), actions: scenario.actions };
    try {
      parseScenario(scenario, id, graph);
      return preset;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { ...preset, error: error.problems.map((p) => `${p.element}: ${p.message}`).join('\n') };
    }
  });
}
