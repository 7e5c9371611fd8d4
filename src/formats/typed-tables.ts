/**
 * Node and edge tables with one declared type per column, for the formats that hand a
 * graph to engines beyond one machine (neo4j.ts, graphframes.ts). Columns: the element's
 * identity columns, then every attribute in order of first appearance (chokepoint's own
 * attributes first, as the file holds them), metrics included. Types come from
 * attribute-types.ts: chokepoint's attributes and the metrics have fixed types, others the
 * narrowest type that holds all their values. An attribute whose name is an identity
 * column gets the suffix `_ref` (as in the CSV and cyjs exports). Values that are not
 * scalars are JSON text; absent and non-finite values are empty cells. Pure.
 */
import type { SupplyGraph } from '../model/graph.js';
import { attributeType, toScalar, type Scalar, type ValueType } from './attribute-types.js';

export interface TypedColumn {
  /** Column name as written (an attribute name, `_ref` added on a clash). */
  name: string;
  /** The attribute it holds. */
  attribute: string;
  type: ValueType;
}

export interface TypedTable {
  columns: TypedColumn[];
  /** One row per element: identity cells, then a value (or undefined) per column. */
  rows: { identity: string[]; values: (Scalar | undefined)[] }[];
}

function build(kind: 'node' | 'edge', elements: { identity: string[]; attributes: Record<string, unknown> }[], reserved: ReadonlySet<string>): TypedTable {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    for (const name of Object.keys(element.attributes)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const rows = elements.map((element) => ({ identity: element.identity, values: names.map((name) => toScalar(element.attributes[name])) }));
  const columns = names.map((attribute, i) => {
    const values = rows.flatMap((row) => (row.values[i] === undefined ? [] : [row.values[i] as Scalar]));
    let name = attribute;
    while (reserved.has(name) || (name !== attribute && seen.has(name))) name = `${name}_ref`;
    return { name, attribute, type: attributeType(kind, attribute, values) };
  });
  return { columns, rows };
}

/** The node table: identity = [key]; `reserved` are the identity column names. */
export function nodeTable(graph: SupplyGraph, reserved: ReadonlySet<string>): TypedTable {
  return build(
    'node',
    graph.mapNodes((key, attributes) => ({ identity: [key], attributes })),
    reserved,
  );
}

/** The edge table: identity = [source, target, key]. */
export function edgeTable(graph: SupplyGraph, reserved: ReadonlySet<string>): TypedTable {
  return build(
    'edge',
    graph.mapEdges((key, attributes, source, target) => ({ identity: [source, target, key], attributes })),
    reserved,
  );
}

/** A cell's text: empty when absent, `true`/`false`, numbers as JavaScript writes them. */
export function cellText(value: Scalar | undefined): string {
  return value === undefined ? '' : String(value);
}
