/**
 * liveNodes (src/allocation/live-nodes.ts): the nodes that can produce in some feasible
 * plan of the allocation LP. Hand-built cases (a missing complement, a zero capacity, a
 * stock, a cut edge, overrides) and the property that every node producing in an optimum
 * found is live; restrictColumns (linear-program.ts) against the same LP with the columns
 * fixed at 0 by their bounds.
 */
import { describe, expect, it } from 'vitest';
import { allocationNetwork, buildAllocationLp, solveAllocation, solveLp } from '../../src/allocation/index.js';
import { liveNodes } from '../../src/allocation/live-nodes.js';
import { restrictColumns } from '../../src/allocation/linear-program.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { build } from '../scenario/graphs.js';

/** NdPr (AU) and Dy/Tb (CN) into a magnet plant (JP) that needs both, magnets to EVs; a spare US mine feeds only a US end use. */
function magnets(dy: Record<string, unknown> = {}, plant: Record<string, unknown> = {}) {
  return build(
    [
      ['ndpr', 'refining', 'AU'],
      ['dy', 'refining', 'CN', dy],
      ['mag', 'magnet', 'JP', plant],
      ['ev', 'end-use', 'JP'],
      ['us', 'refining', 'US'],
      ['wind', 'end-use', 'US'],
    ],
    [
      ['ndpr', 'mag', 97, { material: 'NdPr metal' }],
      ['dy', 'mag', 3, { material: 'Dy/Tb metal' }],
      ['mag', 'ev', 100, { material: 'NdFeB magnet' }],
      ['us', 'wind', 10],
    ],
  );
}

const liveKeys = (graph: ReturnType<typeof magnets>, base = graph, options = {}) => {
  const net = allocationNetwork(graph, base);
  const live = liveNodes(net, options);
  return net.nodes.filter((_n, v) => live[v] === 1).sort();
};

describe('liveNodes', () => {
  it('keeps every node of a working chain', () => {
    expect(liveKeys(magnets())).toEqual(['dy', 'ev', 'mag', 'ndpr', 'us', 'wind']);
  });

  it('drops a plant whose complement cannot arrive, and everything it alone feeds', () => {
    const base = magnets();
    expect(liveKeys(magnets({ capacity: 0 }), base)).toEqual(['ndpr', 'us', 'wind']);
    const cut = magnets();
    cut.setEdgeAttribute('dy->mag', 'capacity', 0);
    expect(liveKeys(cut, base)).toEqual(['dy', 'ndpr', 'us', 'wind']);
    expect(liveKeys(magnets({}, { capacity: 0 }), base)).toEqual(['dy', 'ndpr', 'us', 'wind']);
  });

  it('keeps a node with stock, and follows capacity overrides', () => {
    const base = magnets();
    const graph = magnets({ capacity: 0 });
    expect(liveKeys(graph, base, { extraSupply: new Map([['mag', 5]]) })).toEqual(['ev', 'mag', 'ndpr', 'us', 'wind']);
    expect(liveKeys(base, base, { nodeCapacity: new Map([['us', 0]]) })).toEqual(['dy', 'ev', 'mag', 'ndpr']);
    expect(liveKeys(base, base, { edgeCapacity: new Map([['ndpr->mag', 0]]) })).toEqual(['dy', 'ndpr', 'us', 'wind']);
  });

  it('contains every node that produces in the optimum found, on generated graphs with outages', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const graph = parseGraph(generateSupplyGraph({ nodes: 120, seed, backEdges: 0.05 }), 'generated').graph;
      const base = applyScenario(graph, { name: 'baseline', actions: [] });
      const countries = [...new Set(graph.mapNodes((_n, a) => a.country))].sort();
      const after = applyScenario(graph, { name: 'outage', actions: [{ type: 'disableCountry', country: countries[seed % countries.length] as string }] });
      const net = allocationNetwork(after.graph, base.graph);
      const live = liveNodes(net);
      const result = solveAllocation(net);
      net.nodes.forEach((node, v) => {
        if (live[v] === 0) expect(result.activity[node] ?? 0, node).toBeLessThanOrEqual(1e-9);
      });
      expect(live.some((l) => l === 0)).toBe(true);
    }
  });
});

describe('restrictColumns', () => {
  it('solves to the optimum of the LP with those columns fixed at 0', () => {
    const graph = parseGraph(generateSupplyGraph({ nodes: 80, seed: 9, backEdges: 0.05 }), 'generated').graph;
    const base = applyScenario(graph, { name: 'baseline', actions: [] });
    const { lp } = buildAllocationLp(allocationNetwork(base.graph));
    const keep = Uint8Array.from(lp.columnNames, (_n, j) => (j % 3 === 0 ? 0 : 1));
    const restricted = restrictColumns(lp, keep);
    const fixed = { ...lp, colUpper: lp.colUpper.map((u, j) => (keep[j] === 0 ? 0 : u)) };
    const expected = solveLp(fixed).objective;
    expect(Math.abs(solveLp(restricted.lp).objective - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
    expect(restricted.lp.columnNames.length).toBe(keep.reduce((s, k) => s + k, 0));
    lp.columnNames.forEach((name, j) => {
      const k = restricted.column[j] as number;
      expect(k === -1 ? keep[j] : restricted.lp.columnNames[k]).toBe(k === -1 ? 0 : name);
    });
    expect(() => restrictColumns({ ...lp, colLower: lp.colLower.map(() => 1) }, keep)).toThrow(/cannot be fixed at 0/);
  });
});
