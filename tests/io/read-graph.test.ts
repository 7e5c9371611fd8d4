import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonDepth, MAX_JSON_DEPTH, parseJsonText, readGraphFile, readTextFile } from '../../src/io/read-graph.js';
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

describe('readTextFile', () => {
  const tiny = join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json');

  it('drops a UTF-8 byte-order mark (as Excel and Notepad write)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const file = join(dir, 'bom.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(tiny)]));
    expect((await readGraphFile(file)).graph.order).toBe(6);
    expect((await readTextFile(file)).startsWith('{')).toBe(true);
  });

  it('refuses UTF-16 text and binary data, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const utf16 = join(dir, 'utf16.csv');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key,stage\n', 'utf16le')]));
    await expect(readTextFile(utf16)).rejects.toThrow(`${utf16}: file: the file is UTF-16 text; save it as UTF-8`);
    const binary = join(dir, 'data.csv');
    await writeFile(binary, Buffer.from([0x6b, 0x65, 0x79, 0x00, 0x01]));
    await expect(readTextFile(binary)).rejects.toThrow(InputError);
    await expect(readTextFile(binary)).rejects.toThrow(`${binary}: file: the file is binary, not text`);
  });

  it('refuses a device or a pipe instead of blocking on it', async () => {
    await expect(readTextFile('/dev/null')).rejects.toThrow('/dev/null: file: is not a regular file');
  });

  it('names the file by its label when one is given', async () => {
    await expect(readTextFile('/no/such/dir/graph.json', 'graph.json')).rejects.toThrow(/^graph\.json: no such file$/);
    await expect(readTextFile(tmpdir(), 'x.json')).rejects.toThrow('x.json: file: is a directory, not a file');
  });
});

describe('checkJsonDepth', () => {
  /** Objects and arrays, alternately, exactly `depth` levels deep. */
  const nested = (depth: number): unknown => (depth <= 1 ? {} : depth % 2 === 0 ? [nested(depth - 1)] : { a: nested(depth - 1) });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1}`, () => {
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH), 'f.json')).not.toThrow();
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH + 1), 'f.json')).toThrow(`f.json: file: arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH + 1), 'request body', 'request body')).toThrow(InputError);
  });

  it('refuses 100,000 levels without overflowing the stack', () => {
    expect(() => parseJsonText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.json')).toThrow('deep.json: file: arrays and objects nested more than');
  });
});
