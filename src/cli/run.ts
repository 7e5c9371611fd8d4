/** Process entry of the CLI (used by bin/chokepoint.js): loads only the command it runs (lazy.ts). */
import { runCliLazily } from './lazy.js';

// A reader that stops early (`chokepoint metrics ... | head`) closes the pipe: stop quietly,
// as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCliLazily(process.argv.slice(2));
