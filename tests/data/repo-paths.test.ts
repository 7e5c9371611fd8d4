/**
 * No shipped file cites a path outside the repository (issue 16): a reader of a preset,
 * a doc or the page cannot open `shared/data/...`, which lives outside the repository on
 * the machine the dataset was built on, so descriptions cite the primary documents
 * instead.
 *
 * Known and named exception: the dataset's source table (graphs/src/sources.csv) still
 * lists the two compilations `facts-2024` and `facts-2025` by their path, and that text is
 * copied into the built graph's `source` attributes and into docs/dataset.md by
 * scripts/data/build.mjs. Replacing them means re-sourcing every node that cites them
 * (about 150 rows of graphs/src): a dataset task of its own, listed here so that no other
 * file can start citing outside paths unnoticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = ['README.md', 'docs', 'graphs', 'scripts', 'src', 'web/src', 'web/index.html'];
const EXCEPTIONS = new Set(['graphs/src/sources.csv', 'graphs/rare-earths-2024.json', 'docs/dataset.md']);
const TEXT = /\.(md|json|csv|ts|mjs|mts|js|py|html|css)$/;
/** A path that only exists outside the repository: the shared data folder, or an absolute path on the build machine. */
const OUTSIDE = /shared\/data\/|\/work\/(shared|main|wt)\//;

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

  it('finds the files it checks (presets among them)', () => {
    expect(shipped.some((f) => f.startsWith('graphs/scenarios/'))).toBe(true);
    expect(shipped.length).toBeGreaterThan(100);
  });

  it('no file outside the named exceptions mentions one', () => {
    const offenders = shipped
      .filter((f) => !EXCEPTIONS.has(relative('.', f)))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => [line, i] as const)
          .filter(([line]) => OUTSIDE.test(line))
          .map(([line, i]) => `${f}:${i + 1}: ${line.trim().slice(0, 120)}`),
      );
    expect(offenders).toEqual([]);
  });
});
