/**
 * The chokepoint program from a list of commands: builds the commander program and runs
 * it on argv, mapping errors to exit codes (one table: model/errors.ts ERROR_KINDS).
 * Knows no command: main.ts passes every command (the library's and the tests' entry),
 * lazy.ts only the one named on the command line (the process entry, run.ts).
 */
import { type Command, Command as CommandClass, CommanderError } from 'commander';
import { ChokepointError, ERROR_KINDS } from '../model/errors.js';
import type { CliContext } from './context.js';

/** Registers one command on the program (each command module exports one). */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export function buildProgramOf(commands: readonly RegisterCommand[], ctx: CliContext): Command {
  const program = new CommandClass('chokepoint')
    .description('Rare-earth supply-chain graph modeler: find where the chain can break.')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const register of commands) register(program, ctx);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return program;
}

/** Runs the program of `commands` on `argv` (without node and script) and returns the exit code. */
export async function runProgram(commands: readonly RegisterCommand[], argv: string[], ctx: CliContext): Promise<number> {
  const program = buildProgramOf(commands, ctx);
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
