/**
 * The process entry's lazy CLI (src/cli/lazy.ts): the same commands as main.ts, each
 * loaded by its own name, and the same output, exit codes and errors as `runCli`.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandNameOf, runCliLazily } from '../../src/cli/lazy.js';
import { buildProgram, runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { capture } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TINY = join(FIXTURES, 'graphs', 'tiny.json');

const quiet: CliContext = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false };

describe('COMMAND_MODULES', () => {
  it('names every command of main.ts, in its order', () => {
    expect(Object.keys(COMMAND_MODULES)).toEqual(buildProgram(quiet).commands.map((c) => c.name()));
  });

  it.each(Object.keys(COMMAND_MODULES))('%s loads the module that registers exactly that command', async (name) => {
    const register = await (COMMAND_MODULES[name] as () => Promise<(p: Command, c: CliContext) => void>)();
    const program = new Command('chokepoint');
    register(program, quiet);
    expect(program.commands.map((c) => c.name())).toEqual([name]);
  });
});

describe('commandNameOf', () => {
  it('is the first argument that is not an option', () => {
    expect(commandNameOf(['metrics', 'g.json', '--quiet'])).toBe('metrics');
    expect(commandNameOf(['--debug', 'validate', 'g.json'])).toBe('validate');
    expect(commandNameOf(['--help'])).toBeUndefined();
    expect(commandNameOf([])).toBeUndefined();
  });
});

describe('runCliLazily', () => {
  const strip = (text: string) => text.replace(/\n\s+at .+/g, '');
  it.each([
    [['metrics', TINY]],
    [['metrics', TINY, '--format', 'csv', '--table', 'countries']],
    [['metrics', TINY, '--metrics', 'bogus']],
    [['metrics', '--help']],
    [['--debug', 'metrics', 'no-such.json']],
    [['validate', TINY]],
    [['info', TINY]],
    [['bogus']],
    [['metric', TINY]],
    [['--help']],
    [['help', 'metrics']],
    [[]],
  ])('%j: as runCli', async (argv) => {
    const lazy = await capture(runCliLazily, argv);
    const all = await capture(runCli, argv);
    expect({ ...lazy, stderr: strip(lazy.stderr) }).toEqual({ ...all, stderr: strip(all.stderr) });
  });
});
