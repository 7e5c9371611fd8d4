/** `chokepoint validate <file>`: checks a graph file and prints OK with counts or the problems. */
import type { Command } from 'commander';
import { readGraphFile } from '../../io/read-graph.js';
import type { CliContext } from '../context.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check a graph file; prints OK with counts, or every problem found')
    .argument('<file>', 'graph JSON file')
    .action(async (file: string) => {
      const { graph, warnings } = await readGraphFile(file);
      for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
      const countries = new Set(graph.mapNodes((_n, a) => a.country));
      ctx.stdout(`OK ${file}: ${graph.order} nodes, ${graph.size} edges, ${countries.size} countries\n`);
    });
}
