/**
 * Attribute value types shared by the file formats.
 *
 * Typed formats (GraphML keys, GEXF attribute declarations) need one type per attribute
 * name. chokepoint's own attributes and the metric fields have a fixed type, so a column
 * keeps its type from one export to the next (a `betweenness` that happens to be 0
 * everywhere is still `double`); other attributes get the narrowest type that holds all
 * their values. Values that are neither strings, numbers nor booleans are written as JSON
 * text. Also the strict number reading used by the importers: `12a`, `1,000` and an
 * empty string are not numbers.
 */

export type ValueType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** A value a typed format can hold: absent, or a string, finite number or boolean. */
export type Scalar = string | number | boolean;

/** The fixed types of chokepoint's attributes and metric fields, by element kind. */
export const KNOWN_TYPES: Record<'graph' | 'node' | 'edge', Record<string, ValueType>> = {
  graph: { name: 'string', description: 'string', unit: 'string', year: 'int', source: 'string', notes: 'string' },
  node: {
    label: 'string',
    stage: 'string',
    country: 'string',
    capacity: 'double',
    status: 'string',
    startYear: 'int',
    source: 'string',
    notes: 'string',
    confidence: 'string',
    betweenness: 'double',
    throughput: 'double',
    flowShare: 'double',
    knockoutLoss: 'double',
    minCut: 'boolean',
    inDegree: 'int',
    outDegree: 'int',
    pagerank: 'double',
    shadowPrice: 'double',
    closeness: 'double',
    weakComponent: 'int',
    strongComponent: 'int',
    /** The map's drawing in GraphML (map-style.ts). */
    x: 'double',
    y: 'double',
    color: 'string',
  },
  edge: {
    flow: 'double',
    capacity: 'double',
    material: 'string',
    source: 'string',
    notes: 'string',
    betweenness: 'double',
    minCut: 'boolean',
  },
};

const INT32_MAX = 2 ** 31 - 1;

function fits(type: ValueType, value: Scalar): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'double':
      return typeof value === 'number' && !Number.isNaN(value);
    case 'long':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT32_MAX;
  }
}

/** The narrowest type that holds every value (`string` for an empty or mixed list). */
export function inferType(values: readonly Scalar[]): ValueType {
  if (values.length === 0) return 'string';
  for (const type of ['boolean', 'int', 'long', 'double'] as const) {
    if (values.every((v) => fits(type, v))) return type;
  }
  return 'string';
}

/** The declared type of attribute `name`: its known type when the values fit it, else inferred. */
export function attributeType(kind: 'graph' | 'node' | 'edge', name: string, values: readonly Scalar[]): ValueType {
  const known = KNOWN_TYPES[kind][name];
  if (known && values.every((v) => fits(known, v))) return known;
  return inferType(values);
}

/**
 * A value as a typed format can hold it: strings, finite numbers and booleans as they are,
 * infinities too (an unlimited capacity; written "inf", see `scalarText`), null/undefined/NaN
 * as absent, anything else as JSON text.
 */
export function toScalar(value: unknown): Scalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  return JSON.stringify(value);
}

/** Text as written in an XML or CSV cell; infinities as "inf" and "-inf" (Python's spelling, which networkx reads as a double). */
export function scalarText(value: Scalar): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return typeof value === 'string' ? value : String(value);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a decimal number strictly (no thousands separators, no trailing text); undefined if not one. */
export function parseStrictNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
