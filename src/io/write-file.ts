/**
 * Atomic file writes: the data goes to a temporary file in the same folder, then is
 * renamed over the target, so a reader never sees half a file and a crash loses nothing.
 * An existing file is only replaced when `force` is set.
 */
import { randomBytes } from 'node:crypto';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../model/errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  if (!options.force && (await exists(path))) {
    throw new UsageError(`${path}: the file exists; pass --force to replace it`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: cannot write: the folder ${dirname(path)} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${path}: cannot write: permission denied`);
    if (code === 'EISDIR') throw new UsageError(`${path}: cannot write: it is a directory`);
    throw error;
  }
}
