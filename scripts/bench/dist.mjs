// Where the benchmark jobs load the compiled code from: $CHOKEPOINT_DIST (run.mjs builds a
// private copy in .tmp/bench/dist, so another `npm run build` cannot change it mid-run),
// else the project's dist/.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DIST = process.env.CHOKEPOINT_DIST ?? new URL('../../dist', import.meta.url).pathname;

/** Imports a compiled module by its path under dist/, e.g. 'io/read-graph.js'. */
export function load(path) {
  return import(pathToFileURL(join(DIST, path)).href);
}
