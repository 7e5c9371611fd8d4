/**
 * CSV formula injection (issue 14): every CSV chokepoint writes quotes text cells that a
 * spreadsheet would run as formulas (OWASP rule), except plain numbers; `raw` turns it off.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords, neutraliseCell } from '../../src/formats/csv-cells.js';
import { toCsv } from '../../src/formats/csv-export.js';
import { exportGraph } from '../../src/formats/export-formats.js';
import { metricsCsv } from '../../src/metrics/tables.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { scenarioCsv } from '../../src/cli/commands/scenario-report.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+cmd', "-2+3|' /C calc'!A0", '@SUM(A1)', '\t=1', '\r=1'];

const graph = () =>
  parseGraph(
    {
      nodes: [
        { key: '=mine', attributes: { label: '=HYPERLINK("http://x","y")', stage: 'mining', country: 'CN', notes: '-2+3', '@evil': '+1+1' } },
        { key: 'use', attributes: { label: '-5', stage: 'end-use', country: 'US' } },
      ],
      edges: [{ source: '=mine', target: 'use', attributes: { flow: 10, material: '@oxide' } }],
    },
    'hostile',
  ).graph;

describe('neutraliseCell', () => {
  it('puts a quote in front of every formula start: = + - @ tab CR', () => {
    for (const text of HOSTILE) expect(neutraliseCell(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  it('leaves plain numbers and other text alone', () => {
    for (const text of ['-0.25', '+3', '-1e-7', '12', 'Bayan Obo', "'quoted", '', 'a=b']) expect(neutraliseCell(text)).toBe(text);
  });
});

describe('CSV writers', () => {
  it('csvRecords quotes text cells, never numbers, unless raw', () => {
    const text = csvRecords([['a', 'b'], ['=1+2', -3]]);
    expect(parse(text)).toEqual([['a', 'b'], ["'=1+2", '-3']]);
    expect(parse(csvRecords([['a', 'b'], ['=1+2', -3]], { raw: true }))).toEqual([['a', 'b'], ['=1+2', '-3']]);
  });

  it('the node and edge tables: keys, labels, attribute names and values', () => {
    const rows = parse(toCsv(graph(), undefined, 'nodes')) as string[][];
    const flat = rows.flat();
    expect(flat).toContain("'=mine");
    expect(flat).toContain('\'=HYPERLINK("http://x","y")');
    expect(flat).toContain("'-2+3");
    expect(flat).toContain("'@evil");
    expect(flat).toContain('-5'); // a number, as text, is left alone
    expect(flat.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-\D/.test(cell))).toEqual([]);
    const edges = (parse(toCsv(graph(), undefined, 'edges')) as string[][]).flat();
    expect(edges).toContain("'=mine");
    expect(edges).toContain("'@oxide");
    const raw = (parse(exportGraph('csv', graph(), undefined, { rawCsv: true })) as string[][]).flat();
    expect(raw).toContain('=mine');
    expect(() => exportGraph('gexf', graph(), undefined, { rawCsv: true })).toThrow(/rawCsv applies to the csv format only/);
  });

  it('the metrics tables and the scenario table', () => {
    const g = graph();
    const nodes = (parse(metricsCsv(computeMetrics(g), 'nodes')) as string[][]).flat();
    expect(nodes).toContain("'=mine");
    expect((parse(metricsCsv(computeMetrics(g), 'nodes', { raw: true })) as string[][]).flat()).toContain('=mine');
    const result = evaluateScenario(g, { name: 'x', actions: [{ type: 'disableCountry', country: 'CN' }] });
    expect(scenarioCsv(result)).not.toMatch(/^[=+@]/m);
  });
});
