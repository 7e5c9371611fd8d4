/**
 * The allocation LP on small cases solved by hand (the arithmetic is in each test).
 * Independent-solver fixtures (PuLP + CBC) are in allocation-fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { solveAllocation } from '../../src/allocation/index.js';
import { UsageError } from '../../src/model/errors.js';
import { createSupplyGraph } from '../../src/model/graph.js';
import { build } from '../scenario/graphs.js';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6);

/**
 * An Australian NdPr refiner (97 t) and a Chinese Dy/Tb refiner (3 t) feed a Japanese magnet
 * plant that ships 100 t of magnets to EV makers. Default recipe of the plant: 0.97 NdPr +
 * 0.03 Dy/Tb per tonne of magnet.
 */
function magnets(dy: Record<string, unknown> = {}, plant: Record<string, unknown> = {}, ev: Record<string, unknown> = {}) {
  return build(
    [
      ['ndpr', 'refining', 'AU'],
      ['dy', 'refining', 'CN', dy],
      ['mag', 'magnet', 'JP', plant],
      ['ev', 'end-use', 'JP', { sector: 'EVs', ...ev }],
    ],
    [
      ['ndpr', 'mag', 97, { material: 'NdPr metal' }],
      ['dy', 'mag', 3, { material: 'Dy/Tb metal' }],
      ['mag', 'ev', 100, { material: 'NdFeB magnet', capacity: 120 }],
    ],
  );
}

describe('solveAllocation: hand-solved cases', () => {
  it('baseline: delivers the observed flow into the sinks', () => {
    const result = solveAllocation(magnets());
    close(result.delivered, 100);
    close(result.bySink.ev ?? NaN, 100);
    close(result.byEndUse.EVs ?? NaN, 100);
    close(result.activity.mag ?? NaN, 100);
  });

  it('complements: no Dy/Tb, no magnets (max flow would deliver 97)', () => {
    const graph = magnets();
    graph.setEdgeAttribute('dy->mag', 'capacity', 0);
    close(solveAllocation(graph).delivered, 0);
    // Half the Dy/Tb: activity <= 1.5 / 0.03 = 50 t of magnets.
    graph.setEdgeAttribute('dy->mag', 'capacity', 1.5);
    const half = solveAllocation(graph);
    close(half.delivered, 50);
    // One more tonne of Dy/Tb at the plant makes 1 / 0.03 = 33.3 t more magnets; NdPr is in surplus.
    close(half.inputPrice.mag?.['Dy/Tb metal'] ?? NaN, 1 / 0.03);
    close(half.inputPrice.mag?.['NdPr metal'] ?? NaN, 0);
  });

  it('shadow price of capacity: dual of the node capacity row, per node and per country', () => {
    // The Dy/Tb refiner can make only 1.5 t: each extra tonne of its capacity yields 33.3 t of magnets.
    const result = solveAllocation(magnets({ capacity: 1.5 }));
    close(result.delivered, 50);
    close(result.shadowPrice.nodes.dy ?? NaN, 1 / 0.03);
    close(result.shadowPrice.nodes.ndpr ?? NaN, 0);
    expect(result.shadowPrice.countries.CN?.node).toBe('dy');
    close(result.shadowPrice.countries.CN?.price ?? NaN, 1 / 0.03);
    expect(result.shadowPrice.countries.AU).toEqual({ price: 0, node: null });
  });

  it('alternatives: a low-Dy grade stretches scarce Dy/Tb (98 t, not 33.3 or 97.98)', () => {
    // standard: 0.97 NdPr + 0.03 Dy/Tb; low-Dy: 0.99 NdPr + 0.01 Dy/Tb; 97 t NdPr, 1 t Dy/Tb.
    // max x1 + x2 s.t. 0.97 x1 + 0.99 x2 <= 97, 0.03 x1 + 0.01 x2 <= 1: both bind at x1 = 1, x2 = 97.
    const graph = magnets({}, {
      recipes: [
        { name: 'standard', inputs: { 'NdPr metal': 0.97, 'Dy/Tb metal': 0.03 } },
        { name: 'low-Dy', inputs: { 'NdPr metal': 0.99, 'Dy/Tb metal': 0.01 } },
      ],
    });
    graph.setEdgeAttribute('dy->mag', 'capacity', 1);
    close(solveAllocation(graph).delivered, 98);
  });

  it('joint products: a separation plant yields NdPr and La/Ce together, in its baseline shares', () => {
    // mine -100-> sep; sep -30 NdPr-> magnets; sep -70 La/Ce-> catalysts. b = 0.3 / 0.7.
    const graph = build(
      [
        ['mine', 'mining', 'US'],
        ['sep', 'separation', 'US'],
        ['magnets', 'end-use', 'US'],
        ['catalysts', 'end-use', 'US'],
      ],
      [
        ['mine', 'sep', 100, { material: 'concentrate', capacity: 50 }],
        ['sep', 'magnets', 30, { material: 'NdPr oxide', capacity: 100 }],
        ['sep', 'catalysts', 70, { material: 'La/Ce oxide', capacity: 100 }],
      ],
    );
    // Half the concentrate: 50 t of activity, 15 NdPr + 35 La/Ce, although each sink could take more.
    const result = solveAllocation(graph);
    close(result.bySink.magnets ?? NaN, 15);
    close(result.bySink.catalysts ?? NaN, 35);
    // Losing the La/Ce buyer does not stop NdPr (a joint product may be discarded).
    graph.setEdgeAttribute('sep->catalysts', 'capacity', 0);
    close(solveAllocation(graph).bySink.magnets ?? NaN, 15);
  });

  it('explicit output shares are normalised to sum to 1', () => {
    const graph = build(
      [
        ['mine', 'mining', 'US'],
        ['sep', 'separation', 'US', { recipes: [{ name: 'split', inputs: { concentrate: 1 }, outputs: { 'NdPr oxide': 1, 'La/Ce oxide': 3 } }] }],
        ['magnets', 'end-use', 'US', { demand: 1000 }],
        ['catalysts', 'end-use', 'US', { demand: 1000 }],
      ],
      [
        ['mine', 'sep', 100, { material: 'concentrate' }],
        ['sep', 'magnets', 30, { material: 'NdPr oxide', capacity: 1000 }],
        ['sep', 'catalysts', 70, { material: 'La/Ce oxide', capacity: 1000 }],
      ],
    );
    const result = solveAllocation(graph);
    close(result.bySink.magnets ?? NaN, 25);
    close(result.bySink.catalysts ?? NaN, 75);
  });

  it('demand caps what a sink takes', () => {
    const result = solveAllocation(magnets({}, {}, { demand: 60 }));
    close(result.delivered, 60);
    // Without demand a sink takes at most its baseline in-flow, even with spare capacity upstream.
    const spare = magnets({}, {}, {});
    spare.setEdgeAttribute('ndpr->mag', 'capacity', 500);
    spare.setEdgeAttribute('dy->mag', 'capacity', 500);
    close(solveAllocation(spare).delivered, 100);
  });

  it('fair: every end use gets the same share of its demand, then delivery is maximised', () => {
    // s (capacity 50) feeds A (sector X, 80 t) and B (sector Y, 20 t); t (capacity 30) feeds A only.
    // lambda: 20 lambda + (80 lambda - 30) <= 50 -> 0.8; A = 64 + rest, B >= 16; delivered 80.
    const graph = build(
      [
        ['s', 'refining', 'CN', { capacity: 50 }],
        ['t', 'refining', 'AU', { capacity: 30 }],
        ['A', 'end-use', 'US', { sector: 'X' }],
        ['B', 'end-use', 'US', { sector: 'Y' }],
      ],
      [
        ['s', 'A', 50, { capacity: 100 }],
        ['s', 'B', 20, { capacity: 100 }],
        ['t', 'A', 30, { capacity: 100 }],
      ],
    );
    const fair = solveAllocation(graph, { objective: 'fair' });
    close(fair.fairLevel ?? NaN, 0.8);
    close(fair.delivered, 80);
    expect(fair.byEndUse.Y ?? 0).toBeGreaterThanOrEqual(16 - 1e-6);
    expect(fair.byEndUse.X ?? 0).toBeGreaterThanOrEqual(64 - 1e-6);
    const total = solveAllocation(graph, { objective: 'total' });
    close(total.delivered, 80);
    expect(total.fairLevel).toBeNull();
  });

  it('a recipe material nobody supplies: allocation 0 at that node, not an error', () => {
    const graph = createSupplyGraph();
    graph.addNode('ndpr', { stage: 'refining', country: 'AU', status: 'operating' });
    graph.addNode('mag', { stage: 'magnet', country: 'JP', status: 'operating', recipes: [{ name: 'standard', inputs: { 'NdPr metal': 0.97, 'Dy/Tb metal': 0.03 } }] });
    graph.addNode('ev', { stage: 'end-use', country: 'JP', status: 'operating' });
    graph.addDirectedEdgeWithKey('a', 'ndpr', 'mag', { flow: 97, material: 'NdPr metal' });
    graph.addDirectedEdgeWithKey('b', 'mag', 'ev', { flow: 97, material: 'NdFeB magnet' });
    const result = solveAllocation(graph);
    close(result.delivered, 0);
    close(result.activity.mag ?? NaN, 0);
  });

  it('pooled: a node without baseline flow takes any input material and ships any mix', () => {
    const graph = build(
      [
        ['a', 'mining', 'GL'],
        ['b', 'mining', 'NO'],
        ['new', 'separation', 'GL'],
        ['x', 'end-use', 'US', { demand: 100 }],
        ['y', 'end-use', 'US', { demand: 100 }],
      ],
      [
        ['a', 'new', 0, { material: 'p', capacity: 10 }],
        ['b', 'new', 0, { material: 'q', capacity: 5 }],
        ['new', 'x', 0, { material: 'r', capacity: 12 }],
        ['new', 'y', 0, { material: 's', capacity: 100 }],
      ],
    );
    close(solveAllocation(graph).delivered, 15);
  });

  it('extra supply (stock) adds output without inputs or capacity; overrides replace capacities', () => {
    const graph = magnets();
    graph.setEdgeAttribute('dy->mag', 'capacity', 0);
    close(solveAllocation(graph, { extraSupply: new Map([['mag', 40]]) }).delivered, 40);
    close(solveAllocation(graph, { edgeCapacity: new Map([['dy->mag', 3]]) }).delivered, 100);
    close(solveAllocation(magnets(), { nodeCapacity: new Map([['mag', 25]]) }).delivered, 25);
    close(solveAllocation(magnets(), { sinkLimit: new Map([['ev', 10]]) }).delivered, 10);
  });

  it('rejects unknown options and bad values', () => {
    expect(() => solveAllocation(magnets(), { objectiv: 'fair' } as never)).toThrow(UsageError);
    expect(() => solveAllocation(magnets(), { objective: 'best' } as never)).toThrow(UsageError);
    expect(() => solveAllocation(magnets(), { extraSupply: new Map([['mag', -1]]) })).toThrow(UsageError);
  });
});

describe('metrics: shadowPrice', () => {
  it('is computed only when named, with sinks taking up to their demand', async () => {
    const { computeMetrics } = await import('../../src/metrics/report.js');
    expect(computeMetrics(magnets({ capacity: 1.5 })).metrics).not.toContain('shadowPrice');
    const report = computeMetrics(magnets({ capacity: 1.5 }), { metrics: ['shadowPrice'] });
    // The Dy/Tb refiner's capacity binds: 1 / 0.03 t of magnets per extra tonne.
    close(report.nodes.find((n) => n.id === 'dy')?.shadowPrice ?? NaN, 1 / 0.03);
    expect(report.countries.find((c) => c.country === 'CN')).toMatchObject({ shadowPriceNode: 'dy' });
    close(report.countries.find((c) => c.country === 'CN')?.shadowPrice ?? NaN, 1 / 0.03);
  });
});
