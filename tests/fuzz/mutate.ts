/**
 * Seeded mutations of valid JSON documents for fuzz tests: each mutation replaces,
 * deletes or duplicates one value somewhere in the document.
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (list of keys/indices) to a value inside `doc`. */
function paths(doc: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (doc && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -0, '', 'CN', 'XX', 'mining', '1e999', '__proto__', 'constructor', [], {}, 2030.5, Number.MAX_SAFE_INTEGER),
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
