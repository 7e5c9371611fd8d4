import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ElementRuns, type RunHandlers } from '../../src/io/element-runs.js';
import { MAX_JSON_DEPTH } from '../../src/model/json-depth.js';

/**
 * Splits `text` (as UTF-8) into chunks of `size` bytes, runs them through ElementRuns with a
 * handler that treats object/array openings at depth 2 after `"nodes": [` as elements, and gives back
 * what the streaming parser would have seen (placeholders as `0`) and the elements parsed.
 */
function split(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  let fed = '';
  const elements: unknown[] = [];
  const problems: string[] = [];
  const decoder = new TextDecoder();
  const handlers: RunHandlers = {
    feed: (part) => {
      fed += decoder.decode(part, { stream: true });
    },
    // The reader's token watcher says whether an opening is an element of nodes or edges;
    // here: anything at depth 2 once the nodes array has begun (attributes come first).
    atElement: () => /"nodes": ?\[/.test(fed),
    elements: (values, from, to) => {
      elements.push(...values);
      fed += '0';
      expect(from).toBeLessThan(to);
    },
    invalid: (detail, from, to) => problems.push(`invalid ${from}-${to}: ${detail}`),
    tooDeep: () => problems.push('too deep'),
    stopped: () => problems.length > 0,
  };
  const runs = new ElementRuns(handlers);
  for (let at = 0; at < bytes.length && problems.length === 0; at += size) runs.write(bytes.subarray(at, at + size));
  return { fed, elements, problems };
}

describe('ElementRuns', () => {
  const doc = JSON.stringify({
    attributes: { name: 'a } tricky ] "name" \\', stages: ['x'] },
    nodes: [{ key: 'a"}]{[', attributes: { label: 'back\\slash \\" and \u00e9 稀土 🪨', list: [1, [2, { x: '}' }]] } }, { key: 'b' }, 5, 'c', { key: 'd' }, [1, 2]],
    edges: [{ source: 'a"}]{[', target: 'b' }],
  });
  const value = JSON.parse(doc) as { nodes: unknown[]; edges: unknown[] };

  it('hands over every object and array element, in order, whatever the chunk size', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) {
      const { fed, elements, problems } = split(doc, size);
      expect(problems).toEqual([]);
      // Scalars stay with the streaming parser; the rest arrive parsed, in file order.
      expect(elements).toEqual([...value.nodes.filter((n) => typeof n === 'object'), ...value.edges]);
      // What the streaming parser sees is the document with runs replaced by placeholders.
      const seen = JSON.parse(fed) as { nodes: unknown[]; edges: unknown[]; attributes: unknown };
      expect(seen.attributes).toEqual(JSON.parse(doc).attributes);
      expect(seen.nodes.filter((n) => n !== 0)).toEqual([5, 'c']);
      expect(seen.edges.every((e) => e === 0)).toBe(true);
    }
  });

  it('keeps strings with escapes apart from structure (property: random strings, random chunk sizes)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.string({ unit: 'binary' }), n: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), (nodes, size) => {
        const text = JSON.stringify({ nodes, edges: [] });
        const { elements, problems } = split(text, size);
        expect(problems).toEqual([]);
        expect(elements).toEqual(JSON.parse(text).nodes);
      }),
      { numRuns: 100 },
    );
  });

  it('names the bytes of a run that is not valid JSON (a missing comma, a broken element)', () => {
    const missingComma = split('{"nodes": [{"key": "a"} {"key": "b"}]}', 1 << 20);
    expect(missingComma.problems).toHaveLength(1);
    expect(missingComma.problems[0]).toMatch(/^invalid 11-36: /);
    const broken = split('{"nodes": [{"key": "a"}, {"key": b}]}', 4);
    expect(broken.problems[0]).toMatch(/^invalid 25-35: /);
  });

  it('gives a missing comma between chunks and a trailing comma to the streaming parser', () => {
    expect(split('{"nodes": [{"key": "a"} {"key": "b"}]}', 24).fed).toBe('{"nodes": [0 0]}');
    expect(split('{"nodes": [{"key": "a"},]}', 1 << 20).fed).toBe('{"nodes": [0,]}');
  });

  it('stops at nesting deeper than MAX_JSON_DEPTH inside a run', () => {
    const deep = `{"nodes": [${'['.repeat(MAX_JSON_DEPTH)}`;
    expect(split(deep, 1 << 20).problems).toEqual(['too deep']);
    const fine = `{"nodes": [${'['.repeat(MAX_JSON_DEPTH - 2)}${']'.repeat(MAX_JSON_DEPTH - 2)}]}`;
    expect(split(fine, 3).problems).toEqual([]);
  });

  it('leaves an opening the reader says is no element to the streaming parser', () => {
    const bytes = new TextEncoder().encode('{"attributes": {"a": [{"b": 1}]}, "nodes": [{"key": "a"}]}');
    let fed = '';
    const elements: unknown[] = [];
    let depth2Asks = 0;
    const runs = new ElementRuns({
      feed: (part) => {
        fed += new TextDecoder().decode(part);
      },
      atElement: () => ++depth2Asks > 1,
      elements: (values) => {
        elements.push(...values);
        fed += '0';
      },
      invalid: () => {},
      tooDeep: () => {},
      stopped: () => false,
    });
    runs.write(bytes);
    expect(fed).toBe('{"attributes": {"a": [{"b": 1}]}, "nodes": [0]}');
    expect(elements).toEqual([{ key: 'a' }]);
  });

  it('decodes each run from its own bytes: a long UTF-8 run, then shorter ASCII runs (the scratch buffer is reused)', () => {
    const nodes = [{ key: `稀土 ${'é'.repeat(300)} 🪨` }, { key: 'a' }, { key: 'b' }, { key: 'c'.repeat(50) }, { key: 'ü' }];
    const text = JSON.stringify({ nodes, edges: [] });
    // From one chunk for the whole document down to 1-byte chunks: runs of every length, one after another.
    for (const size of [1000, 64, 9, 1]) {
      const { elements, problems } = split(text, size);
      expect(problems).toEqual([]);
      expect(elements).toEqual(nodes);
    }
  });
});
