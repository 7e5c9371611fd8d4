/**
 * The validation fast path against zod, the schema of record: on random node and edge
 * elements (valid ones with one field mutated), an element the fast path accepts is
 * accepted by zod too and copied to exactly what zod returns, attribute order included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copyEdgeAttributes,
  copyNodeAttributes,
  isValidEdgeAttributes,
  isValidNodeAttributes,
  isValidSerializedEdge,
  isValidSerializedNode,
} from '../../src/model/fast-validate.js';
import { EdgeAttributesSchema, NodeAttributesSchema, SerializedEdgeSchema, SerializedNodeSchema } from '../../src/model/schema.js';
import { mutate, mutationArbitrary } from '../fuzz/mutate.js';

const data = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json'), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
const ignore = () => {};

describe('fast path never accepts what zod refuses, and copies as zod does', () => {
  it('on every element of the default dataset', () => {
    for (const node of data.nodes) {
      expect(isValidSerializedNode(node)).toBe(true);
      const attributes = (node as { attributes: Record<string, unknown> }).attributes;
      expect(isValidNodeAttributes(attributes)).toBe(true);
      expect(JSON.stringify(copyNodeAttributes(attributes, ignore))).toBe(JSON.stringify(NodeAttributesSchema.parse(attributes)));
    }
    for (const edge of data.edges) {
      expect(isValidSerializedEdge(edge)).toBe(true);
      const attributes = (edge as { attributes: Record<string, unknown> }).attributes;
      expect(isValidEdgeAttributes(attributes)).toBe(true);
      expect(JSON.stringify(copyEdgeAttributes(attributes, ignore))).toBe(JSON.stringify(EdgeAttributesSchema.parse(attributes)));
    }
  });

  it('on mutated nodes and edges', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(data.nodes.length - 1), fc.nat(data.edges.length - 1), mutationArbitrary, (i, j, mutations) => {
        // mutate may put a mutation's value in place, so each use gets its own copy.
        const node = mutate(data.nodes[i], structuredClone(mutations)) as unknown;
        if (isValidSerializedNode(node)) expect(SerializedNodeSchema.safeParse(node).success).toBe(true);
        const nodeAttributes = (node as { attributes?: unknown } | null)?.attributes;
        if (isValidNodeAttributes(nodeAttributes)) {
          accepted++;
          const zod = NodeAttributesSchema.safeParse(nodeAttributes);
          expect(zod.success).toBe(true);
          expect(JSON.stringify(copyNodeAttributes(nodeAttributes, ignore))).toBe(JSON.stringify(zod.data));
        } else refused++;
        const edge = mutate(data.edges[j], structuredClone(mutations)) as unknown;
        if (isValidSerializedEdge(edge)) expect(SerializedEdgeSchema.safeParse(edge).success).toBe(true);
        const edgeAttributes = (edge as { attributes?: unknown } | null)?.attributes;
        if (isValidEdgeAttributes(edgeAttributes)) {
          const zod = EdgeAttributesSchema.safeParse(edgeAttributes);
          expect(zod.success).toBe(true);
          expect(JSON.stringify(copyEdgeAttributes(edgeAttributes, ignore))).toBe(JSON.stringify(zod.data));
        }
      }),
      { seed: 20261130, numRuns: 1500 },
    );
    // Both branches are exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('counts unknown attribute names', () => {
    const names: string[] = [];
    copyNodeAttributes({ stage: 'mining', country: 'CN', colour: 'red', x: 1 }, (name) => names.push(name));
    expect(names).toEqual(['colour', 'x']);
  });

  it('leaves an attribute named __proto__ to zod', () => {
    const attributes = JSON.parse('{"stage": "mining", "country": "CN", "__proto__": {"x": 1}}') as unknown;
    expect(isValidNodeAttributes(attributes)).toBe(false);
  });
});

describe('fast path coverage of the schema', () => {
  it('checks every attribute the schemas define (a new schema attribute must be added to the fast path)', async () => {
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'model', 'fast-validate.ts'), 'utf8');
    const listed = (name: string) => JSON.parse((new RegExp(`const ${name} = (\\[[^\\]]*\\])`).exec(source)?.[1] ?? '[]').replace(/'/g, '"')) as string[];
    expect(listed('NODE_CHECKED').sort()).toEqual(Object.keys(NodeAttributesSchema.shape).sort());
    expect(listed('EDGE_CHECKED').sort()).toEqual(Object.keys(EdgeAttributesSchema.shape).sort());
  });
});
