/** Process entry of the CLI (used by bin/chokepoint.js). */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
