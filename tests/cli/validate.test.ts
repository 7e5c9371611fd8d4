import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe('chokepoint validate', () => {
  it('prints OK with counts for a valid file', async () => {
    const file = join(FIXTURES, 'graphs', 'tiny.json');
    const run = await cli('validate', file);
    expect(run).toEqual({ code: 0, stdout: `OK ${file}: 6 nodes, 5 edges, 5 countries\n`, stderr: '' });
  });

  it('prints every problem and exits 3 for an invalid file, with no stack trace', async () => {
    const file = join(FIXTURES, 'bad', 'parallel-edge.json');
    const run = await cli('validate', file);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${file}: edge "a -> b": parallel edge: another edge already joins these nodes in this direction\n`);
    expect(run.stderr).not.toMatch(/\s+at\s/);
  });

  it('exits 3 for a missing file and names it', async () => {
    const run = await cli('validate', 'missing.json');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('chokepoint: missing.json: no such file\n');
  });

  it('exits 2 for usage errors', async () => {
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('validate', 'a.json', '--bogus')).code).toBe(2);
    expect((await cli('no-such-command')).code).toBe(2);
  });

  it('prints warnings for unknown attributes on stderr but still succeeds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const file = join(dir, 'typo.json');
    await writeFile(file, JSON.stringify({ nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN', capactiy: 3 } }] }));
    const run = await cli('validate', file);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`warning: ${file}: unknown node attribute "capactiy" on 1 node(s): kept, not used by chokepoint\n`);
  });
});

describe('chokepoint validate on NDJSON', () => {
  it('reads one element per line and names the line of a bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-ndjson-'));
    const good = join(dir, 'g.ndjson');
    const node = (key: string, stage: string) => JSON.stringify({ key, attributes: { stage, country: 'CN' } });
    await writeFile(good, [JSON.stringify({ attributes: { name: 'x' } }), node('a', 'mining'), node('b', 'separation'), JSON.stringify({ source: 'a', target: 'b', attributes: { flow: 3 } })].join('\n'));
    expect(await cli('validate', good)).toEqual({ code: 0, stdout: `OK ${good}: 2 nodes, 1 edges, 1 countries\n`, stderr: '' });
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, [node('a', 'mining'), '{"key": "b",', JSON.stringify({ source: 'a', target: 'z', attributes: { flow: 1 } })].join('\n'));
    const run = await cli('validate', bad);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${bad}: line 2: not valid JSON`);
    expect(run.stderr).toContain(`${bad}: edge "a -> z": unknown target node "z"`);
  });
});
