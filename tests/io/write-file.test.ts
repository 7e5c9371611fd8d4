import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_MAX, tempPrefix, writeFileAtomic } from '../../src/io/write-file.js';
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

  it('writes text given in chunks (UTF-8, in order), atomically, and replaces only with force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const path = join(dir, 'out.json');
    function* chunks() {
      yield '{"name": "Ω';
      yield 'x'.repeat(100_000);
      yield '"}\n';
    }
    await writeFileAtomic(path, chunks());
    expect(await readFile(path, 'utf8')).toBe(`{"name": "Ω${'x'.repeat(100_000)}"}\n`);
    await expect(writeFileAtomic(path, ['other'])).rejects.toThrow(UsageError);
    await writeFileAtomic(path, ['a', 'b'], { force: true });
    expect(await readFile(path, 'utf8')).toBe('ab');
    expect(await readdir(dir)).toEqual(['out.json']);
  });

  it('leaves no temporary file when the chunks fail midway, and keeps the old file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const path = join(dir, 'out.json');
    await writeFile(path, 'original');
    function* failing() {
      yield 'part';
      throw new Error('the report failed');
    }
    await expect(writeFileAtomic(path, failing(), { force: true })).rejects.toThrow('the report failed');
    expect(await readFile(path, 'utf8')).toBe('original');
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

describe('writeFileAtomic: hostile output paths (issue 14)', () => {
  it('refuses a FIFO or a character device, even with force, and leaves it in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const force of [false, true]) {
      await expect(writeFileAtomic(fifo, 'x', { force })).rejects.toThrow(UsageError);
      await expect(writeFileAtomic(fifo, 'x', { force })).rejects.toThrow(`${fifo}: cannot write: not a regular file (a device, pipe or socket)`);
    }
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['pipe']);
    // /dev/null is a character device: refused before anything is written next to it.
    await expect(writeFileAtomic('/dev/null', 'x', { force: true })).rejects.toThrow(/^\/dev\/null: cannot write: not a regular file/);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('refuses an empty path with a message that names it, not the folder "."', async () => {
    await expect(writeFileAtomic('', 'x')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic('', 'x')).rejects.toThrow(/^the output path is empty/);
  });

  it('writes a file whose name is 245 characters (the temporary name stays within 255 bytes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const name = `${'n'.repeat(240)}.json`;
    await writeFileAtomic(join(dir, name), 'x');
    expect(await readdir(dir)).toEqual([name]);
    expect(Buffer.byteLength(tempPrefix(name)) + 26).toBeLessThanOrEqual(NAME_MAX);
    expect(tempPrefix('out.json')).toBe('.out.json.');
    await expect(writeFileAtomic(join(dir, 'n'.repeat(256)), 'x')).rejects.toThrow(/the file name is longer than 255 bytes/);
  });

  it('removes temporary files of the same target left by a process that is gone, not those of a running one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-'));
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    const stale = `.out.json.${gone}-0123456789ab.tmp`;
    const live = `.out.json.${process.ppid}-0123456789ab.tmp`;
    const other = `.other.json.${gone}-0123456789ab.tmp`;
    for (const name of [stale, live, other]) await writeFile(join(dir, name), 'partial');
    await writeFileAtomic(join(dir, 'out.json'), 'x');
    expect((await readdir(dir)).sort()).toEqual([live, other, 'out.json'].sort());
  });
});
