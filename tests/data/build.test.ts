/**
 * The default dataset is built from the tables in graphs/src/ by scripts/data/build-lib.mjs
 * (`npm run data`): rebuilding in memory gives the committed file byte for byte, and the
 * build refuses tables that break its rules, naming the table, the row and the problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, DatasetBuildError, readTables, type Tables } from '../../scripts/data/build-lib.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const tables = readTables(join(ROOT, 'graphs', 'src'));
const copy = (): Tables => JSON.parse(JSON.stringify(tables)) as Tables;
const rows = (t: Tables, name: string) => t[name] as Record<string, string>[];

describe('dataset build', () => {
  it('rebuilds graphs/rare-earths-2024.json byte for byte', () => {
    expect(buildDataset(tables)).toBe(readFileSync(join(ROOT, 'graphs', 'rare-earths-2024.json'), 'utf8'));
  });

  it('is deterministic', () => {
    expect(buildDataset(copy())).toBe(buildDataset(copy()));
  });

  it('refuses a row citing an unknown source', () => {
    const t = copy();
    (rows(t, 'edges')[3] as Record<string, string>).sources = 'usgs-mcs-2025;no-such-doc';
    expect(() => buildDataset(t)).toThrow(DatasetBuildError);
    expect(() => buildDataset(t)).toThrow(/edges\.csv row 5: unknown source or derivation id "no-such-doc"/);
  });

  it('refuses a source whose locator is a path outside the repository, or with no year or locator', () => {
    const at = (locator: string, year = '2025') => {
      const t = copy();
      Object.assign(rows(t, 'sources')[2] as Record<string, string>, { locator, year });
      return () => buildDataset(t);
    };
    for (const outside of ['shared/data/rare-earth-facts.md, Mining', '/work/shared/data/facts.md', '../facts.md', 'see ~/notes.md', 'p. 3; /home/x/facts.md']) {
      expect(at(outside), outside).toThrow(DatasetBuildError);
      expect(at(outside), outside).toThrow(/sources\.csv row 4: source "[^"]+": locator ".*" is a path outside the repository/);
    }
    expect(at('')).toThrow(/sources\.csv row 4: source "[^"]+" has no locator/);
    expect(at('https://example.org/a', '')).toThrow(/sources\.csv row 4: year is required/);
    expect(at('https://example.org/a', '2025b')).toThrow(/sources\.csv row 4: year "2025b" is not a finite number/);
    // URLs, DOIs, pages and in-repository paths are fine
    for (const fine of ['https://doi.org/10.5066/P13XCP3R', 'pp. 144-145; data release https://x.org/y', 'Lynas quarterly reports Mar/Jun/Sep 2024', 'graphs/src/derivations.csv D12']) expect(at(fine), fine).not.toThrow();
  });

  it('refuses a row citing nothing', () => {
    const t = copy();
    (rows(t, 'nodes')[0] as Record<string, string>).sources = '';
    expect(() => buildDataset(t)).toThrow(/nodes\.csv row 2: cites no source/);
  });

  it('refuses a flow that breaks conservation', () => {
    const t = copy();
    const edge = rows(t, 'edges').find((e) => e.source === 'ru-lovozero') as Record<string, string>;
    edge.flow = '2400';
    expect(() => buildDataset(t)).toThrow(/node "ru-solikamsk": in-flow 2400 and out-flow 2500 differ/);
  });

  it('refuses recipes that do not explain the flows', () => {
    const t = copy();
    const input = rows(t, 'recipes').find((r) => r.node === 'cn-catalysts' && r.kind === 'input' && r.material === 'La oxide') as Record<string, string>;
    input.value = '0.8';
    expect(() => buildDataset(t)).toThrow(/node "cn-catalysts": recipes at their baseline activity use .* of "(La|Ce) oxide"/);
  });

  it('refuses a second edge between the same nodes, an unknown node and a bad number', () => {
    const dup = copy();
    rows(dup, 'edges').push({ ...(rows(dup, 'edges')[0] as Record<string, string>) });
    expect(() => buildDataset(dup)).toThrow(/second edge cn-mining-light->cn-separation-light/);
    const unknown = copy();
    (rows(unknown, 'stocks')[0] as Record<string, string>).node = 'nowhere';
    expect(() => buildDataset(unknown)).toThrow(/stocks\.csv row 2: unknown node "nowhere"/);
    const bad = copy();
    (rows(bad, 'edges')[0] as Record<string, string>).flow = '-5';
    expect(() => buildDataset(bad)).toThrow(/edges\.csv row 2: flow "-5" is not a finite number >= 0/);
  });
});
