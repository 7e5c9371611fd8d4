/** Small hand-made graphs for the scenario tests (the arithmetic sits in each test). */
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';

type Attrs = Record<string, unknown>;

export function build(nodes: [string, string, string, Attrs?][], edges: [string, string, number, Attrs?][]): SupplyGraph {
  return parseGraph(
    {
      nodes: nodes.map(([key, stage, country, attributes]) => ({ key, attributes: { stage, country, ...attributes } })),
      edges: edges.map(([source, target, flow, attributes]) => ({ source, target, attributes: { flow, ...attributes } })),
    },
    'test.json',
  ).graph;
}

/**
 * Two mines (CN 60, MM 40) feed one Chinese separation plant s1, which ships 70 NdPr oxide
 * to a Chinese magnet maker and 30 Dy/Tb oxide to a Japanese one; each magnet maker
 * feeds one end use. Capacities = flows (none given).
 *
 *   m1 (CN) -60-> s1 (CN) -70 NdPr-> mag1 (CN) -70-> e1 (CN)
 *   m2 (MM) -40-^        -30 DyTb-> mag2 (JP) -30-> e2 (US)
 */
export function chain(extra: { s1Mag1Capacity?: number } = {}): SupplyGraph {
  const spare = extra.s1Mag1Capacity;
  return build(
    [
      ['m1', 'mining', 'CN'],
      ['m2', 'mining', 'MM'],
      ['s1', 'separation', 'CN'],
      ['mag1', 'magnet', 'CN'],
      ['mag2', 'magnet', 'JP'],
      ['e1', 'end-use', 'CN', { label: 'EV motors' }],
      ['e2', 'end-use', 'US', { label: 'EV motors' }],
    ],
    [
      ['m1', 's1', 60, { material: 'mixed concentrate' }],
      ['m2', 's1', 40, { material: 'mixed concentrate' }],
      ['s1', 'mag1', 70, { material: 'NdPr oxide', ...(spare ? { capacity: spare } : {}) }],
      ['s1', 'mag2', 30, { material: 'Dy/Tb oxide' }],
      ['mag1', 'e1', 70, { material: 'NdFeB magnet', ...(spare ? { capacity: spare } : {}) }],
      ['mag2', 'e2', 30, { material: 'NdFeB magnet' }],
    ],
  );
}

/** chain() plus a planned Greenland mine (2028) feeding a planned separation plant (2029) that ships to mag2. */
export function withProjects(): SupplyGraph {
  return build(
    [
      ['m1', 'mining', 'CN'],
      ['s1', 'separation', 'CN'],
      ['mag2', 'magnet', 'JP'],
      ['e2', 'end-use', 'US'],
      ['gl-mine', 'mining', 'GL', { status: 'planned', startYear: 2028, capacity: 20 }],
      ['gl-sep', 'separation', 'GL', { status: 'construction', startYear: 2029 }],
      ['fen', 'mining', 'NO', { status: 'prospective' }],
    ],
    [
      ['m1', 's1', 30],
      ['s1', 'mag2', 30, { material: 'Dy/Tb oxide' }],
      ['mag2', 'e2', 30, { capacity: 50 }],
      ['gl-mine', 'gl-sep', 0, { capacity: 25 }],
      ['gl-sep', 'mag2', 0, { capacity: 25, material: 'Dy/Tb oxide' }],
      ['fen', 'gl-sep', 0, { capacity: 5 }],
    ],
  );
}
