/**
 * Seeded mutations of valid JSON documents for fuzz tests: each mutation replaces,
 * deletes or duplicates one value somewhere in the document.
 */
import fc from 'fast-check';
import { MAX_QUANTITY } from '../../src/model/schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (list of keys/indices) to a value inside `doc`. */
function paths(doc: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (doc && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -0, '', 'CN', 'XX', 'mining', '1e999', '__proto__', 'constructor', [], {}, 2030.5, Number.MAX_SAFE_INTEGER, 1e15, 1e16, 5e-324),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export interface Mutation {
  pick: number;
  kind: 'replace' | 'delete' | 'duplicate';
  value: Json;
}

export const mutationArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ pick: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'duplicate'), value: oddValue }),
  { minLength: 1, maxLength: 4 },
) as fc.Arbitrary<Mutation[]>;

/** Applies mutations to a deep copy of `doc`. */
export function mutate(doc: unknown, mutations: Mutation[]): unknown {
  let copy = structuredClone(doc) as Json;
  for (const m of mutations) {
    const all = paths(copy);
    const path = all[m.pick % all.length] ?? [];
    if (path.length === 0) {
      copy = m.kind === 'replace' ? m.value : copy;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string] as Json, copy);
    const last = path[path.length - 1] as string | number;
    if (Array.isArray(parent) && typeof last === 'number') {
      if (m.kind === 'delete') parent.splice(last, 1);
      else if (m.kind === 'duplicate') parent.splice(last, 0, structuredClone(parent[last] as Json));
      else parent[last] = m.value;
    } else if (parent && typeof parent === 'object') {
      const obj = parent as Record<string, Json>;
      if (m.kind === 'delete') delete obj[last];
      else if (m.kind === 'duplicate') obj[`${last}_copy`] = structuredClone(obj[last] as Json);
      else obj[last] = m.value;
    }
  }
  return copy;
}

/** Node keys that trip up code keeping results in plain objects or building strings. */
export const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '__proto__ ', '0', '-1', '1e3', 'a->b', 'a -> b', ' ', 'ä/β', '"quoted"', 'key,with,commas'] as const;

/**
 * Renames node `pick` (modulo the node count) of a graph document to `key` everywhere:
 * its own key and every edge source and target naming it, so the graph stays consistent.
 */
export function renameNode(doc: unknown, pick: number, key: string): unknown {
  const copy = structuredClone(doc) as { nodes?: { key?: unknown }[]; edges?: { source?: unknown; target?: unknown }[] };
  const nodes = Array.isArray(copy.nodes) ? copy.nodes : [];
  const node = nodes[pick % Math.max(1, nodes.length)];
  if (!node || typeof node !== 'object') return copy;
  const old = node.key;
  node.key = key;
  for (const edge of Array.isArray(copy.edges) ? copy.edges : []) {
    if (!edge || typeof edge !== 'object') continue;
    if (edge.source === old) edge.source = key;
    if (edge.target === old) edge.target = key;
  }
  return copy;
}

/** Paths (`a.b[2].c`) of every number in `value` that is not finite. */
export function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path || '(top)'} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, path ? `${path}.${k}` : k));
  return [];
}

/** A copy of a graph document with every flow and capacity at the largest accepted value. */
export function atTheLimit(doc: unknown): unknown {
  const copy = structuredClone(doc) as { nodes: { attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] };
  for (const n of copy.nodes) if (n.attributes.capacity !== undefined) n.attributes.capacity = MAX_QUANTITY;
  for (const e of copy.edges) {
    e.attributes.flow = MAX_QUANTITY;
    if (e.attributes.capacity !== undefined) e.attributes.capacity = MAX_QUANTITY;
  }
  return copy;
}
