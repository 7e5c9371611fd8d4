/**
 * The validation fast path of graph loading: allocation-free checks that say whether a
 * node or edge element of a graph file is valid under the zod schemas of `schema.ts`, and
 * copies of valid elements in the shape zod would return. zod stays the schema of record:
 * an element these checks refuse is parsed again with zod, whose issues become the error
 * messages, so the fast path can only be stricter than zod, never more lenient (the
 * property test in tests/model/fast-validate.test.ts compares the two on random
 * elements). Validating with zod costs several objects per element (issues, copies,
 * transformed values); these checks read properties and compare, which is what makes
 * loading 10^6 elements take seconds instead of a minute.
 *
 * The copies keep zod's attribute order (the schema's keys in shape order, then unknown
 * attributes in input order) and its defaults (`status: "operating"`), so a graph loaded
 * either way is the same, down to the order in which exports write attributes. An
 * attribute the schema gains later and these checks do not know yet sends the element to
 * zod (so it is still validated), and an attribute with a reserved name (`__proto__`,
 * `constructor`, ...: reserved-names.ts) does too.
 * Pure.
 */
import {
  CONFIDENCE_LEVELS,
  EdgeAttributesSchema,
  MAX_QUANTITY,
  NODE_STATUSES,
  NodeAttributesSchema,
  type EdgeAttributes,
  type NodeAttributes,
} from './schema.js';
import { isReservedKey } from './reserved-names.js';

const NODE_KEYS: readonly string[] = Object.keys(NodeAttributesSchema.shape);
const EDGE_KEYS: readonly string[] = Object.keys(EdgeAttributesSchema.shape);
const NODE_KNOWN: ReadonlySet<string> = new Set(NODE_KEYS);
const EDGE_KNOWN: ReadonlySet<string> = new Set(EDGE_KEYS);
/** The attributes the checks below know; a schema attribute added later goes to zod until they learn it. */
const NODE_CHECKED = ['label', 'stage', 'country', 'capacity', 'status', 'startYear', 'source', 'notes', 'confidence', 'sector', 'recipes', 'demand', 'stock', 'stockMonths', 'rampMonths', 'low', 'high', 'stockLow', 'stockHigh'];
const EDGE_CHECKED = ['flow', 'capacity', 'material', 'source', 'notes', 'confidence', 'weight', 'low', 'high', 'capacityLow', 'capacityHigh'];
const NODE_UNCHECKED: readonly string[] = NODE_KEYS.filter((name) => !NODE_CHECKED.includes(name));
const EDGE_UNCHECKED: readonly string[] = EDGE_KEYS.filter((name) => !EDGE_CHECKED.includes(name));
const STATUSES: ReadonlySet<unknown> = new Set(NODE_STATUSES);
const CONFIDENCES: ReadonlySet<unknown> = new Set(CONFIDENCE_LEVELS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when an attribute name is reserved (reserved-names.ts): the loader reports those on the zod path. */
function hasReservedName(a: Record<string, unknown>): boolean {
  for (const name in a) if (isReservedKey(name)) return true;
  return false;
}

/** A flow or capacity: finite, 0 <= x <= MAX_QUANTITY. */
const isQuantity = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value <= MAX_QUANTITY;
const isOptionalQuantity = (value: unknown): boolean => value === undefined || isQuantity(value);
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** A number of months: finite, 0 <= x <= 1200. */
const isMonths = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value <= 1200;

/** A coefficient or share of a recipe: 0 < x <= MAX_QUANTITY. */
const isPositive = (value: unknown): boolean => typeof value === 'number' && value > 0 && value <= MAX_QUANTITY;

/** `{material: positive number}` with no reserved material name (those go to zod). */
function isMaterialTable(value: unknown): boolean {
  if (!isPlainObject(value) || Object.hasOwn(value, '__proto__')) return false;
  for (const name in value) if (isReservedKey(name) || !isPositive(value[name])) return false;
  return true;
}

/** True when `value` passes the `recipes` attribute of NodeAttributesSchema (RecipeSchema). */
function isValidRecipes(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const recipe of value) {
    if (!isPlainObject(recipe)) return false;
    for (const name in recipe) if (name !== 'name' && name !== 'inputs' && name !== 'outputs' && name !== 'baseline') return false;
    if (typeof recipe.name !== 'string' || recipe.name === '' || !isMaterialTable(recipe.inputs)) return false;
    if (recipe.outputs !== undefined && !isMaterialTable(recipe.outputs)) return false;
    if (recipe.baseline !== undefined && !isQuantity(recipe.baseline)) return false;
  }
  return true;
}

/** True when `a` passes NodeAttributesSchema (a plain object with valid known attributes). */
export function isValidNodeAttributes(a: unknown): a is Record<string, unknown> {
  if (!isPlainObject(a) || Object.hasOwn(a, '__proto__') || hasReservedName(a)) return false;
  for (const name of NODE_UNCHECKED) if (a[name] !== undefined) return false;
  const { label, stage, country, capacity, status, startYear, source, notes, confidence, sector, recipes, demand, stock, stockMonths, rampMonths, low, high, stockLow, stockHigh } = a;
  return (
    isOptionalQuantity(low) &&
    isOptionalQuantity(high) &&
    isOptionalQuantity(stockLow) &&
    isOptionalQuantity(stockHigh) &&
    (stage === undefined || (typeof stage === 'string' && stage !== '')) &&
    isOptionalString(country) &&
    isOptionalString(label) &&
    (capacity === undefined || isQuantity(capacity)) &&
    (status === undefined || STATUSES.has(status)) &&
    (startYear === undefined || Number.isInteger(startYear)) &&
    isOptionalString(source) &&
    isOptionalString(notes) &&
    (confidence === undefined || CONFIDENCES.has(confidence)) &&
    isOptionalString(sector) &&
    (recipes === undefined || isValidRecipes(recipes)) &&
    (demand === undefined || isQuantity(demand)) &&
    (stock === undefined || isQuantity(stock)) &&
    (stockMonths === undefined || isMonths(stockMonths)) &&
    (rampMonths === undefined || isMonths(rampMonths))
  );
}

/** True when `a` passes EdgeAttributesSchema. */
export function isValidEdgeAttributes(a: unknown): a is Record<string, unknown> {
  if (!isPlainObject(a) || Object.hasOwn(a, '__proto__') || hasReservedName(a)) return false;
  for (const name of EDGE_UNCHECKED) if (a[name] !== undefined) return false;
  const { flow, capacity, material, source, notes, confidence, weight, low, high, capacityLow, capacityHigh } = a;
  return (
    isOptionalQuantity(low) &&
    isOptionalQuantity(high) &&
    isOptionalQuantity(capacityLow) &&
    isOptionalQuantity(capacityHigh) &&
    (flow === undefined || isQuantity(flow)) &&
    (capacity === undefined || isQuantity(capacity)) &&
    isOptionalString(material) &&
    isOptionalString(source) &&
    isOptionalString(notes) &&
    (confidence === undefined || CONFIDENCES.has(confidence)) &&
    (weight === undefined || (typeof weight === 'number' && Number.isFinite(weight)))
  );
}

const isKey = (value: unknown): value is string | number => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** True when `raw` passes SerializedNodeSchema: `{key, attributes?}` and nothing else, key a non-empty string or a number. */
export function isValidSerializedNode(raw: unknown): raw is { key: string | number; attributes?: unknown } {
  if (!isPlainObject(raw)) return false;
  for (const name in raw) if (name !== 'key' && name !== 'attributes') return false;
  const key = raw.key;
  return typeof key === 'string' ? key !== '' : isKey(key);
}

/** True when `raw` passes SerializedEdgeSchema: `{key?, source, target, attributes?, undirected?: false}`. */
export function isValidSerializedEdge(raw: unknown): raw is { key?: string | number; source: string | number; target: string | number; attributes?: unknown } {
  if (!isPlainObject(raw)) return false;
  for (const name in raw) if (name !== 'key' && name !== 'source' && name !== 'target' && name !== 'attributes' && name !== 'undirected') return false;
  return (raw.key === undefined || isKey(raw.key)) && isKey(raw.source) && isKey(raw.target) && (raw.undirected === undefined || raw.undirected === false);
}

/**
 * A copy of valid node attributes as NodeAttributesSchema would return it; names of
 * unknown attributes are passed to `unknown`.
 */
export function copyNodeAttributes(a: Record<string, unknown>, unknown: (name: string) => void): NodeAttributes {
  const out: Record<string, unknown> = {};
  for (const name of NODE_KEYS) {
    const value = a[name];
    if (value !== undefined) out[name] = value;
    else if (name === 'status') out[name] = 'operating';
  }
  for (const name in a) {
    if (!NODE_KNOWN.has(name)) {
      out[name] = a[name];
      unknown(name);
    }
  }
  return out as NodeAttributes;
}

/** A copy of valid edge attributes as EdgeAttributesSchema would return it (see copyNodeAttributes). */
export function copyEdgeAttributes(a: Record<string, unknown>, unknown: (name: string) => void): EdgeAttributes {
  const out: Record<string, unknown> = {};
  for (const name of EDGE_KEYS) {
    const value = a[name];
    if (value !== undefined) out[name] = value;
  }
  for (const name in a) {
    if (!EDGE_KNOWN.has(name)) {
      out[name] = a[name];
      unknown(name);
    }
  }
  return out as EdgeAttributes;
}
