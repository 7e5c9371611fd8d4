import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { InputError, NotFoundError } from '../../src/model/errors.js';
import expected from '../fixtures/bad/expected.json' with { type: 'json' };

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');
const table = expected as Record<string, string>;

describe('readGraphFile on the bad-input corpus', () => {
  it('has an expected message for every file in tests/fixtures/bad', async () => {
    const files = (await readdir(BAD)).filter((f) => f !== 'expected.json').sort();
    expect(files).toEqual(Object.keys(table).sort());
  });

  for (const [file, message] of Object.entries(table)) {
    it(`${file}: ${message}`, async () => {
      const path = join(BAD, file);
      const error = await readGraphFile(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const input = error as InputError;
      expect(input.file).toBe(path);
      expect(input.message.startsWith(`${path}: `)).toBe(true);
      expect(input.message).toContain(`${path}: ${message}`);
    });
  }
});

describe('readGraphFile on missing files and folders', () => {
  it('names a missing file', async () => {
    await expect(readGraphFile('no/such/file.json')).rejects.toThrow(NotFoundError);
    await expect(readGraphFile('no/such/file.json')).rejects.toThrow('no/such/file.json: no such file');
  });

  it('refuses a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    await expect(readGraphFile(dir)).rejects.toThrow(`${dir}: file: is a directory, not a file`);
  });
});
