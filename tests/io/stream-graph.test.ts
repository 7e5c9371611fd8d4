import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { streamGraphFile, streamGraphJson, streamGraphNdjson } from '../../src/io/stream-graph.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { InputError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import expected from '../fixtures/bad/expected.json' with { type: 'json' };

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');
const GRAPHS = [join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json'), join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json')];

/** The graph as text, attribute order included: equal texts mean equal graphs for every exporter. */
const text = (graph: SupplyGraph): string => JSON.stringify(graph.export());

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chokepoint-stream-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/** A graph document as NDJSON: the header line, then one line per node and per edge. */
function toNdjson(data: { options?: unknown; attributes?: unknown; nodes: unknown[]; edges?: unknown[] }): string {
  const header = JSON.stringify({ ...(data.options ? { options: data.options } : {}), attributes: data.attributes ?? {} });
  return [header, ...data.nodes.map((n) => JSON.stringify(n)), ...(data.edges ?? []).map((e) => JSON.stringify(e))].join('\n') + '\n';
}

describe('streamGraphJson gives what parseGraph gives', () => {
  for (const file of GRAPHS) {
    it(`the same graph, attribute order included: ${file.split('/').pop()}`, async () => {
      const whole = parseGraph(JSON.parse(await readFile(file, 'utf8')), file);
      const sizes = file.endsWith('tiny.json') ? [1, 7, 64, undefined] : [4096, undefined];
      for (const chunkBytes of sizes) {
        const streamed = await streamGraphJson(file, chunkBytes === undefined ? {} : { chunkBytes });
        expect(text(streamed.graph)).toBe(text(whole.graph));
        expect(streamed.warnings).toEqual(whole.warnings);
      }
    });
  }

  it('the same graph for a generated graph read in 1000-byte chunks', async () => {
    const data = generateSupplyGraph({ nodes: 3000, seed: 7, backEdges: 0.05 });
    const file = await tempFile('generated.json', JSON.stringify(data));
    const streamed = await streamGraphJson(file, { chunkBytes: 1000 });
    expect(text(streamed.graph)).toBe(text(parseGraph(data, file).graph));
    expect(streamed.graph.size).toBe(9000);
  });

  it('the same graph whatever the order of the top-level keys (early elements wait in memory)', async () => {
    const data = JSON.parse(await readFile(GRAPHS[1] as string, 'utf8')) as Record<string, unknown>;
    data.attributes = { ...(data.attributes as object), stages: ['mining', 'separation', 'refining', 'magnet', 'component', 'manufacturing', 'end-use', 'recycling'] };
    const reference = text(parseGraph(data, 'x').graph);
    const orders = [
      ['edges', 'nodes', 'attributes'],
      ['nodes', 'attributes', 'edges'],
      ['edges', 'attributes', 'nodes'],
      ['nodes', 'edges', 'attributes'],
    ];
    for (const order of orders) {
      const reordered = Object.fromEntries(order.map((key) => [key, data[key]]));
      const file = await tempFile('reordered.json', JSON.stringify(reordered));
      expect(text((await streamGraphJson(file, { chunkBytes: 16 })).graph)).toBe(reference);
    }
  });

  it('multi-byte characters split across chunks come out whole', async () => {
    const data = { nodes: [{ key: 'mine-Kärr-稀土-🪨', attributes: { stage: 'mining', country: 'SE', label: 'Norra Kärr 稀土 🪨' } }] };
    const file = await tempFile('utf8.json', `\uFEFF${JSON.stringify(data)}`);
    for (const chunkBytes of [1, 2, 3, 5]) {
      const { graph } = await streamGraphJson(file, { chunkBytes });
      expect(graph.nodes()).toEqual(['mine-Kärr-稀土-🪨']);
      expect(graph.getNodeAttribute('mine-Kärr-稀土-🪨', 'label')).toBe('Norra Kärr 稀土 🪨');
    }
  });
});

describe('streamGraphJson: element runs (JSON.parse per run, src/io/element-runs.ts)', () => {
  it('the same graph as parseGraph with braces, brackets, quotes and backslashes inside strings, any chunk size', async () => {
    const data = {
      attributes: { name: 'g } ] { [ "x" \\', stages: ['mining', 'separation'] },
      nodes: [
        { key: 'a"}]{[', attributes: { stage: 'mining', country: 'CN', label: 'back\\slash \\" }', notes: '{"nodes": []}' } },
        { key: 'b\\', attributes: { stage: 'separation', country: 'MY', source: '稀土 🪨 ]' } },
      ],
      edges: [{ source: 'a"}]{[', target: 'b\\', attributes: { flow: 1, notes: '"]}' } }],
    };
    const file = await tempFile('tricky.json', JSON.stringify(data, null, 1));
    const reference = text(parseGraph(data, file).graph);
    for (const chunkBytes of [1, 2, 3, 5, 8, 13, 50, undefined]) {
      expect(text((await streamGraphJson(file, chunkBytes === undefined ? {} : { chunkBytes })).graph)).toBe(reference);
    }
  });

  it('names the file bytes of an element that is not valid JSON', async () => {
    const file = await tempFile('broken-element.json', '{"nodes": [{"key": "a", "attributes": {"stage": "mining", "country": "CN"}}, {"key": b}]}');
    const message = (await failure(streamGraphJson(file))).message;
    expect(message).toContain('file: not valid JSON (');
    expect(message).toContain('in the elements of "nodes" between bytes 11 and 87');
  });

  it('refuses a missing comma between elements and a trailing comma', async () => {
    const node = (key: string) => JSON.stringify({ key, attributes: { stage: 'mining', country: 'CN' } });
    for (const [body, chunkBytes] of [[`${node('a')} ${node('b')}`, undefined], [`${node('a')} ${node('b')}`, 60], [`${node('a')},`, undefined]] as const) {
      const file = await tempFile('comma.json', `{"nodes": [${body}]}`);
      expect((await failure(streamGraphJson(file, chunkBytes === undefined ? {} : { chunkBytes }))).message).toContain('file: not valid JSON');
    }
  });
});

describe('streamGraphJson on the bad-input corpus (tests/fixtures/bad)', () => {
  const table = expected as Record<string, string>;
  for (const [name, message] of Object.entries(table)) {
    it(`${name}: ${message}`, async () => {
      const path = join(BAD, name);
      for (const chunkBytes of [3, undefined]) {
        const error = await failure(streamGraphJson(path, chunkBytes === undefined ? {} : { chunkBytes }));
        expect(error.file).toBe(path);
        expect(error.message).toContain(`${path}: ${message}`);
      }
    });
  }

  it('covers every file of the corpus', async () => {
    const files = (await readdir(BAD)).filter((f) => f !== 'expected.json').sort();
    expect(files).toEqual(Object.keys(table).sort());
  });
});

describe('streamGraphJson: problems only a stream can have', () => {
  it('names a repeated top-level key', async () => {
    const file = await tempFile('twice.json', '{"nodes": [], "nodes": [{"key": "a", "attributes": {"stage": "mining", "country": "CN"}}]}');
    expect((await failure(streamGraphJson(file))).message).toContain('graph: duplicate top-level key "nodes"');
  });

  it('refuses data after the document', async () => {
    const file = await tempFile('trailing.json', '{"nodes": [{"key": "a", "attributes": {"stage": "mining", "country": "CN"}}]} {"x": 1}');
    expect((await failure(streamGraphJson(file))).message).toContain('file: not valid JSON');
  });

  it('names edges that are not an array', async () => {
    const file = await tempFile('edges.json', '{"nodes": [{"key": "a", "attributes": {"stage": "mining", "country": "CN"}}], "edges": 5}');
    expect((await failure(streamGraphJson(file))).message).toContain('graph: edges: must be an array of edges (got 5)');
  });

  it('stops at nesting deeper than the limit without building the value', async () => {
    const file = await tempFile('deep.json', `{"nodes": [${'['.repeat(100_000)}`);
    expect((await failure(streamGraphJson(file))).message).toContain('file: arrays and objects nested more than 64 levels deep');
  });
});

describe('readGraphFile', () => {
  it('streams on request and gives the same graph', async () => {
    const file = GRAPHS[0] as string;
    expect(text((await readGraphFile(file, { stream: true })).graph)).toBe(text((await readGraphFile(file)).graph));
  });

  it('reads .ndjson files line by line', async () => {
    const data = JSON.parse(await readFile(GRAPHS[0] as string, 'utf8')) as Parameters<typeof toNdjson>[0];
    const file = await tempFile('graph.ndjson', toNdjson(data));
    expect(text((await readGraphFile(file)).graph)).toBe(text(parseGraph(data, 'x').graph));
  });
});

describe('streamGraphNdjson', () => {
  const node = (key: string, stage = 'mining') => JSON.stringify({ key, attributes: { stage, country: 'CN' } });
  const edge = (source: string, target: string, flow: unknown = 1) => JSON.stringify({ source, target, attributes: { flow } });

  it('gives what parseGraph gives, in small chunks too, without a header line and with CRLF line ends', async () => {
    const data = generateSupplyGraph({ nodes: 500, seed: 3, backEdges: 0.1 });
    const reference = text(parseGraph(data, 'x').graph);
    const file = await tempFile('g.jsonl', toNdjson(data));
    expect(text((await streamGraphNdjson(file, { chunkBytes: 100 })).graph)).toBe(reference);
    const bare = await tempFile('bare.ndjson', [node('a'), node('b', 'separation'), '', edge('a', 'b')].join('\r\n'));
    const { graph } = await streamGraphFile(bare);
    expect(graph.edges()).toEqual(['a->b']);
  });

  it('names the line of a line that is not an element, and the element of an invalid one', async () => {
    const file = await tempFile(
      'bad.ndjson',
      [
        '{"attributes": {"name": "x"}}',
        node('a'),
        '{"key": "b", "attributes": {"stage": "mining"',
        '[1, 2]',
        edge('a', 'z'),
        node('c'),
        '{"attributes": {}}',
        '{"colour": "red"}',
        edge('a', 'c', -1),
      ].join('\n'),
    );
    const message = (await failure(streamGraphNdjson(file))).message;
    expect(message).toContain(`${file}: line 3: not valid JSON`);
    expect(message).toContain(`${file}: line 4: must be a JSON object (a node, an edge or the graph header; got an array)`);
    expect(message).toContain(`${file}: edge "a -> z": unknown target node "z"`);
    expect(message).toContain(`${file}: line 6: a node after the first edge: nodes come first`);
    expect(message).toContain(`${file}: line 7: the header (options, attributes) must be the first line`);
    expect(message).toContain(`${file}: line 8: neither a node (key) nor an edge (source, target) nor the header (options, attributes): has "colour"`);
    expect(message).toContain(`${file}: edge "a -> c": unknown target node "c"`);
  });

  it('calls a file of blank lines empty', async () => {
    const file = await tempFile('blank.ndjson', '\n  \n\n');
    expect((await failure(streamGraphNdjson(file))).message).toBe(`${file}: file: the file is empty`);
  });
});
