/** `chokepoint validate <file>`: checks a graph file and prints OK with counts or the problems. */
import type { Command } from 'commander';
import { readGraphFile } from '../../io/read-graph.js';
import type { CliContext } from '../context.js';
import { hasCountry, metNeeds, missing } from '../../model/supply-chain.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check a graph file; prints OK with counts, or every problem found')
    .argument('<file>', 'graph JSON file')
    .action(async (file: string) => {
      const { graph, warnings } = await readGraphFile(file);
      for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
      const countries = new Set(graph.filterNodes((_n, a) => hasCountry(a)).map((n) => graph.getNodeAttribute(n, 'country')));
      ctx.stdout(`OK ${file}: ${graph.order} nodes, ${graph.size} edges, ${countries.size} countries\n`);
      // A generic graph (docs/format.md): say what the supply-chain analyses will miss.
      const met = metNeeds(graph);
      const gaps = (['stage', 'country', 'flow'] as const).filter((need) => !met.has(need)).map((need) => `${missing(graph, need)?.element ?? ''} has no ${need}`);
      if (gaps.length > 0) ctx.stdout(`graph metrics only: ${gaps.join(', ')}; the supply-chain analyses (concentration, scenarios, ...) need them (docs/format.md, "Generic graphs")\n`);
    });
}
