/**
 * Property: with no action and capacities >= flows, the allocation LP delivers exactly the
 * observed flow into the sinks (the observed flows are a feasible plan, and no sink takes
 * more than its in-flow). Checked on the default dataset and on random generated graphs.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAllocation } from '../../src/allocation/index.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import type { SupplyGraph } from '../../src/model/graph.js';

/** Observed flow into the sinks that take material (a sink of capacity 0, such as the dataset's unconsumed sinks, never counts as delivered). */
function observedDelivery(graph: SupplyGraph): number {
  let total = 0;
  graph.forEachNode((node, a) => {
    if (graph.outDegree(node) === 0 && graph.inDegree(node) > 0 && a.capacity !== 0) total += graph.reduceInEdges(node, (s, _e, e) => s + e.flow, 0);
  });
  return total;
}

describe('baseline allocation equals observed delivery', () => {
  it('on the default dataset', () => {
    const file = 'graphs/rare-earths-2024.json';
    const graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
    const baseline = applyScenario(graph, { name: 'baseline', actions: [] });
    const expected = observedDelivery(baseline.graph);
    expect(solveAllocation(baseline).delivered).toBeCloseTo(expected, 6);
    const fair = solveAllocation(baseline, { objective: 'fair' });
    expect(fair.delivered / expected).toBeCloseTo(1, 9);
    expect(fair.fairLevel).toBeCloseTo(1, 9);
  });

  it('on random generated graphs (capacities raised to at least the flows)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 160 }), fc.integer({ min: 1, max: 10_000 }), (nodes, seed) => {
        const graph = parseGraph(generateSupplyGraph({ nodes, seed, backEdges: 0.05 }), 'generated.json').graph;
        graph.forEachEdge((edge, a) => {
          if (a.capacity !== undefined && a.capacity < a.flow) graph.setEdgeAttribute(edge, 'capacity', a.flow);
        });
        graph.forEachNode((node, a) => {
          const through = Math.max(graph.reduceInEdges(node, (s, _e, e) => s + e.flow, 0), graph.reduceOutEdges(node, (s, _e, e) => s + e.flow, 0));
          if (a.capacity !== undefined && a.capacity < through) graph.setNodeAttribute(node, 'capacity', through);
        });
        const baseline = applyScenario(graph, { name: 'baseline', actions: [] });
        const expected = observedDelivery(baseline.graph);
        const delivered = solveAllocation(baseline).delivered;
        expect(Math.abs(delivered - expected)).toBeLessThanOrEqual(1e-7 * Math.max(1, expected));
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
