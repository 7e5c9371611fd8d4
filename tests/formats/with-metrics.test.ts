import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { withMetrics } from '../../src/formats/with-metrics.js';
import { sampleGraph, sampleReport } from './sample.js';

describe('withMetrics', () => {
  it('attaches metric fields as attributes of a copy and leaves the input alone', () => {
    const graph = sampleGraph();
    const before = JSON.stringify(graph.export());
    const out = withMetrics(graph, sampleReport());
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(out.getNodeAttributes('my-sep')).toMatchObject({ label: 'Lynas Malaysia', betweenness: 0.25, throughput: 10.5, minCut: false, inDegree: 2 });
    expect(out.getEdgeAttributes('cn-japan')).toMatchObject({ flow: 90, betweenness: 0.2, minCut: false });
  });

  it('does not attach identity fields, the effective capacity, or non-finite values', () => {
    const out = withMetrics(sampleGraph(), sampleReport());
    // the report says label "cn-sep", stage "mining", country "CN" for every node: not copied
    expect(out.getNodeAttribute('cn-sep', 'label')).toBeUndefined();
    expect(out.getNodeAttribute('jp-magnet', 'stage')).toBe('magnet');
    expect(out.getNodeAttribute('cn-sep', 'flowShare')).toBeUndefined(); // NaN in the report
    expect(out.getEdgeAttribute('cn-mine->cn-sep', 'capacity')).toBeUndefined(); // report's effective capacity
    expect(out.getNodeAttributes('cn-mine')).not.toHaveProperty('id');
  });

  it('replaces an attribute of the same name (stale metrics are refreshed)', () => {
    const graph = sampleGraph();
    graph.setNodeAttribute('my-sep', 'betweenness', 99);
    expect(withMetrics(graph, sampleReport()).getNodeAttribute('my-sep', 'betweenness')).toBe(0.25);
  });

  it('finds an edge by source and target when the report id differs', () => {
    const report = sampleReport();
    report.edges[2] = { ...report.edges[2]!, id: 'cn-sep->jp-magnet' };
    expect(withMetrics(sampleGraph(), report).getEdgeAttribute('cn-japan', 'betweenness')).toBe(0.2);
  });

  it('leaves planned (non-operating) nodes and their edges without metric attributes: empty cells, not 0 (issue 10)', () => {
    const out = withMetrics(sampleGraph(), sampleReport());
    expect(out.getNodeAttributes('se-mine')).not.toHaveProperty('betweenness');
    expect(out.getNodeAttributes('se-mine')).not.toHaveProperty('throughput');
    expect(out.getEdgeAttributes('se-mine->my-sep')).not.toHaveProperty('betweenness');
    expect(out.getNodeAttributes('my-sep')).toHaveProperty('betweenness', 0.25);
  });

  it('returns a plain copy without a report', () => {
    const graph = sampleGraph();
    const out = withMetrics(graph);
    expect(out).not.toBe(graph);
    expect(out.export()).toEqual(graph.export());
  });

  it('throws InputError when the report names elements the graph lacks', () => {
    const report = sampleReport();
    report.nodes.push({ id: 'ghost', label: 'ghost', stage: 'mining', country: 'CN', status: 'operating' });
    report.edges.push({ id: 'x', source: 'ghost', target: 'cn-sep', flow: 1, capacity: 1 });
    const error = (() => {
      try {
        withMetrics(sampleGraph(), report);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.element)).toEqual(['node "ghost"', 'edge "ghost -> cn-sep"']);
  });
});
