/**
 * compact-flows.ts: what the baseline worker reads off a compact graph's maximum flow
 * equals the functions the calling thread runs: `maxFlow` of the active graph (value and
 * every edge flow), `sinkMaxFlow` of each group (each on a fresh compact graph, so no
 * state is shared), and `topKnockoutLosses` (reference ranking), on a generated graph
 * with loops and on the default dataset.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { compactGraph } from '../../src/model/compact.js';
import { activeSubgraph, type SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { topKnockoutLosses } from '../../src/metrics/flow/knockout-top.js';
import { maxFlow } from '../../src/metrics/flow/max-flow.js';
import { baselineFlowFigures } from '../../src/scenario/compact-flows.js';
import { sinksOf } from '../../src/scenario/evaluation-side.js';
import { sinkMaxFlow } from '../../src/scenario/sink-max-flow.js';

const file = 'graphs/rare-earths-2024.json';
const graphs: [string, SupplyGraph][] = [
  ['generated', parseGraph(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.05 }), 'generated').graph],
  ['dataset', activeSubgraph(parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph)],
];

describe('baselineFlowFigures', () => {
  for (const [name, graph] of graphs) {
    it(`equals maxFlow, sinkMaxFlow and topKnockoutLosses (${name})`, () => {
      const sinks = sinksOf(graph).sort();
      const groups = [...sinks.map((s) => [s]), sinks.slice(0, Math.ceil(sinks.length / 2)), sinks];
      const figures = baselineFlowFigures(compactGraph(graph), 5, groups);
      const flow = maxFlow(graph);
      expect(figures.value).toBe(flow.value);
      const compact = compactGraph(graph);
      expect(Object.fromEntries(compact.edges.map((edge, e) => [edge, figures.edgeFlow[e]]))).toEqual(Object.fromEntries(compact.edges.map((edge) => [edge, flow.edgeFlow[edge] ?? 0])));
      expect(figures.groups).toEqual(groups.map((group) => sinkMaxFlow(compactGraph(graph), new Set(group))));
      expect(figures.bottlenecks).toEqual(topKnockoutLosses(graph, 5, (node) => graph.outDegree(node) > 0));
      expect(baselineFlowFigures(compactGraph(graph), 0, []).bottlenecks).toEqual([]);
    });
  }
});
