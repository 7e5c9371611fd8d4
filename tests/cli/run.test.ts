/**
 * The process entry (bin/chokepoint.js -> dist/cli/run.js): a reader that closes the pipe
 * early, as `| head` does, ends the command quietly. Runs the compiled CLI (`npm install`
 * or `npm run build` builds it).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('chokepoint as a process', () => {
  it('stops quietly with exit 0 when stdout is closed early', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'chokepoint.js'), 'info', join(ROOT, 'graphs', 'rare-earths-2024.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Closed before the command prints anything: its first write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
