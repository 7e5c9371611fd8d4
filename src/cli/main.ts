/**
 * The chokepoint command line: maps commands to modules. Each command lives in
 * `commands/`, registers itself on the program, and does its work through the pure core.
 * This module loads every command (the library's and the tests' entry); the process entry
 * (run.ts) loads only the command named on the command line (lazy.ts), so a command does
 * not pay for the others' modules at start-up.
 */
import type { Command } from 'commander';
import { processContext, type CliContext } from './context.js';
import { buildProgramOf, runProgram, type RegisterCommand } from './program.js';
import { registerExport } from './commands/export.js';
import { registerGenerate } from './commands/generate.js';
import { registerImport } from './commands/import.js';
import { registerInfo } from './commands/info.js';
import { registerMetrics } from './commands/metrics.js';
import { registerScenario } from './commands/scenario.js';
import { registerServe } from './commands/serve.js';
import { registerSweep } from './commands/sweep.js';
import { registerTimeline } from './commands/timeline.js';
import { registerValidate } from './commands/validate.js';

export const COMMANDS: RegisterCommand[] = [registerValidate, registerInfo, registerMetrics, registerGenerate, registerImport, registerExport, registerScenario, registerSweep, registerTimeline, registerServe];

export function buildProgram(ctx: CliContext): Command {
  return buildProgramOf(COMMANDS, ctx);
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  return runProgram(COMMANDS, argv, ctx);
}
