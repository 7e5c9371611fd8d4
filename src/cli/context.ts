/**
 * What a CLI command may touch: its output streams. Commands write through this so tests
 * can run the CLI in-process and read what it printed.
 */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars are shown only then). */
  stderrIsTTY: boolean;
}

export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
