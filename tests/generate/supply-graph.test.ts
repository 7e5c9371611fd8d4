import { describe, expect, it } from 'vitest';
import { generateSupplyGraph, stageSizes, type GenerateOptions } from '../../src/generate/supply-graph.js';
import { UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { DEFAULT_STAGES } from '../../src/model/stages.js';

describe('generateSupplyGraph', () => {
  it('is valid under parseGraph with the node and edge counts asked for', () => {
    for (const [nodes, edgesPerNode, backEdges] of [[50, 3, 0], [500, 2.5, 0.05], [2000, 3, 0.2], [7, 0.5, 0]] as const) {
      const data = generateSupplyGraph({ nodes, seed: 3, edgesPerNode, backEdges });
      const { graph, warnings } = parseGraph(JSON.parse(JSON.stringify(data)), 'synthetic.json');
      expect(warnings).toEqual([]);
      expect(graph.order).toBe(nodes);
      expect(graph.size).toBe(Math.round(edgesPerNode * nodes));
    }
  });

  it('is deterministic per seed', () => {
    const a = JSON.stringify(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.05 }));
    expect(JSON.stringify(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.05 }))).toBe(a);
    expect(JSON.stringify(generateSupplyGraph({ nodes: 300, seed: 10, backEdges: 0.05 }))).not.toBe(a);
  });

  it('sources every node and edge, uses every stage and has one dominant country', () => {
    const data = generateSupplyGraph({ nodes: 1000, seed: 4 });
    const source = 'synthetic (chokepoint generate, seed 4)';
    const { graph } = parseGraph(data, 'synthetic.json');
    expect(graph.everyNode((_n, a) => a.source === source)).toBe(true);
    expect(graph.everyEdge((_e, a) => a.source === source && a.flow > 0 && (a.capacity ?? 0) >= a.flow)).toBe(true);
    expect(new Set(graph.mapNodes((_n, a) => a.stage))).toEqual(new Set(DEFAULT_STAGES));
    const counts = new Map<string, number>();
    graph.forEachNode((_n, a) => counts.set(a.country, (counts.get(a.country) ?? 0) + 1));
    const [top, second] = [...counts.values()].sort((x, y) => y - x);
    expect(top as number).toBeGreaterThan(5 * (second as number));
  });

  it('points about the asked fraction of edges upstream, and none without back edges', () => {
    const stageIndex = (stage: string) => DEFAULT_STAGES.indexOf(stage as (typeof DEFAULT_STAGES)[number]);
    const upstream = (backEdges: number) => {
      const { graph } = parseGraph(generateSupplyGraph({ nodes: 2000, seed: 5, backEdges }), 'synthetic.json');
      return graph.filterEdges((_e, _a, s, t, sa, ta) => stageIndex(ta.stage) <= stageIndex(sa.stage)).length / graph.size;
    };
    expect(upstream(0)).toBe(0);
    expect(upstream(0.05)).toBeCloseTo(0.05, 3);
  });

  it('has heavy-tailed degrees: the busiest node has many times the mean degree', () => {
    const { graph } = parseGraph(generateSupplyGraph({ nodes: 5000, seed: 6 }), 'synthetic.json');
    const maxOut = Math.max(...graph.mapNodes((n) => graph.outDegree(n)));
    expect(maxOut).toBeGreaterThan(20 * (graph.size / graph.order));
  });

  it('splits nodes over the stages with at least one each', () => {
    expect(stageSizes(7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const sizes = stageSizes(10_000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(sizes[6]).toBeGreaterThan(sizes[0] as number);
  });

  it.each<[string, GenerateOptions]>([
    ['too few nodes', { nodes: 6, seed: 1 }],
    ['fractional nodes', { nodes: 10.5, seed: 1 }],
    ['too many nodes', { nodes: 1e8, seed: 1 }],
    ['a negative seed', { nodes: 10, seed: -1 }],
    ['a back-edge fraction of 1', { nodes: 100, seed: 1, backEdges: 1 }],
    ['a negative back-edge fraction', { nodes: 100, seed: 1, backEdges: -0.1 }],
    ['zero edges per node', { nodes: 100, seed: 1, edgesPerNode: 0 }],
    ['more edges than fit', { nodes: 20, seed: 1, edgesPerNode: 10 }],
    ['an unknown option', { nodes: 100, seed: 1, backedges: 0.1 } as GenerateOptions],
  ])('rejects %s with a UsageError', (_what, options) => {
    expect(() => generateSupplyGraph(options)).toThrow(UsageError);
  });
});
