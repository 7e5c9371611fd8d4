import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
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

describe('writeFileAtomic on paths that cannot be written', () => {
  it('refuses a folder as the target, with or without force, and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    await mkdir(join(dir, 'sub'));
    for (const force of [false, true]) {
      await expect(writeFileAtomic(join(dir, 'sub'), 'x', { force })).rejects.toThrow(`${join(dir, 'sub')}: cannot write: it is a directory`);
    }
    expect(await readdir(dir)).toEqual(['sub']);
    expect(await readdir(join(dir, 'sub'))).toEqual([]);
  });

  it('names a parent that is a file, not a folder (a UsageError, not an internal error)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    await writeFile(join(dir, 'plain'), 'x');
    const path = join(dir, 'plain', 'out.json');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(`${path}: cannot write: ${join(dir, 'plain')} is not a folder`);
  });

  it('without force, never replaces a file even when many writers race for the same name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const path = join(dir, 'out.json');
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => writeFileAtomic(path, `writer ${i}`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(UsageError);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(await readFile(path, 'utf8')).toBe(`writer ${winner}`);
    expect(await readdir(dir)).toEqual(['out.json']);
  });
});
