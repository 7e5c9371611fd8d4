/**
 * No shipped file cites a path outside the repository (issue 16): a reader of a preset,
 * a doc, the dataset or the page cannot open `shared/data/...`, which lived outside the
 * repository on the machine the dataset was built on, so everything cites the documents
 * themselves (publisher, year, URL, DOI or page).
 *
 * The dataset's source table (graphs/src/sources.csv) gets its own checks: its text is
 * copied into every element's `source` attribute of graphs/rare-earths-2024.json and into
 * docs/dataset.md, so a locator there must be a document a reader can open, and a locator
 * that names a file of the repository must name one that exists. There are no exceptions:
 * the two compilations that used to be cited by path (`facts-2024`, `facts-2025`) were
 * replaced by their primary documents.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_PATH, readTables } from '../../scripts/data/build-lib.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = ['README.md', 'docs', 'graphs', 'scripts', 'src', 'web/src', 'web/index.html'];
const TEXT = /\.(md|json|csv|ts|mjs|mts|js|py|html|css)$/;
/** A path that only exists outside the repository: the shared data folder, or an absolute path on the build machine. */
const OUTSIDE = /shared\/data\/|\/work\/(shared|main|wt)\//;
/** A token of a locator that names a file by a relative path with an extension (`graphs/src/derivations.csv`). */
const REPO_PATH = /^[\w.-]+(\/[\w.-]+)+\.(md|csv|json|ts|mjs|txt)$/;

function files(path: string): string[] {
  const full = join(ROOT, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return [path];
  return readdirSync(full).flatMap((name) => files(join(path, name)));
}

describe('shipped files cite no path outside the repository', () => {
  const shipped = SHIPPED.flatMap(files).filter((f) => TEXT.test(f) && !f.includes('node_modules'));

  it('finds the files it checks (presets, the dataset and its tables among them)', () => {
    expect(shipped.some((f) => f.startsWith('graphs/scenarios/'))).toBe(true);
    for (const f of ['graphs/src/sources.csv', 'graphs/rare-earths-2024.json', 'docs/dataset.md']) expect(shipped).toContain(f);
    expect(shipped.length).toBeGreaterThan(100);
  });

  it('no file mentions one', () => {
    const offenders = shipped.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => OUTSIDE.test(line))
        .map(([line, i]) => `${f}:${i + 1}: ${line.trim().slice(0, 120)}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('dataset sources (graphs/src/sources.csv)', () => {
  const sources = readTables(join(ROOT, 'graphs', 'src')).sources ?? [];

  it('has rows to check', () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it('no locator points at shared/data or any path outside the repository', () => {
    const offenders = sources.filter((s) => OUTSIDE_PATH.test(s.locator ?? '') || OUTSIDE.test(s.locator ?? '')).map((s) => `${s.id}: ${s.locator}`);
    expect(offenders).toEqual([]);
  });

  it('cites no compilation that lives outside the repository, in any column', () => {
    const offenders = sources.filter((s) => /rare-earth-facts|shared\/data|facts sheet/i.test(Object.values(s).join(' '))).map((s) => s.id);
    expect(offenders).toEqual([]);
  });

  it('a locator naming a repository file names one that exists', () => {
    const missing = sources.flatMap((s) =>
      (s.locator ?? '')
        .split(/[\s;,]+/)
        .filter((token) => REPO_PATH.test(token) && !/^https?:/.test(token))
        .filter((token) => !existsSync(join(ROOT, token)))
        .map((token) => `${s.id}: ${token}`),
    );
    expect(missing).toEqual([]);
  });

  it('every source has a whole-number year and a locator', () => {
    for (const s of sources) {
      expect(s.year, s.id).toMatch(/^(19|20)\d\d$/);
      expect((s.locator ?? '').trim(), s.id).not.toBe('');
    }
  });
});
