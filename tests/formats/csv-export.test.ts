import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/formats/csv-export.js';
import { sampleGraph, sampleReport } from './sample.js';

const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('toCsv', () => {
  it('writes the node table: known columns, other attributes, then metrics', () => {
    const text = toCsv(sampleGraph(), sampleReport());
    expect(text.split('\n')[0]).toBe(
      'key,label,stage,country,capacity,status,startYear,source,notes,confidence,operator,betweenness,throughput,flowShare,knockoutLoss,minCut,inDegree,outDegree',
    );
    const table = rows(text);
    expect(table).toHaveLength(6);
    expect(table[0]).toMatchObject({ key: 'cn-mine', label: 'Bayan Obo <mine> & "co"', capacity: '210000', operator: "Baotou's steel", minCut: 'true', knockoutLoss: '0.95' });
    expect(table[2]).toMatchObject({ key: 'cn-sep', label: '', notes: 'line one\nline two', flowShare: '' });
  });

  it('writes the edge table with the citation as source_ref and a key column when keys are custom', () => {
    const table = rows(toCsv(sampleGraph(), sampleReport(), 'edges'));
    expect(Object.keys(table[0] ?? {})).toEqual(['source', 'target', 'flow', 'capacity', 'material', 'source_ref', 'notes', 'key', 'betweenness', 'minCut', 'share']);
    expect(table[0]).toMatchObject({ source: 'cn-mine', target: 'cn-sep', flow: '200000', source_ref: 'USGS', key: 'cn-mine->cn-sep', minCut: 'true' });
    expect(table[2]?.key).toBe('cn-japan');
  });

  it('leaves out the key column when every edge has the default key, and metrics without a report', () => {
    const graph = sampleGraph();
    graph.dropEdge('cn-japan');
    const header = toCsv(graph, undefined, 'edges').split('\n')[0];
    expect(header).toBe('source,target,flow,capacity,material,source_ref,notes,share');
  });

  it('writes attributes named like identity columns with _ref', () => {
    const graph = sampleGraph();
    graph.setNodeAttribute('my-sep', 'key', 'legacy');
    graph.setEdgeAttribute('cn-japan', 'target', 'x');
    expect(toCsv(graph).split('\n')[0]).toMatch(/,key_ref$/);
    expect(toCsv(graph, undefined, 'edges').split('\n')[0]).toMatch(/,target_ref$/);
  });
});
