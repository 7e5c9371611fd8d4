/**
 * The chokepoint command line: maps commands to modules. Each command lives in
 * `commands/`, registers itself on the program, and does its work through the pure core.
 */
import { type Command, Command as CommandClass, CommanderError } from 'commander';
import { ChokepointError, ERROR_KINDS } from '../model/errors.js';
import { processContext, type CliContext } from './context.js';
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

export const COMMANDS: ((program: Command, ctx: CliContext) => void)[] = [registerValidate, registerInfo, registerMetrics, registerGenerate, registerImport, registerExport, registerScenario, registerSweep, registerTimeline, registerServe];

export function buildProgram(ctx: CliContext): Command {
  const program = new CommandClass('chokepoint')
    .description('Rare-earth supply-chain graph modeler: find where the chain can break.')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const program = buildProgram(ctx);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return error.exitCode === 0 ? 0 : ERROR_KINDS.usage.exitCode;
    }
    if (error instanceof ChokepointError) {
      // Input errors are lines of `file: element: problem`; others get the program's name.
      ctx.stderr(error.kind === 'input' ? `${error.message}\n` : `chokepoint: ${error.message}\n`);
      if (debug && error.stack) ctx.stderr(`${error.stack}\n`);
      return ERROR_KINDS[error.kind].exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(`chokepoint: internal error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) ctx.stderr(`${error.stack}\n`);
    else ctx.stderr('(run with --debug for the stack trace)\n');
    return 1;
  }
}
