/**
 * The graph file format: graphology's serialization JSON with chokepoint's attributes.
 * These zod schemas are the one definition of the format: they validate files and give
 * the TypeScript types. Cross-element rules (unknown endpoints, duplicates, stage
 * vocabulary, country codes) live in `parse-graph.ts`.
 */
import { z } from 'zod';

/** Messages for a missing value or one of the wrong type: `is required`, `must be a number`. */
function typeError(expected: string) {
  return (issue: { input?: unknown }) => {
    if (issue.input === undefined) return `is required (${expected})`;
    if (typeof issue.input === 'number' && expected.includes('number')) return 'must be a finite number';
    return `must be ${expected}`;
  };
}

/**
 * The largest flow or capacity accepted. Sums over a million edges of values this size
 * stay far from overflowing to Infinity (which would turn shares and losses into NaN),
 * and values up to it keep whole units exact (2^53 ~ 9e15).
 */
export const MAX_QUANTITY = 1e15;

const finiteNonNegative = z
  .number({ error: typeError('a finite number >= 0') })
  .refine((v) => v >= 0, 'must be >= 0')
  .refine((v) => v <= MAX_QUANTITY, 'must be at most 1e15 (larger values would overflow sums)');

/**
 * The spelling of an unlimited capacity: the string "inf" (Python's `str(float("inf"))`,
 * which networkx writes in GraphML and CSV, and which JSON, GraphML and CSV can all carry;
 * JSON has no Infinity). Read as Infinity; written back as "inf" by every export.
 */
export const UNLIMITED = 'inf';

/** JSON.stringify replacer writing an unlimited capacity (Infinity) as "inf", as files spell it. */
export function unlimitedAsText(_key: string, value: unknown): unknown {
  return value === Infinity ? UNLIMITED : value;
}

/** A capacity: a finite number in [0, 1e15], or "inf" (unlimited, read as Infinity). */
const capacityValue = z
  .union([z.literal(UNLIMITED), finiteNonNegative], { error: typeError('a finite number >= 0, or "inf" for unlimited') })
  .transform((v) => (v === UNLIMITED ? Infinity : v));
const positiveNumber = z
  .number({ error: typeError('a finite number > 0') })
  .refine((v) => v > 0, 'must be > 0')
  .refine((v) => v <= MAX_QUANTITY, 'must be at most 1e15');

/**
 * One activity of a node (docs/format.md, "Recipes"): one unit of activity consumes
 * `inputs[k]` of each input material k and yields one unit of output, split among the
 * output materials by `outputs` (shares, normalised to sum to 1; the node's default shares
 * when absent). Materials are edge `material` values ("" for an edge without one).
 */
export const RecipeSchema = z.strictObject({
  name: z.string({ error: typeError('a string (the recipe name)') }).min(1, 'must not be empty'),
  inputs: z.record(z.string(), positiveNumber, { error: typeError('an object {material: coefficient > 0}') }),
  outputs: z.record(z.string(), positiveNumber, { error: typeError('an object {material: share > 0}') }).optional(),
  /**
   * The recipe's observed activity (units of output per year) in the data year. Read only
   * by the proportional bound, which weights alternative recipes by it
   * (`scenario/proportional-flow.ts`); the allocation LP ignores it.
   */
  baseline: finiteNonNegative.optional(),
});

export const NODE_STATUSES = ['operating', 'construction', 'planned', 'prospective'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;

export const NodeAttributesSchema = z.looseObject({
  label: z.string().optional(),
  /**
   * The node's stage (one of the graph's `stages`). Optional at load: a generic graph has
   * none; the supply-chain metrics that need it refuse the graph (`requireSupplyChain`).
   */
  stage: z.string({ error: typeError('a stage name') }).min(1, 'must not be empty').optional(),
  /** ISO 3166-1 alpha-2 code. Optional at load, like `stage`. */
  country: z.string({ error: typeError('an ISO 3166-1 alpha-2 code such as "CN"') }).optional(),
  /** The most the node can pass, in the graph's unit; "inf" (Infinity) for unlimited. */
  capacity: capacityValue.optional(),
  status: z.enum(NODE_STATUSES).default('operating'),
  startYear: z.number().int('must be a whole year').optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  /** Range of `capacity` (t/yr): low <= capacity <= high (`model/ranges.ts`). */
  low: finiteNonNegative.optional(),
  high: finiteNonNegative.optional(),
  /** Range of `stock` (t), when the node carries one. */
  stockLow: finiteNonNegative.optional(),
  stockHigh: finiteNonNegative.optional(),
  /** The end-use sector of a sink ("EVs and vehicle motors"): groups sinks across countries. */
  sector: z.string({ error: typeError('a string (the end-use sector)') }).optional(),
  /**
   * Stock held at the node, tonnes of its baseline input mix (in baseline proportions),
   * for the monthly model (`src/timeline/`). At most one of `stock` and `stockMonths`.
   */
  stock: finiteNonNegative.optional(),
  /** Stock as months of the node's baseline in-flow: stock = stockMonths x IN / 12. */
  stockMonths: z.number({ error: typeError('a number of months >= 0') }).refine((v) => v >= 0, 'must be >= 0').refine((v) => v <= 1200, 'must be at most 1200 months').optional(),
  /** Months a project takes to ramp linearly to capacity once a scenario activates it. */
  rampMonths: z.number({ error: typeError('a number of months >= 0') }).refine((v) => v >= 0, 'must be >= 0').refine((v) => v <= 1200, 'must be at most 1200 months').optional(),
  /** Alternative activities of the node (substitution, thrifting); the default recipe when absent. */
  recipes: z.array(RecipeSchema, { error: typeError('an array of recipes') }).min(1, 'must list at least one recipe').optional(),
  /** What a sink would take, t/yr (its baseline in-flow when absent). */
  demand: finiteNonNegative.optional(),
});

export const EdgeAttributesSchema = z.looseObject({
  /** Observed flow, in the graph's unit. Optional at load, like a node's `stage` (`requireSupplyChain`). */
  flow: finiteNonNegative.optional(),
  /** The most the edge can carry, in the graph's unit; analyses use `flow` when absent; "inf" (Infinity) for unlimited. */
  capacity: capacityValue.optional(),
  material: z.string().optional(),
  /**
   * networkx's conventional edge attribute. chokepoint reads it only when asked
   * (`--weight weight`: a length for betweenness); not required, not warned about.
   */
  weight: z.number({ error: typeError('a number') }).optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  /** Range of `flow` (t/yr): low <= flow <= high (`model/ranges.ts`). */
  low: finiteNonNegative.optional(),
  high: finiteNonNegative.optional(),
  /** Range of `capacity` (t/yr). */
  capacityLow: finiteNonNegative.optional(),
  capacityHigh: finiteNonNegative.optional(),
});

export const CountryInfoSchema = z.strictObject({
  name: z.string(),
  region: z.string().optional(),
  /** World Governance Indicators average rescaled to 0..10 (10 = best governed). */
  governance: z.number().min(0).max(10).optional(),
});

/**
 * The price of one material (`scenario/value.ts`): a figure in USD per kg of the
 * material's rare-earth content (the graph's unit is t REO) with its source and year, or
 * `{ "from": "inputs" }`: worth the rare-earth content it is made of.
 */
export const PriceInfoSchema = z.union(
  [
    z.strictObject({
      value: z.number().positive('must be > 0').refine(Number.isFinite, 'must be finite'),
      unit: z.literal('USD/kg', { error: 'must be "USD/kg"' }),
      source: z.string().min(1, 'must name the source'),
      year: z.number().int('must be a whole year'),
      notes: z.string().optional(),
    }),
    z.strictObject({ from: z.literal('inputs'), source: z.string().min(1, 'must say why'), notes: z.string().optional() }),
  ],
  { error: 'must be { "value": number, "unit": "USD/kg", "source": string, "year": number } or { "from": "inputs", "source": string }' },
);

export const GraphAttributesSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  unit: z.string().optional(),
  year: z.number().int().optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  /** An ordered stage vocabulary, upstream first; the default chain when absent. */
  stages: z.array(z.string().min(1)).min(1).optional(),
  countries: z.record(z.string(), CountryInfoSchema).optional(),
  /**
   * Published total per stage (t/yr): the sum of the flows leaving the stage's nodes.
   * Uncertainty ensembles rescale sampled flows to it (`uncertainty/sample-graph.ts`).
   */
  stageTotals: z.record(z.string(), finiteNonNegative).optional(),
  /** Prices per material, for reading losses in value (`scenario/value.ts`, docs/format.md). */
  prices: z.record(z.string(), PriceInfoSchema).optional(),
});

export const SerializedNodeSchema = z.strictObject({
  key: z.union([z.string().min(1), z.number()], { error: typeError('a non-empty string') }).transform(String),
  attributes: z.unknown().optional(),
});

export const SerializedEdgeSchema = z.strictObject({
  key: z.union([z.string(), z.number()]).transform(String).optional(),
  source: z.union([z.string(), z.number()], { error: typeError('a node key') }).transform(String),
  target: z.union([z.string(), z.number()], { error: typeError('a node key') }).transform(String),
  attributes: z.unknown().optional(),
  undirected: z.literal(false, { error: 'undirected edges are not supported' }).optional(),
});

export const GraphOptionsSchema = z.looseObject({
  type: z.literal('directed', { error: 'graph type must be "directed"' }).optional(),
  multi: z.literal(false, { error: 'multigraphs are not supported (multi must be false)' }).optional(),
  allowSelfLoops: z.boolean().optional(),
});

/** The top level of a graph file. Node and edge attributes are checked one by one. */
export const SerializedGraphSchema = z.strictObject(
  {
  options: GraphOptionsSchema.optional(),
  attributes: z.unknown().optional(),
  nodes: z.array(z.unknown(), { error: typeError('an array of nodes') }),
  edges: z.array(z.unknown(), { error: 'must be an array of edges' }).default([]),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown top-level key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected options, attributes, nodes, edges)` : undefined) },
);

/**
 * Node and edge attributes as the analyses read them. The file format makes `stage`,
 * `country` and `flow` optional (a generic graph has none of them), but the types below
 * keep them present, because every piece of code that reads them is a supply-chain
 * analysis and runs only after `requireSupplyChain` (supply-chain.ts) has checked that
 * every node and edge has what it needs. Graph metrics (betweenness, PageRank, degree,
 * closeness, components, max flow) never read them. On a generic graph they are absent:
 * read them through `hasStage`/`hasCountry`/`hasFlow` (supply-chain.ts) where absence is
 * legitimate (reports, exports, `info`).
 */
export type NodeAttributes = z.output<typeof NodeAttributesSchema> & { stage: string; country: string };
export type EdgeAttributes = z.output<typeof EdgeAttributesSchema> & { flow: number };
export type GraphAttributes = z.output<typeof GraphAttributesSchema>;
export type Recipe = z.output<typeof RecipeSchema>;
export type CountryInfo = z.output<typeof CountryInfoSchema>;
export type PriceInfo = z.output<typeof PriceInfoSchema>;
export type NodeStatus = (typeof NODE_STATUSES)[number];
export type SerializedGraphInput = z.input<typeof SerializedGraphSchema>;
