// Replaces one `## Heading` section of a Markdown file (appends it when absent), leaving
// the other sections as they are: several scripts write their own part of
// docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeSection(file, heading, text) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`\n${heading}`);
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const next = current.indexOf('\n## ', start + 1);
  writeFileSync(file, `${current.slice(0, start + 1)}${text}${next < 0 ? '' : current.slice(next)}`);
}
