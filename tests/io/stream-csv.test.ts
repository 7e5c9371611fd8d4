/**
 * Streamed CSV tables (src/io/stream-csv.ts): the same graph, warnings and errors as the
 * in-memory reader (`fromCsv`, csv-import.ts) on the import fixtures and the bad-input
 * corpus, with chunks small enough to split rows, quoted line breaks, CRLFs and UTF-8
 * characters; the GraphIndex built straight from the rows equals the index of that graph.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/formats/csv-import.js';
import type { ImportOptions } from '../../src/formats/imported-graph.js';
import { readTextFile } from '../../src/io/read-graph.js';
import { streamCsvGraph, streamCsvIndex } from '../../src/io/stream-csv.js';
import { InputError, UsageError } from '../../src/model/errors.js';
import { indexGraph, type GraphIndex } from '../../src/model/graph-index.js';

const IMPORT = 'tests/fixtures/import';
/** The plain arrays of an index, for comparing two of them (as tests/model/graph-index.test.ts). */
const plain = (index: GraphIndex) => Object.fromEntries(Object.entries(index).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v instanceof Map ? [...v] : v]));
const BAD = 'tests/fixtures/bad-import';
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-stream-csv-'));

/** The in-memory reader on the same files, read as `chokepoint import` reads them (readTextFile). */
async function inMemory(nodesFile: string, edgesFile?: string, options: ImportOptions = {}) {
  const read = async (file: string) => ({ text: await readTextFile(file), file });
  return fromCsv(await read(nodesFile), edgesFile === undefined ? undefined : await read(edgesFile), options);
}

async function outcome(run: () => unknown): Promise<{ ok: unknown } | { error: { kind: string; file?: string; message: string; problems?: unknown; total?: number } }> {
  try {
    const result = (await run()) as { graph: { export(): unknown }; warnings: string[] };
    return { ok: { graph: result.graph.export(), warnings: result.warnings } };
  } catch (error) {
    if (error instanceof InputError) return { error: { kind: 'input', file: error.file, message: error.message, problems: error.problems, total: error.total } };
    if (error instanceof UsageError) return { error: { kind: 'usage', message: error.message } };
    throw error;
  }
}

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('streamCsvGraph', () => {
  it('reads the documented example tables as fromCsv does, whatever the chunk size', async () => {
    const nodes = join(IMPORT, 'nodes.csv');
    const edges = join(IMPORT, 'edges.csv');
    const expected = await outcome(() => inMemory(nodes, edges, { name: 'Example' }));
    expect(expected).toHaveProperty('ok');
    for (const chunkBytes of [1, 7, 64, 1 << 20]) {
      expect(await outcome(() => streamCsvGraph(nodes, edges, { name: 'Example', chunkBytes })), `chunks of ${chunkBytes}`).toEqual(expected);
    }
  });

  it('quoted cells with line breaks, CRLF and lone CR line ends, a BOM, semicolons and typed other columns', async () => {
    const nodes = write('n.csv', '\uFEFFkey;stage;country;label;share;flag;code\r\na;mining;CN;"Norra Kärr\r\nline two";0.5;TRUE;007\r\n\r\nb;separation;CN;"ö ""q""";1;false;x\rc;mining;MY;;;;\n');
    const edges = write('e.csv', 'source,target,flow,notes\r\na,b,10,"one\ntwo"\nc,b,5.5,\n');
    const expected = await outcome(() => inMemory(nodes, edges));
    expect(expected).toHaveProperty('ok');
    for (const chunkBytes of [1, 2, 5, 1 << 20]) expect(await outcome(() => streamCsvGraph(nodes, edges, { chunkBytes }))).toEqual(expected);
  });

  it('--multigraph sum collapses parallel rows as fromCsv does; --undirected is refused', async () => {
    const nodes = write('m-nodes.csv', 'key,stage,country\na,mining,CN\nb,separation,CN\n');
    const edges = write('m-edges.csv', 'source,target,flow,capacity\na,b,1,2\na,b,3,\n');
    const expected = await outcome(() => inMemory(nodes, edges, { multigraph: 'sum' }));
    expect(expected).toHaveProperty('ok');
    expect(await outcome(() => streamCsvGraph(nodes, edges, { multigraph: 'sum', chunkBytes: 3 }))).toEqual(expected);
    await expect(streamCsvGraph(nodes, edges, { undirected: 'both' })).rejects.toThrow(UsageError);
  });

  const bad = readdirSync(BAD).filter((name) => name.endsWith('.csv'));
  it.each(bad)('%s: the same error as fromCsv', async (name) => {
    const path = join(BAD, name);
    const [nodes, edges] = name.endsWith('.edges.csv') ? [join(BAD, 'ok.nodes.csv'), path] : [path, undefined];
    const expected = await outcome(() => inMemory(nodes, edges));
    if (name === 'ok.nodes.csv') expect(expected).toHaveProperty('ok');
    else expect(expected).toHaveProperty('error');
    expect(await outcome(() => streamCsvGraph(nodes, edges, { chunkBytes: 5 }))).toEqual(expected);
  });

  it('a bad row names the file, the line and the column; problems of the graph name their rows', async () => {
    const nodes = join(BAD, 'ok.nodes.csv');
    await expect(streamCsvGraph(nodes, join(BAD, 'string-flow.edges.csv'))).rejects.toThrow(`${join(BAD, 'string-flow.edges.csv')}: row 2, column "flow": "12 t" is not a number`);
    const rows = write('late.csv', 'key,stage,country\na,mining,CN\n"b\nb",mining,CN\nc,mining,China\n');
    await expect(streamCsvGraph(rows, undefined, { chunkBytes: 4 })).rejects.toThrow(`row 5 (node "c"): country "China" is not an ISO 3166-1 alpha-2 code`);
    const both = write('both-edges.csv', 'source,target,flow\na,x,1\na,b,-1\n');
    const error = await streamCsvGraph(join(BAD, 'ok.nodes.csv'), both).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => `${p.element}: ${p.message}`)).toEqual(
      (await outcome(() => inMemory(join(BAD, 'ok.nodes.csv'), both)) as { error: { problems: { element: string; message: string }[] } }).error.problems.map((p) => `${p.element}: ${p.message}`),
    );
  });

  it('a missing file is an error naming it', async () => {
    await expect(streamCsvGraph(join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv: no such file/);
  });
});

describe('streamCsvIndex', () => {
  it('builds the index of the graph fromCsv reads', async () => {
    const nodes = join(IMPORT, 'nodes.csv');
    const edges = join(IMPORT, 'edges.csv');
    const direct = await streamCsvIndex(nodes, edges, { chunkBytes: 16 });
    const read = await inMemory(nodes, edges);
    const viaGraph = indexGraph(read.graph);
    expect(plain(direct.index)).toEqual(plain(viaGraph));
    expect(direct.warnings).toEqual(read.warnings);
    await expect(streamCsvIndex(join(BAD, 'ok.nodes.csv'), join(BAD, 'unknown-node.edges.csv'))).rejects.toThrow('row 2 (edge "a -> c"): unknown target node "c"');
  });
});
