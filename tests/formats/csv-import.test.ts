import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/formats/csv-export.js';
import { fromCsv } from '../../src/formats/csv-import.js';
import { InputError } from '../../src/model/errors.js';
import { sampleGraph, sampleReport } from './sample.js';

const NODES = 'key,stage,country\na,mining,CN\nb,separation,CN\n';
const nodes = (text = NODES) => ({ text, file: 'nodes.csv' });
const edges = (text: string) => ({ text, file: 'edges.csv' });

function failure(run: () => unknown): { file: string; problems: string[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    return { file: e.file, problems: e.problems.map((p) => `${p.element}: ${p.message}`) };
  }
  throw new Error('expected an InputError');
}

describe('fromCsv', () => {
  it('reads the documented example tables', () => {
    const read = (name: string) => ({ text: readFileSync(`tests/fixtures/import/${name}`, 'utf8'), file: name });
    const { graph, warnings } = fromCsv(read('nodes.csv'), read('edges.csv'), { name: 'Example' });
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(5);
    expect(graph.getAttributes()).toEqual({ name: 'Example' });
    expect(graph.getNodeAttributes('cn-separation')).toEqual({
      label: 'China separation', stage: 'separation', country: 'CN', capacity: 254000, status: 'operating',
      source: 'MIIT 2024 quota', notes: 'quota, not output', confidence: 'medium',
    });
    expect(graph.getNodeAttributes('se-norrakarr')).toMatchObject({ status: 'prospective', startYear: 2030, label: 'Norra Kärr' });
    expect(graph.getEdgeAttributes('au-mtweld->my-lamp')).toEqual({ flow: 10000, capacity: 12000, material: 'mixed concentrate', source: 'Lynas annual report 2024' });
    expect(warnings).toEqual(['nodes.csv: unknown node attribute "operator" on 3 node(s): kept, not used by chokepoint']);
  });

  it('round-trips exported tables, metrics and custom edge keys included', () => {
    const graph = sampleGraph();
    const report = sampleReport();
    const back = fromCsv(nodes(toCsv(graph, report)), edges(toCsv(graph, report, 'edges'))).graph;
    const expected = sampleGraph();
    expected.clearEdges();
    expect(back.export().nodes.map((n) => n.key)).toEqual(graph.nodes());
    expect(back.getNodeAttributes('cn-mine')).toEqual({ ...graph.getNodeAttributes('cn-mine'), betweenness: 0, throughput: 200000, flowShare: 0.9, knockoutLoss: 0.95, minCut: true, inDegree: 0, outDegree: 1 });
    expect(back.getNodeAttribute('cn-sep', 'notes')).toBe('line one\nline two');
    expect(back.edges()).toEqual(graph.edges());
    expect(back.getEdgeAttributes('au-mine->my-sep')).toEqual({ ...graph.getEdgeAttributes('au-mine->my-sep'), betweenness: 0.1, minCut: false });
  });

  it('round-trips without metrics to the same graph, apart from graph attributes', () => {
    const graph = sampleGraph();
    const back = fromCsv(nodes(toCsv(graph)), edges(toCsv(graph, undefined, 'edges'))).graph;
    expect(back.export().nodes).toEqual(graph.export().nodes);
    expect(back.export().edges).toEqual(graph.export().edges);
  });

  it('accepts a nodes table alone, semicolons, spaced or cased headers, and types other columns', () => {
    const { graph } = fromCsv(nodes('Key;Stage;COUNTRY;Start Year;share;flag;code\na;mining;CN;2031;0.5;TRUE;007\nb;mining;CN;;1;false;x\n'));
    expect(graph.getNodeAttributes('a')).toEqual({ stage: 'mining', country: 'CN', status: 'operating', startYear: 2031, share: 0.5, flag: true, code: '007' });
    expect(graph.getNodeAttributes('b')).toEqual({ stage: 'mining', country: 'CN', status: 'operating', share: 1, flag: false, code: 'x' });
  });

  it('rejects a number that is not one, naming the file, row and column', () => {
    expect(failure(() => fromCsv(nodes('key,stage,country,capacity\na,mining,CN,12a\nb,mining,CN,"1,000"\n')))).toEqual({
      file: 'nodes.csv',
      problems: [
        'row 2, column "capacity": "12a" is not a number (write digits with a decimal point, no thousands separators or units)',
        'row 3, column "capacity": "1,000" is not a number (write digits with a decimal point, no thousands separators or units)',
      ],
    });
    expect(failure(() => fromCsv(nodes('key,stage,country,startYear\na,mining,CN,2030.5\n'))).problems).toEqual(['row 2, column "startYear": "2030.5" is not a whole number']);
    expect(failure(() => fromCsv(nodes(), edges('source,target,flow\na,b,lots\n')))).toEqual({
      file: 'edges.csv',
      problems: ['row 2, column "flow": "lots" is not a number (write digits with a decimal point, no thousands separators or units)'],
    });
  });

  it('reports header problems: missing required columns, duplicates, nameless columns with values', () => {
    // stage and country are optional since issue 10 (a generic graph); only key, source and target are required.
    expect(fromCsv(nodes('key,label\na,A\n')).graph.getNodeAttributes('a')).toEqual({ label: 'A', status: 'operating' });
    expect(failure(() => fromCsv(nodes('key,stage,country,Stage\na,mining,CN,mining\n'))).problems).toEqual(['header: column "stage" appears twice (columns 2 and 4)']);
    expect(failure(() => fromCsv(nodes('key,stage,country,\na,mining,CN,x\n'))).problems).toEqual(['header: column 4 has values but no name']);
    expect(fromCsv(nodes('key,stage,country,\na,mining,CN,\n')).graph.order).toBe(1); // an empty trailing column is ignored
    expect(failure(() => fromCsv(nodes(), edges('from,to,flow\na,b,1\n'))).problems).toEqual(['header: missing required column(s) source, target (the header has: from, to, flow)']);
  });

  it('reports empty files, empty keys, ragged rows and bad quoting', () => {
    expect(failure(() => fromCsv(nodes('')))).toEqual({ file: 'nodes.csv', problems: ['file: the file is empty (expected a header row)'] });
    expect(failure(() => fromCsv(nodes('key,stage,country\n,mining,CN\n'))).problems).toEqual(['row 2: column "key" is empty']);
    expect(failure(() => fromCsv(nodes(), edges('source,target,flow\na,,1\n'))).problems).toEqual(['row 2: column "target" is empty']);
    expect(failure(() => fromCsv(nodes('key,stage,country\na,mining,CN\nb,mining\n'))).problems).toEqual(['row 3: has 2 cells where the header has a different number']);
    expect(failure(() => fromCsv(nodes('key,stage,country\n"a"b,mining,CN\n'))).problems[0]).toMatch(/^row 2: not valid CSV \(Invalid Closing Quote/);
  });

  it("reports the validator's problems against the rows they come from", () => {
    const text = 'key,stage,country,status\na,mining,CN,\n\nb,mined,XX,closed\na,mining,CN,\n';
    expect(failure(() => fromCsv(nodes(text)))).toEqual({
      file: 'nodes.csv',
      problems: [
        'row 4 (node "b"): status: Invalid option: expected one of "operating"|"construction"|"planned"|"prospective" (got "closed")',
        'row 4 (node "b"): unknown stage "mined" (expected one of mining, separation, refining, magnet, component, manufacturing, end-use)',
        'row 4 (node "b"): country "XX" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
        'row 2, 5 (node "a"): duplicate node key',
      ],
    });
  });

  it('names both files when problems span them', () => {
    const result = failure(() => fromCsv(nodes('key,stage,country\na,mining,CN\nb,mining,ZZ\n'), edges('source,target,flow\na,c,1\n')));
    expect(result).toEqual({
      file: 'nodes.csv and edges.csv',
      problems: [
        'nodes.csv row 3 (node "b"): country "ZZ" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
        'edges.csv row 2 (edge "a -> c"): unknown target node "c"',
      ],
    });
  });

  it('counts rows as file lines when a cell holds a line break', () => {
    expect(failure(() => fromCsv(nodes('key,stage,country,notes\na,mining,CN,"two\nlines"\nb,mining,CN,x\nc,mining,C1,\n'))).problems).toEqual([
      'row 5 (node "c"): country "C1" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
    ]);
  });

  it('counts CRLF files the same way and skips rows whose cells are all empty', () => {
    expect(failure(() => fromCsv(nodes('key,stage,country,notes\r\na,mining,CN,"two\r\nlines"\r\n,,,\r\nc,mining,C1,\r\n'))).problems).toEqual([
      'row 5 (node "c"): country "C1" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
    ]);
  });
});
