/**
 * `chokepoint generate --nodes N --seed S [--back-edges F] [--edges-per-node D] -o FILE`:
 * writes a synthetic layered supply graph (src/generate/supply-graph.ts) atomically.
 */
import type { Command } from 'commander';
import { generateSupplyGraph } from '../../generate/supply-graph.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { UsageError } from '../../model/errors.js';
import type { SerializedGraphInput } from '../../model/schema.js';
import type { CliContext } from '../context.js';

interface GenerateFlags {
  nodes: string;
  seed: string;
  backEdges: string;
  edgesPerNode: string;
  out: string;
  force?: boolean;
}

function number(flag: string, text: string, whole: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (whole && !Number.isSafeInteger(value))) {
    throw new UsageError(`${flag}: expected ${whole ? 'a whole number' : 'a number'} (got "${text}")`);
  }
  return value;
}

/** Graph JSON with one node or edge per line: compact, yet diffable and quick to parse. */
export function graphJson(graph: SerializedGraphInput): string {
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`);
  return `{"attributes":${JSON.stringify(graph.attributes ?? {})},\n"nodes":${list(graph.nodes)},\n"edges":${list(graph.edges ?? [])}}\n`;
}

export function registerGenerate(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('write a synthetic layered supply graph (for benchmarks and tests)')
    .requiredOption('--nodes <n>', 'number of nodes (>= 7, one per stage)')
    .requiredOption('--seed <s>', 'random seed (whole number >= 0); the same seed gives the same graph')
    .option('--back-edges <fraction>', 'fraction of edges pointing back upstream (recycling loops)', '0')
    .option('--edges-per-node <d>', 'average number of edges per node', '3')
    .requiredOption('-o, --out <file>', 'where to write the graph JSON')
    .option('--force', 'replace the output file if it exists')
    .action(async (flags: GenerateFlags) => {
      const graph = generateSupplyGraph({
        nodes: number('--nodes', flags.nodes, true),
        seed: number('--seed', flags.seed, true),
        backEdges: number('--back-edges', flags.backEdges, false),
        edgesPerNode: number('--edges-per-node', flags.edgesPerNode, false),
      });
      await writeFileAtomic(flags.out, graphJson(graph), { force: flags.force === true });
      ctx.stdout(`wrote ${flags.out}: ${graph.nodes.length} nodes, ${graph.edges?.length ?? 0} edges\n`);
    });
}
