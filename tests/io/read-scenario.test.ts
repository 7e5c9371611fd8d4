import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPresets, listScenarioPresets, readScenarioFile } from '../../src/io/read-scenario.js';
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

  it('fails on a missing folder or a preset that breaks the schema', async () => {
    await expect(listPresets(join(dir, 'nope'))).rejects.toThrow(NotFoundError);
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'x.json'), JSON.stringify({ name: 'x', actions: [{ type: 'ban' }] }));
    await expect(listPresets(broken)).rejects.toThrow(InputError);
  });
});
