import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, FORMATS, exportFormat, exportGraph, exportOptions, formatOfPath } from '../../src/formats/export-formats.js';
import { UsageError } from '../../src/model/errors.js';
import { sampleGraph, sampleReport } from './sample.js';

describe('FORMATS', () => {
  it('has a content type, extension and serializer for every format', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(FORMATS.gexf.contentType).toMatch(/^application\/gexf\+xml/);
    expect(FORMATS.csv.extension).toBe('csv');
    for (const format of EXPORT_FORMATS) expect(FORMATS[format].serialize(sampleGraph(), sampleReport()).length).toBeGreaterThan(100);
  });

  it('passes the csv table option through', () => {
    expect(exportGraph('csv', sampleGraph(), undefined, { table: 'edges' }).startsWith('source,target,flow')).toBe(true);
    expect(exportGraph('csv', sampleGraph()).startsWith('key,label')).toBe(true);
  });
});

describe('exportFormat, formatOfPath', () => {
  it('names formats case-insensitively and rejects unknown ones', () => {
    expect(exportFormat('GraphML')).toBe('graphml');
    expect(() => exportFormat('dot')).toThrow(UsageError);
    expect(() => exportFormat('dot')).toThrow('unknown export format "dot" (expected one of gexf, graphml, cyjs, json, csv)');
  });

  it('finds the format from a file extension', () => {
    expect(formatOfPath('out/g.GEXF')).toBe('gexf');
    expect(formatOfPath('g.cyjs')).toBe('cyjs');
    expect(formatOfPath('g.txt')).toBeUndefined();
    expect(formatOfPath('noext')).toBeUndefined();
  });
});

describe('exportOptions', () => {
  it('rejects unknown options, bad values, and table outside csv', () => {
    expect(exportOptions('csv', { table: 'edges' })).toEqual({ table: 'edges' });
    expect(exportOptions('gexf', undefined)).toEqual({});
    expect(() => exportOptions('csv', { tabel: 'edges' })).toThrow(UsageError);
    expect(() => exportOptions('csv', { tabel: 'edges' })).toThrow(/unrecognized key.*"tabel"/i);
    expect(() => exportOptions('csv', { table: 'rows' })).toThrow(/^export options: table: /);
    expect(() => exportOptions('gexf', { table: 'nodes' })).toThrow('export options: table applies to the csv format only, not gexf');
    expect(() => exportGraph('json', sampleGraph(), undefined, { pretty: true })).toThrow(UsageError);
  });
});
