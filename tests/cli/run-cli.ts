/** Runs the CLI in-process and captures what it prints. */
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `run` (a CLI entry: main.ts runCli, lazy.ts runCliLazily) on `argv`, capturing what it prints. */
export async function capture(run: (argv: string[], ctx: CliContext) => Promise<number>, argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

export async function cli(...argv: string[]): Promise<CliRun> {
  return capture(runCli, argv);
}
