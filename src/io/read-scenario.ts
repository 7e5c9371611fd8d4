/**
 * Reads scenario files and the preset folder: the one place that turns paths into
 * scenarios. Validation is `parseScenario` (against a graph) and `ScenarioSchema`
 * (presets, before a graph is known).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChokepointError, InputError, NotFoundError } from '../model/errors.js';
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

/** A preset file that could not be read: skipped, and reported by its id. */
export interface BrokenPreset {
  id: string;
  /** What is wrong, naming the file by its name only (never its path or contents). */
  error: string;
}

/** Largest preset file read (a scenario is a few hundred bytes). */
export const MAX_PRESET_BYTES = 1024 * 1024;

async function isInside(dir: string, file: string): Promise<boolean> {
  const [root, target] = await Promise.all([realpath(dir), realpath(file)]);
  return target.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** One preset file: the scenario, or what is wrong with it (a string naming the file by `name`). */
async function readPreset(dir: string, name: string): Promise<Scenario | string> {
  const file = join(dir, name);
  const info = await lstat(file).catch(() => null);
  if (info === null) return `${name}: cannot be read`;
  if (info.isSymbolicLink() && !(await isInside(dir, file).catch(() => false))) return `${name}: a symbolic link to outside the preset folder (not followed)`;
  const target = info.isSymbolicLink() ? await stat(file).catch(() => null) : info;
  if (target === null || !target.isFile()) return `${name}: not a regular file`;
  if (target.size > MAX_PRESET_BYTES) return `${name}: larger than ${MAX_PRESET_BYTES} bytes`;
  let data: unknown;
  try {
    data = parseJsonText(await readTextFile(file, name), name);
  } catch (error) {
    // The parser's message quotes the file's first bytes: not shown (the link may point at any file).
    if (error instanceof InputError) return `${name}: ${/not valid JSON/.test(error.message) ? 'not valid JSON' : (error.problems[0]?.message ?? 'cannot be read')}`;
    if (error instanceof ChokepointError) return `${name}: cannot be read`;
    throw error;
  }
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) return `${name}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`;
  return result.data;
}

/**
 * Every `*.json` file of `dir` as a preset, sorted by id, each checked against the
 * scenario schema. A file that cannot be read, is not valid, is not a regular file or is
 * a symbolic link to outside `dir` is skipped and listed in `broken`; errors name files by
 * their name only.
 */
export async function readPresets(dir: string = DEFAULT_PRESET_DIR): Promise<{ presets: Preset[]; broken: BrokenPreset[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new NotFoundError(`${basename(dir)}: no such preset folder`);
  }
  const presets: Preset[] = [];
  const broken: BrokenPreset[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
    const read = await readPreset(dir, name);
    if (typeof read === 'string') broken.push({ id: presetId(name), error: read });
    else presets.push({ id: presetId(name), file: join(dir, name), scenario: read });
  }
  return { presets, broken };
}

/** The valid presets of `dir` (see `readPresets`; broken ones are skipped). */
export async function listPresets(dir: string = DEFAULT_PRESET_DIR): Promise<Preset[]> {
  return (await readPresets(dir)).presets;
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

/**
 * The presets of `dir`, each checked against `graph`: a preset that does not fit is
 * listed with `error`, not thrown, and so is a broken preset file (with no actions).
 */
export async function listScenarioPresets(dir: string, graph: SupplyGraph): Promise<GraphPreset[]> {
  const { presets, broken } = await readPresets(dir);
  const listed = presets.map(({ id, scenario }) => {
    const preset: GraphPreset = { id, name: scenario.name, ...(scenario.description !== undefined ? { description: scenario.description } : {}), actions: scenario.actions };
    try {
      parseScenario(scenario, id, graph);
      return preset;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { ...preset, error: error.problems.map((p) => `${p.element}: ${p.message}`).join('\n') };
    }
  });
  const unreadable = broken.map(({ id, error }): GraphPreset => ({ id, name: id, actions: [], error }));
  return [...listed, ...unreadable].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
