/**
 * Atomic file writes: the data goes to a temporary file in the same folder, then takes
 * the target's name in one step, so a reader never sees half a file and a crash loses
 * nothing. An existing file is only replaced when `force` is set; without it the temporary
 * file is hard-linked to the target name, which fails if the name exists, so a file
 * created meanwhile by another process is not replaced either (on file systems without
 * hard links: a check, then rename).
 *
 * Only regular files are written: a device, pipe (FIFO) or socket at the path is refused,
 * with or without `force` (renaming over it would replace it: as root, /dev/null); to
 * write to standard output, leave out `-o`. An empty path is refused too. The temporary
 * name is `.<name>.<pid>-<random>.tmp`, or, when that would pass the 255-byte limit of a
 * file name (NAME_MAX), `.<sha-256 of name, 32 hex>.<pid>-<random>.tmp`; temporary files
 * for the same target left by a process that no longer runs (killed with kill -9, say) or
 * older than a day are removed on the next write.
 *
 * The data is a string, bytes, or text in chunks (an iterable of strings, written one
 * after the other as UTF-8: a large report written row by row, io/json-chunks.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../model/errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

const exists = (path: string) => new UsageError(`${path}: the file exists; pass --force to replace it`);

/** Type of what is at `path` (links followed): 'none', 'dir', 'file', or 'other' (a device, pipe or socket). */
async function kindOf(path: string): Promise<'none' | 'dir' | 'file' | 'other'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/** Longest file name, in bytes, on the file systems chokepoint writes to (NAME_MAX). */
export const NAME_MAX = 255;

/** The part of a temporary name before `<pid>-<random>.tmp`, for the target file name `name`. */
export function tempPrefix(name: string): string {
  // `.` + name + `.` + pid (up to 7 digits) + `-` + 12 hex + `.tmp`
  if (Buffer.byteLength(name) + 26 <= NAME_MAX) return `.${name}.`;
  return `.${createHash('sha256').update(name).digest('hex').slice(0, 32)}.`;
}

const TEMP_SUFFIX = /^(\d+)-[0-9a-f]{12}\.tmp$/;
const STALE_MS = 24 * 60 * 60 * 1000;

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files for `name` in `dir` whose process is gone or that are older than a day. */
async function removeStale(dir: string, name: string): Promise<void> {
  const prefix = tempPrefix(name);
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const match = TEMP_SUFFIX.exec(entry.slice(prefix.length));
    if (!match) continue;
    const file = join(dir, entry);
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) continue;
    if (!running(Number(match[1])) || Date.now() - info.mtimeMs > STALE_MS) await rm(file, { force: true }).catch(() => {});
  }
}

/** Puts `temp` at `path` without replacing an existing file. */
async function placeNew(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // No hard links here (some network and FAT file systems): check, then rename.
    if ((await kindOf(path)) !== 'none') throw exists(path);
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}

/** Writes text chunks to a new file (`wx`: it must not exist). */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8');
      // A write may take only part of the bytes: go on until all are written.
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions = {}): Promise<void> {
  if (path === '') throw new UsageError('the output path is empty: name a file (or leave out -o to write to standard output)');
  const kind = await kindOf(path);
  if (kind === 'dir') throw new UsageError(`${path}: cannot write: it is a directory`);
  if (kind === 'other') throw new UsageError(`${path}: cannot write: not a regular file (a device, pipe or socket); leave out -o to write to standard output`);
  if (kind === 'file' && !options.force) throw exists(path);
  const name = basename(path);
  if (Buffer.byteLength(name) > NAME_MAX) throw new UsageError(`${path}: cannot write: the file name is longer than ${NAME_MAX} bytes`);
  await removeStale(dirname(path), name);
  const temp = join(dirname(path), `${tempPrefix(name)}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(temp, data, { flag: 'wx' });
    else await writeChunks(temp, data);
    if (options.force) await rename(temp, path);
    else await placeNew(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: cannot write: the folder ${dirname(path)} does not exist`);
    if (code === 'ENOTDIR') throw new UsageError(`${path}: cannot write: ${dirname(path)} is not a folder`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`${path}: cannot write: permission denied`);
    if (code === 'EISDIR') throw new UsageError(`${path}: cannot write: it is a directory`);
    throw error;
  }
}
