/**
 * `chokepoint info <file>`: counts by stage and country, and total flow per stage. On a
 * generic graph (model/supply-chain.ts) the stage table is left out when a node has no
 * stage, throughput when an edge has no flow, and nodes without a country are not counted
 * by country.
 */
import { Option, type Command } from 'commander';
import { readGraphFile } from '../../io/read-graph.js';
import type { SupplyGraph } from '../../model/graph.js';
import { stagesOf } from '../../model/stages.js';
import { stageThroughput } from '../../metrics/flow/throughput.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';
import { unitOf } from '../../model/units.js';
import { hasCountry, hasStage, metNeeds } from '../../model/supply-chain.js';

export interface GraphInfo {
  name: string;
  nodes: number;
  edges: number;
  unit: string;
  /** Empty when a node has no stage; `throughput` absent when an edge has no flow. */
  stages: { stage: string; nodes: number; throughput?: number }[];
  countries: { country: string; nodes: number }[];
}

export function graphInfo(graph: SupplyGraph): GraphInfo {
  const attributes = graph.getAttributes();
  const met = metNeeds(graph);
  const totals = met.has('stage') && met.has('flow') ? stageThroughput(graph) : null;
  const byStage = new Map<string, number>();
  const byCountry = new Map<string, number>();
  graph.forEachNode((_node, a) => {
    if (hasStage(a)) byStage.set(a.stage, (byStage.get(a.stage) ?? 0) + 1);
    if (hasCountry(a)) byCountry.set(a.country, (byCountry.get(a.country) ?? 0) + 1);
  });
  return {
    name: attributes.name ?? '',
    nodes: graph.order,
    edges: graph.size,
    unit: unitOf(attributes),
    stages: met.has('stage') ? stagesOf(attributes).map((stage) => ({ stage, nodes: byStage.get(stage) ?? 0, ...(totals ? { throughput: totals[stage] ?? 0 } : {}) })) : [],
    countries: [...byCountry].map(([country, nodes]) => ({ country, nodes })).sort((a, b) => b.nodes - a.nodes || a.country.localeCompare(b.country)),
  };
}

export function registerInfo(program: Command, ctx: CliContext): void {
  program
    .command('info')
    .description('counts by stage and country, and total flow (throughput) per stage')
    .argument('<file>', 'graph JSON file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { format: string }) => {
      const { graph } = await readGraphFile(file);
      const info = graphInfo(graph);
      if (options.format === 'json') {
        ctx.stdout(`${JSON.stringify(info, null, 2)}\n`);
        return;
      }
      ctx.stdout(`${info.name || file}: ${info.nodes} nodes, ${info.edges} edges (flows in ${info.unit})\n\n`);
      if (info.stages.length === 0) ctx.stdout('no stages: not every node has a stage attribute (a generic graph)\n');
      else ctx.stdout(formatTable(['stage', 'nodes', 'throughput'], info.stages.map((s) => [s.stage, s.nodes, s.throughput ?? ''])));
      ctx.stdout('\n');
      ctx.stdout(formatTable(['country', 'nodes'], info.countries.map((c) => [c.country, c.nodes])));
    });
}
