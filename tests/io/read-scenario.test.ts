import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPresets, listScenarioPresets, readPresets, readScenarioFile } from '../../src/io/read-scenario.js';
import { InputError, NotFoundError } from '../../src/model/errors.js';
import { chain } from '../scenario/graphs.js';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-presets-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readScenarioFile', () => {
  it('reads and validates a scenario against the graph', async () => {
    const file = write('ok.json', JSON.stringify({ name: 'ok', actions: [{ type: 'disableCountry', country: 'MM' }] }));
    expect((await readScenarioFile(file, chain())).actions).toEqual([{ type: 'disableCountry', country: 'MM' }]);
  });

  it('names the file in every error', async () => {
    await expect(readScenarioFile(join(dir, 'missing.json'), chain())).rejects.toThrow(NotFoundError);
    const empty = write('empty.json', '');
    await expect(readScenarioFile(empty, chain())).rejects.toThrow(`${empty}: file: the file is empty`);
    const bad = write('bad.json', JSON.stringify({ name: 'x', actions: [{ type: 'disableCountry', country: 'FR' }] }));
    await expect(readScenarioFile(bad, chain())).rejects.toThrow(InputError);
  });
});

describe('listPresets / listScenarioPresets', () => {
  const presetDir = join(dir, 'presets');
  mkdirSync(presetDir);
  writeFileSync(join(presetDir, 'b-mm.json'), JSON.stringify({ name: 'Myanmar', description: 'src', actions: [{ type: 'disableCountry', country: 'MM' }] }));
  writeFileSync(join(presetDir, 'a-fr.json'), JSON.stringify({ name: 'France', actions: [{ type: 'disableCountry', country: 'FR' }] }));
  writeFileSync(join(presetDir, 'notes.txt'), 'not a preset');

  it('lists the JSON files by id', async () => {
    const presets = await listPresets(presetDir);
    expect(presets.map((p) => [p.id, p.scenario.name])).toEqual([
      ['a-fr', 'France'],
      ['b-mm', 'Myanmar'],
    ]);
  });

  it('marks the presets a graph cannot use, with the problems', async () => {
    const listed = await listScenarioPresets(presetDir, chain());
    expect(listed).toEqual([
      { id: 'a-fr', name: 'France', actions: [{ type: 'disableCountry', country: 'FR' }], error: 'action 0 (disableCountry): country: unknown country "FR" (no node of the graph is in it)' },
      { id: 'b-mm', name: 'Myanmar', description: 'src', actions: [{ type: 'disableCountry', country: 'MM' }] },
    ]);
  });

  // Issue 14: one broken preset used to make listPresets throw (and /scenarios fail for every graph).
  it('fails on a missing folder; skips and reports a preset that breaks the schema', async () => {
    await expect(listPresets(join(dir, 'nope'))).rejects.toThrow(NotFoundError);
    await expect(listPresets(join(dir, 'nope'))).rejects.toThrow(/^nope: no such preset folder$/);
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'x.json'), JSON.stringify({ name: 'x', actions: [{ type: 'ban' }] }));
    writeFileSync(join(broken, 'y.json'), JSON.stringify({ name: 'y', actions: [{ type: 'disableCountry', country: 'MM' }] }));
    expect((await listPresets(broken)).map((p) => p.id)).toEqual(['y']);
    const { broken: bad } = await readPresets(broken);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.id).toBe('x');
    expect(bad[0]?.error).toMatch(/^x\.json: actions\.0/);
  });
});

describe('preset files that are not presets (issue 14)', () => {
  const root = join(dir, 'hostile');
  const presets = join(root, 'scenarios');
  mkdirSync(presets, { recursive: true });
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  symlinkSync(secret, join(presets, 'passwd.json'));
  writeFileSync(join(presets, 'garbage.json'), 'root:x:0:0 not json');
  writeFileSync(join(presets, 'good.json'), JSON.stringify({ name: 'Myanmar', actions: [{ type: 'disableCountry', country: 'MM' }] }));
  writeFileSync(join(presets, 'inside.txt'), JSON.stringify({ name: 'Inside', actions: [{ type: 'disableCountry', country: 'MM' }] }));
  symlinkSync(join(presets, 'inside.txt'), join(presets, 'linked.json'));

  it('lists the good ones, and the others with an error naming the file only: no path, no contents', async () => {
    const listed = await listScenarioPresets(presets, chain());
    expect(listed.map((p) => [p.id, p.error ?? null])).toEqual([
      ['garbage', 'garbage.json: not valid JSON'],
      ['good', null],
      ['linked', null],
      ['passwd', 'passwd.json: a symbolic link to outside the preset folder (not followed)'],
    ]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(root);
    expect(text).not.toContain('root:x');
  });
});
