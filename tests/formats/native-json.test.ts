import { describe, expect, it } from 'vitest';
import { toNativeJson } from '../../src/formats/native-json.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { sampleGraph, sampleReport } from './sample.js';

describe('toNativeJson', () => {
  it('round-trips through the loader to the same graph', () => {
    const graph = sampleGraph();
    const { graph: back, warnings } = parseGraph(JSON.parse(toNativeJson(graph)), 'x.json');
    expect(back.export()).toEqual(graph.export());
    expect(warnings).toEqual(['x.json: unknown node attribute "operator" on 1 node(s): kept, not used by chokepoint', 'x.json: unknown edge attribute "share" on 1 edge(s): kept, not used by chokepoint']);
  });

  it('keeps the options, graph attributes and edge keys', () => {
    const data = JSON.parse(toNativeJson(sampleGraph())) as { options: unknown; attributes: { countries: unknown }; edges: { key: string }[] };
    expect(data.options).toEqual({ type: 'directed', multi: false, allowSelfLoops: false });
    expect(data.attributes.countries).toEqual({ CN: { name: 'China', governance: 3.9 } });
    expect(data.edges.map((e) => e.key)).toContain('cn-japan');
  });

  it('adds metrics as attributes that validate and load', () => {
    const { graph } = parseGraph(JSON.parse(toNativeJson(sampleGraph(), sampleReport())), 'x.json');
    expect(graph.getNodeAttributes('cn-mine')).toMatchObject({ knockoutLoss: 0.95, minCut: true, outDegree: 1 });
    expect(graph.getEdgeAttribute('my-sep->jp-magnet', 'betweenness')).toBe(0.3);
  });
});
