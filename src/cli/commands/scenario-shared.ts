/**
 * What the `scenario` command's paths share (point report, ensemble, comparison) and what
 * `timeline` and `sweep` reuse: the scenario from a file, a preset or the action flags,
 * the output format and where the output goes.
 */
import type { CsvCellOptions } from '../../formats/csv-cells.js';
import { DEFAULT_PRESET_DIR, readPresets, readScenarioFile } from '../../io/read-scenario.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { InputError, NotFoundError, UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { parseScenario } from '../../scenario/parse-scenario.js';
import { findPreset } from '../../scenario/presets.js';
import type { Scenario, ScenarioAction } from '../../scenario/schema.js';
import type { CliContext } from '../context.js';

export const OUTPUT_FORMATS = ['text', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ScenarioFlags {
  scenario?: string;
  compare?: string[];
  country?: string;
  disable: string[];
  embargo: string[];
  activate?: string;
  top: string;
  objective: string;
  format: string;
  out?: string;
  force?: boolean;
  samples?: string;
  seed?: string;
  threshold?: string;
  threads?: string;
  spreads?: string;
  bounds?: string;
  quiet?: boolean;
  rawCsv?: boolean;
}

/** Text, JSON or CSV of one result: `render` picks by format. */
export function render<T>(format: OutputFormat, value: T, text: (v: T) => string, csv: (v: T, options: CsvCellOptions) => string, rawCsv: boolean): string {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  return format === 'csv' ? csv(value, { raw: rawCsv }) : text(value);
}

/** Commander collector for repeatable comma-separated lists: `--disable CN,MM --disable TH`. */
export function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim())];
}

/** Checks a --format value. */
export function checkFormat(format: string): OutputFormat {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected one of ${OUTPUT_FORMATS.join(', ')} (got "${format}")`);
  return format as OutputFormat;
}

/** Writes `text` to `out` (atomically; --force to replace) or to stdout. */
export async function emit(ctx: CliContext, text: string, out: string | undefined, force: boolean): Promise<void> {
  if (out === undefined) ctx.stdout(text);
  else await writeFileAtomic(out, text, { force });
}

/** A scenario file path, or else the id of a shipped preset. */
export async function loadScenario(arg: string, graph: SupplyGraph): Promise<Scenario> {
  try {
    return await readScenarioFile(arg, graph);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { presets, broken } = await readPresets(DEFAULT_PRESET_DIR);
    const unreadable = broken.find((b) => b.id === arg);
    if (unreadable) throw new InputError(`preset ${arg}`, [{ element: 'file', message: unreadable.error }]);
    const preset = findPreset(presets, arg);
    if (!preset) throw new NotFoundError(`${arg}: no such scenario file or preset (presets: ${presets.map((p) => p.id).join(', ')})`);
    return parseScenario(preset.scenario, preset.file, graph);
  }
}

function flagActions(flags: ScenarioFlags): ScenarioAction[] {
  const list = (flag: string, values: string[]) => {
    if (values.some((v) => v === '')) throw new UsageError(`${flag}: expected country codes separated by commas, e.g. CN,MM`);
    return values;
  };
  const actions: ScenarioAction[] = [
    ...list('--disable', flags.disable).map((country): ScenarioAction => ({ type: 'disableCountry', country })),
    ...list('--embargo', flags.embargo).map((from): ScenarioAction => ({ type: 'embargo', from })),
  ];
  if (flags.activate !== undefined) {
    const year = Number(flags.activate);
    if (flags.activate.trim() === '' || !Number.isSafeInteger(year)) throw new UsageError(`--activate: expected a year (got "${flags.activate}")`);
    actions.push({ type: 'activate', year });
  }
  return actions;
}

/** The scenario of the flags: the file or preset of --scenario, then the flag actions appended. */
export async function buildScenario(flags: ScenarioFlags, graph: SupplyGraph): Promise<Scenario> {
  const fromFile = flags.scenario !== undefined ? await loadScenario(flags.scenario, graph) : undefined;
  const extra = flagActions(flags);
  if (!fromFile && extra.length === 0) throw new UsageError('no scenario: give --scenario FILE|PRESET, --disable, --embargo or --activate');
  const flagText = [
    flags.disable.length > 0 ? `disable ${flags.disable.join(',')}` : '',
    flags.embargo.length > 0 ? `embargo ${flags.embargo.join(',')}` : '',
    flags.activate !== undefined ? `activate ${flags.activate}` : '',
  ].filter(Boolean);
  const fromFlags = extra.length > 0 ? parseScenario({ name: flagText.join('; '), actions: extra }, 'command line', graph) : undefined;
  if (!fromFile) return fromFlags as Scenario;
  if (!fromFlags) return fromFile;
  return { ...fromFile, name: `${fromFile.name} + ${fromFlags.name}`, actions: [...fromFile.actions, ...fromFlags.actions] };
}

/** A share as a percentage with one decimal, padded to 6 so that a column lines up on the right. */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '     -' : (v * 100).toFixed(1).padStart(6));
/** Clips text to `width` characters with an ellipsis. */
export const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
