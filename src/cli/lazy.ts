/**
 * The CLI with only the command named on the command line loaded: the process entry
 * (run.ts). Each command module is imported on demand (COMMAND_MODULES), so `chokepoint
 * metrics` does not load the scenario, timeline, server, import and export code at
 * start-up. Anything else (no command, `--help`, `help`, an unknown name) loads every
 * command (main.ts `runCli`), so help lists them all and commander can suggest a name.
 * The same program either way: tests/cli/lazy.test.ts checks the table against main.ts
 * COMMANDS and the output of both entries.
 */
import { processContext, type CliContext } from './context.js';
import { runProgram, type RegisterCommand } from './program.js';

/** Each command's name and how to load the module that registers it. */
export const COMMAND_MODULES: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  info: async () => (await import('./commands/info.js')).registerInfo,
  metrics: async () => (await import('./commands/metrics.js')).registerMetrics,
  generate: async () => (await import('./commands/generate.js')).registerGenerate,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  scenario: async () => (await import('./commands/scenario.js')).registerScenario,
  sweep: async () => (await import('./commands/sweep.js')).registerSweep,
  timeline: async () => (await import('./commands/timeline.js')).registerTimeline,
  serve: async () => (await import('./commands/serve.js')).registerServe,
};

/**
 * The command named in `argv`: its first argument that is not an option (the program's
 * only option, --debug, takes no value). Undefined when there is none.
 */
export function commandNameOf(argv: readonly string[]): string | undefined {
  return argv.find((arg) => !arg.startsWith('-'));
}

/** `runCli` (main.ts), loading only the command `argv` names when it names a known one. */
export async function runCliLazily(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const name = commandNameOf(argv);
  const load = name !== undefined && Object.hasOwn(COMMAND_MODULES, name) ? COMMAND_MODULES[name] : undefined;
  if (load === undefined) return (await import('./main.js')).runCli(argv, ctx);
  return runProgram([await load()], argv, ctx);
}
