/** Issue 10: custom stage vocabularies and units through CSV, GraphML and GEXF import options, and reports in the graph's unit. */
import { describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/formats/csv-import.js';
import { fromGraphml, toGraphml } from '../../src/formats/graphml.js';
import { computeMetrics } from '../../src/metrics/report.js';

const nodes = { file: 'nodes.csv', text: 'key,stage,country,capacity\nmine,ore,CL,inf\nsmelter,metal,CN,800\nfab,product,DE,\n' };
const edges = { file: 'edges.csv', text: 'source,target,flow,capacity\nmine,smelter,700,inf\nsmelter,fab,650,\n' };

describe('custom stages and units', () => {
  it('CSV: --stages and --unit (ImportOptions) make a custom vocabulary valid; "inf" is read', () => {
    expect(() => fromCsv(nodes, edges)).toThrow('unknown stage "ore"');
    const { graph } = fromCsv(nodes, edges, { stages: ['ore', 'metal', 'product'], unit: 'kt Cu/yr' });
    expect(graph.getAttributes()).toEqual({ unit: 'kt Cu/yr', stages: ['ore', 'metal', 'product'] });
    expect(graph.getNodeAttribute('mine', 'capacity')).toBe(Infinity);
    const report = computeMetrics(graph);
    expect(report.graph.unit).toBe('kt Cu/yr');
    expect(report.supply.maxFlow).toBe(650);
    expect(report.stages.map((s) => s.stage)).toEqual(['ore', 'metal', 'product']);
  });

  it('GraphML: the vocabulary and unit survive a round trip, and options replace them', () => {
    const { graph } = fromCsv(nodes, edges, { stages: ['ore', 'metal', 'product'], unit: 'kt Cu/yr' });
    const back = fromGraphml(toGraphml(graph), 'x.graphml').graph;
    expect(back.getAttributes()).toEqual(graph.getAttributes());
    expect(fromGraphml(toGraphml(graph), 'x.graphml', { unit: 't Cu/yr' }).graph.getAttribute('unit')).toBe('t Cu/yr');
  });
});
