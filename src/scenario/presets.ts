/**
 * Scenario presets: scenario files shipped in `graphs/scenarios/`, named by their file
 * name without `.json` (their id). Listing and reading the folder is I/O and lives in
 * `src/io/read-scenario.ts`; this module only names and finds presets.
 */
import type { Scenario } from './schema.js';

export interface Preset {
  /** File name without `.json`, e.g. `china-full-embargo`. */
  id: string;
  /** Where it was read from. */
  file: string;
  /** The scenario, checked against the schema but not yet against a graph (`parseScenario`). */
  scenario: Scenario;
}

/** The id of a preset file: its base name without the `.json` extension. */
export function presetId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '');
}

/** The preset with this id, if any. */
export function findPreset(presets: readonly Preset[], id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
