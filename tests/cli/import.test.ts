import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGexf } from '../../src/formats/gexf.js';
import { toGraphml } from '../../src/formats/graphml.js';
import { readGraphFile } from '../../src/io/read-graph.js';
import { sampleGraph } from '../formats/sample.js';
import { cli } from './run-cli.js';

const NODES = 'tests/fixtures/import/nodes.csv';
const EDGES = 'tests/fixtures/import/edges.csv';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chokepoint-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chokepoint import', () => {
  it('builds a valid graph file from the CSV tables', async () => {
    const out = join(dir, 'csv.json');
    const run = await cli('import', '--nodes', NODES, '--edges', EDGES, '-o', out, '--name', 'Example chain');
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${out}: 6 nodes, 5 edges\n` });
    expect(run.stderr).toBe('warning: tests/fixtures/import/nodes.csv: unknown node attribute "operator" on 3 node(s): kept, not used by chokepoint\n');
    const { graph } = await readGraphFile(out);
    expect(graph.getAttribute('name')).toBe('Example chain');
    expect(graph.getEdgeAttribute('cn-mining->cn-separation', 'flow')).toBe(240000);
  });

  it('writes to stdout without --out, and refuses to overwrite without --force', async () => {
    const run = await cli('import', '--nodes', NODES);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { nodes: unknown[] }).nodes).toHaveLength(6);
    const out = join(dir, 'twice.json');
    expect((await cli('import', '--nodes', NODES, '-o', out)).code).toBe(0);
    const again = await cli('import', '--nodes', NODES, '--edges', EDGES, '-o', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the file exists; pass --force/);
    expect((await cli('import', '--nodes', NODES, '--edges', EDGES, '-o', out, '--force')).code).toBe(0);
    expect((await readGraphFile(out)).graph.size).toBe(5);
  });

  it('imports GraphML and GEXF', async () => {
    const graphml = join(dir, 'in.graphml');
    const gexf = join(dir, 'in.gexf');
    await writeFile(graphml, toGraphml(sampleGraph()));
    await writeFile(gexf, toGexf(sampleGraph()));
    const a = await cli('import', '--graphml', graphml);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(sampleGraph().export());
    const b = await cli('import', '--gexf', gexf, '--name', 'G');
    expect(b.code).toBe(0);
    expect((JSON.parse(b.stdout) as { attributes: { name: string } }).attributes.name).toBe('G');
  });

  it('reports a bad cell with file, row and column, exit code 3', async () => {
    const nodes = join(dir, 'bad-nodes.csv');
    await writeFile(nodes, 'key,stage,country,capacity\na,mining,CN,12a\n');
    const run = await cli('import', '--nodes', nodes, '-o', join(dir, 'never.json'));
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`${nodes}: row 2, column "capacity": "12a" is not a number (write digits with a decimal point, no thousands separators or units)\n`);
    await expect(readFile(join(dir, 'never.json'))).rejects.toThrow();
  });

  it('rejects a missing file (exit 3) and wrong source combinations (exit 2)', async () => {
    const missing = await cli('import', '--nodes', join(dir, 'nope.csv'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    expect(await cli('import')).toMatchObject({ code: 2, stderr: 'chokepoint: nothing to import: give --nodes (and --edges), --graphml or --gexf\n' });
    expect(await cli('import', '--edges', EDGES)).toMatchObject({ code: 2, stderr: 'chokepoint: --edges needs --nodes (the node table)\n' });
    expect(await cli('import', '--nodes', NODES, '--gexf', 'x.gexf')).toMatchObject({ code: 2, stderr: 'chokepoint: give one source, not --nodes and --gexf\n' });
    expect((await cli('import', '--nodes', NODES, '--colums', 'x')).code).toBe(2);
  });

  it('documents the columns in its help', async () => {
    const run = await cli('import', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nodes: key*, label, stage*, country*, capacity, status, startYear, source, notes, confidence');
    expect(run.stdout).toContain('edges: source*, target*, flow*, capacity, material, source_ref, notes, key');
  });
});

describe('chokepoint import --stream (CSV tables read row by row, src/io/stream-csv.ts)', () => {
  it('writes what the in-memory reader writes, warnings included', async () => {
    const whole = await cli('import', '--nodes', NODES, '--edges', EDGES, '--name', 'Example chain');
    const streamed = await cli('import', '--nodes', NODES, '--edges', EDGES, '--name', 'Example chain', '--stream');
    expect(streamed).toEqual(whole);
    expect(whole.code).toBe(0);
  });

  it('a bad row: exit 3 (bad input) naming the file, the row and the column', async () => {
    const run = await cli('import', '--nodes', 'tests/fixtures/bad-import/ok.nodes.csv', '--edges', 'tests/fixtures/bad-import/string-flow.edges.csv', '--stream');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('tests/fixtures/bad-import/string-flow.edges.csv: row 2, column "flow": "12 t" is not a number');
  });
});
