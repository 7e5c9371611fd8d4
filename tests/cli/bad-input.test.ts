/**
 * Every command against every kind of bad input: exit code 2 for usage errors, 3 for
 * invalid input (the file and the element named on stderr), 1 for anything else; no stack
 * trace unless --debug, and one with it. The loader's own corpus is
 * tests/io/read-graph.test.ts; scenario files are tests/io/bad-scenarios.test.ts; import
 * files are tests/cli/import-bad-files.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/main.js';
import { cli } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TINY = join(FIXTURES, 'graphs', 'tiny.json');
const BAD = join(FIXTURES, 'bad');
const STACK = /\n\s+at .+:\d+:\d+/;

/** Each command that reads a graph file, with the arguments that make it run. */
const GRAPH_COMMANDS: [string, (file: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['info', (f) => ['info', f]],
  ['metrics', (f) => ['metrics', f]],
  ['export', (f) => ['export', f, '--format', 'json']],
  ['scenario', (f) => ['scenario', f, '--disable', 'CN']],
  ['sweep', (f) => ['sweep', f, '--quiet']],
];

/** Bad graph inputs: file, exit code, what stderr must say. */
const BAD_GRAPHS: [string, string, number, string][] = [
  ['a missing file', join(FIXTURES, 'no-such-file.json'), 3, `chokepoint: ${join(FIXTURES, 'no-such-file.json')}: no such file`],
  ['a directory', BAD, 3, `${BAD}: file: is a directory, not a file`],
  ['an empty file', join(BAD, 'empty.json'), 3, `${join(BAD, 'empty.json')}: file: the file is empty`],
  ['a truncated file', join(BAD, 'truncated.json'), 3, `${join(BAD, 'truncated.json')}: file: not valid JSON`],
  ['a binary file', join(BAD, 'binary.json'), 3, `${join(BAD, 'binary.json')}: file: the file is binary`],
  ['a wrong top-level type', join(BAD, 'top-array.json'), 3, `${join(BAD, 'top-array.json')}: graph: the top level must be a JSON object`],
  ['a self-loop', join(BAD, 'self-loop.json'), 3, `${join(BAD, 'self-loop.json')}: edge "a -> a": self-loops are not allowed`],
  ['an edge to an unknown node', join(BAD, 'edge-unknown-target.json'), 3, `${join(BAD, 'edge-unknown-target.json')}: edge "a -> z": unknown target node "z"`],
  ['a string where a number belongs', join(BAD, 'string-flow.json'), 3, `${join(BAD, 'string-flow.json')}: edge "a -> b": flow: must be a finite number >= 0 (got "12")`],
  ['nesting too deep', join(BAD, 'deeply-nested.json'), 3, `${join(BAD, 'deeply-nested.json')}: file: arrays and objects nested more than 64 levels deep`],
  ['a country that is no ISO code', join(BAD, 'bad-country.json'), 3, `${join(BAD, 'bad-country.json')}: node "a": country "XX" is not an ISO 3166-1 alpha-2 code`],
];

describe('every graph-reading command on bad graph files', () => {
  for (const [command, args] of GRAPH_COMMANDS) {
    it.each(BAD_GRAPHS)(`${command}: %s`, async (_what, file, code, message) => {
      const run = await cli(...args(file));
      expect(run.code).toBe(code);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stdout).toBe('');
    });
  }
});

describe('--debug', () => {
  it('adds the stack trace to an input error, wherever the flag stands', async () => {
    const file = join(BAD, 'self-loop.json');
    for (const argv of [['--debug', 'validate', file], ['validate', file, '--debug']]) {
      const run = await cli(...argv);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`${file}: edge "a -> a": self-loops are not allowed`);
      expect(run.stderr).toMatch(/InputError: /);
      expect(run.stderr).toMatch(STACK);
    }
  });

  it('adds it to a missing file too', async () => {
    const run = await cli('--debug', 'metrics', 'no-such.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/NotFoundError: no-such\.json: no such file/);
    expect(run.stderr).toMatch(STACK);
  });
});

describe('usage errors exit 2 with no stack trace', () => {
  it.each([
    [['bogus']],
    [['validate']],
    [['validate', TINY, 'extra']],
    [['info', TINY, '--format', 'xml']],
    [['metrics', TINY, '--metrics', 'bogus']],
    [['metrics', TINY, '--sample', 'ten']],
    [['export', TINY]],
    [['export', TINY, '--format', 'docx']],
    [['scenario', TINY]],
    [['scenario', TINY, '--activate', 'soon']],
    [['sweep', TINY, '--by', 'planet']],
    [['import']],
    [['generate', '--nodes', '3', '--seed', '1', '-o', 'x.json']],
    [['serve', '--port', 'http']],
  ])('%j', async (argv) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe('anything else exits 1', () => {
  it('an unexpected error says "internal error", hides the stack, and shows it with --debug', async () => {
    const register = (program: Command) => {
      program.command('explode').action(() => {
        throw new Error('boom');
      });
    };
    COMMANDS.push(register);
    try {
      const run = await cli('explode');
      expect(run).toEqual({ code: 1, stdout: '', stderr: 'chokepoint: internal error: boom\n(run with --debug for the stack trace)\n' });
      const debug = await cli('explode', '--debug');
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(STACK);
    } finally {
      COMMANDS.splice(COMMANDS.indexOf(register), 1);
    }
  });
});

/** A scenario with no action (any graph), for `timeline`. */
const BASELINE_SCENARIO = join(mkdtempSync(join(tmpdir(), 'chokepoint-writers-')), 'baseline.json');
writeFileSync(BASELINE_SCENARIO, JSON.stringify({ name: 'baseline', actions: [] }));

/** Every command with an output-file option, and arguments that make it write `out`. */
const WRITERS: Record<string, (out: string) => string[]> = {
  export: (out) => ['export', TINY, '--format', 'json', '--out', out],
  import: (out) => ['import', '--nodes', join(FIXTURES, 'import', 'nodes.csv'), '--out', out],
  metrics: (out) => ['metrics', TINY, '--out', out],
  scenario: (out) => ['scenario', TINY, '--disable', 'CN', '--out', out],
  sweep: (out) => ['sweep', TINY, '--quiet', '--out', out],
  timeline: (out) => ['timeline', TINY, '--scenario', BASELINE_SCENARIO, '--months', '2', '--quiet', '--out', out],
  generate: (out) => ['generate', '--nodes', '40', '--seed', '1', '-o', out],
};

describe('commands that write files', () => {
  it('the table above lists every command with an --out option', () => {
    const ctx = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false };
    const writers = buildProgram(ctx)
      .commands.filter((c) => c.options.some((o) => o.long === '--out'))
      .map((c) => c.name());
    expect(writers.sort()).toEqual(Object.keys(WRITERS).sort());
  });

  it.each(Object.entries(WRITERS))('%s writes, refuses to replace the file without --force (exit 2), replaces it with --force', async (_name, args) => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-out-'));
    const out = join(dir, 'out.txt');
    expect((await cli(...args(out))).code).toBe(0);
    await writeFile(out, 'precious');
    const refused = await cli(...args(out));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${out}: the file exists; pass --force to replace it`);
    expect(await readFile(out, 'utf8')).toBe('precious');
    expect((await cli(...args(out), '--force')).code).toBe(0);
    expect(await readFile(out, 'utf8')).not.toBe('precious');
  });

  it.each(Object.entries(WRITERS))('%s names a folder that does not exist (exit 2, no stack trace)', async (_name, args) => {
    const out = join(tmpdir(), 'chokepoint-no-such-folder', 'out.txt');
    const run = await cli(...args(out));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${out}: cannot write: the folder`);
    expect(run.stderr).not.toMatch(STACK);
  });
});
