import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-file.js';
import { UsageError } from '../../src/model/errors.js';

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    await writeFileAtomic(join(dir, 'out.json'), '{"a":1}');
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('refuses to replace an existing file without force, and keeps it intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const path = join(dir, 'out.json');
    await writeFile(path, 'original');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow(`${path}: the file exists; pass --force to replace it`);
    expect(await readFile(path, 'utf8')).toBe('original');
    await writeFileAtomic(path, 'new', { force: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const path = join(tmpdir(), 'no-such-dir-chokepoint', 'x.json');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(`${path}: cannot write: the folder`);
  });
});
