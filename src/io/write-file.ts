/**
 * Atomic file writes: the data goes to a temporary file in the same folder, then takes
 * the target's name in one step, so a reader never sees half a file and a crash loses
 * nothing. An existing file is only replaced when `force` is set; without it the temporary
 * file is hard-linked to the target name, which fails if the name exists, so a file
 * created meanwhile by another process is not replaced either (on file systems without
 * hard links: a check, then rename).
 */
import { randomBytes } from 'node:crypto';
import { link, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../model/errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

const exists = (path: string) => new UsageError(`${path}: the file exists; pass --force to replace it`);

/** Type of what is at `path`: 'none', 'dir' or 'file' (anything else that is not a folder). */
async function kindOf(path: string): Promise<'none' | 'dir' | 'file'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
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

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const kind = await kindOf(path);
  if (kind === 'dir') throw new UsageError(`${path}: cannot write: it is a directory`);
  if (kind === 'file' && !options.force) throw exists(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
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
