/**
 * The scenario file format: a name, a description and a list of actions that change the
 * supply graph (docs/scenarios.md). These zod schemas are the one definition of the
 * format: they validate files and give the TypeScript types. Rules that need the graph
 * (unknown countries, nodes and materials) live in `parse-scenario.ts`.
 *
 * Every object is strict: an unknown field, such as a misspelt `materails`, is an error.
 */
import { z } from 'zod';

const countryCode = z.string({ error: 'must be a country code string' }).regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code such as "CN"');
const nodeKey = z.string({ error: 'must be a node key string' }).min(1, 'must not be empty');
const material = z.string({ error: 'must be a material string' }).min(1, 'must not be empty');
const countryList = z.array(countryCode, { error: 'must be an array of country codes' }).min(1, 'must list at least one country');
const materialList = z.array(material, { error: 'must be an array of materials' }).min(1, 'must list at least one material');
/** Which export edges of `from` an embargo or a cap applies to (all of them when absent). */
const exportFilters = { to: countryList.optional(), materials: materialList.optional() };

/**
 * When an action is in force, for the monthly model (`src/timeline/`): a month number
 * (1-based) or an ISO month `YYYY-MM`, mapped to a month number by the run's start month
 * (`--start`). Both bounds are inclusive; absent, the whole horizon. The annual model
 * (`scenario`, `sweep`) is a steady state and ignores them.
 */
export const MonthSchema = z.union(
  [
    z.number({ error: 'must be a month number' }).int('must be a whole month number').min(1, 'must be >= 1 (months count from 1)'),
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be an ISO month "YYYY-MM" such as "2025-04"'),
  ],
  { error: 'must be a month number (1, 2, ...) or an ISO month "YYYY-MM"' },
);
const window = { start: MonthSchema.optional(), end: MonthSchema.optional() };

/**
 * An uncertain action value: `{ "low": 0.4, "high": 0.9 }`. Uncertainty ensembles draw it
 * uniformly from [low, high]; a single evaluation uses its midpoint (`pointValue`).
 */
function rangeOf(value: z.ZodType<number>) {
  return z
    .strictObject({ low: value, high: value })
    .refine((r) => r.low <= r.high, { message: 'low must be <= high' });
}

/** A number, or a range of numbers (see rangeOf). A value that is neither reads "must be a number". */
function numberOrRange(value: z.ZodType<number>) {
  return z.union([value, rangeOf(value)], {
    error: (issue) => (typeof issue.input === 'object' && issue.input !== null ? 'must be a number or a range { "low": number, "high": number }' : 'must be a number'),
  });
}

export interface ValueRange {
  low: number;
  high: number;
}

/** The value a single (point) evaluation uses: the number, or the midpoint of a range. */
export function pointValue(value: number | ValueRange): number {
  return typeof value === 'number' ? value : value.low === value.high ? value.low : (value.low + value.high) / 2;
}

/** All of the country's nodes go offline. */
export const DisableCountrySchema = z.strictObject({
  type: z.literal('disableCountry'),
  ...window,
  country: countryCode,
});

/**
 * Cuts the edges from `from`'s nodes to nodes of other countries; with `to`, only to those
 * countries; with `materials`, only edges carrying those materials. Domestic flows go on.
 */
export const EmbargoSchema = z
  .strictObject({
    type: z.literal('embargo'),
    ...window,
    from: countryCode,
    ...exportFilters,
    /**
     * Rule of origin: also cut the exports of third countries (to `to` when given, with
     * the `materials` filter) in proportion to their `from` content (the share of their
     * supply that passed through a node of `from`, `metrics/flow/origin.ts`).
     */
    origin: z.boolean({ error: 'must be true or false' }).optional(),
    /**
     * With `origin`: a third-country edge whose `from` content is at least this share is
     * cut entirely, one below it not at all (the October 2025 0.1% rule: 0.001).
     */
    originThreshold: z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(1, 'must be <= 1').optional(),
  })
  .refine((a) => a.originThreshold === undefined || a.origin === true, { message: 'originThreshold needs "origin": true', path: ['originThreshold'] });

/**
 * Limits the same export edges as an embargo (same filters) to `share` of their baseline
 * flow: an export quota. `share` may be a range (a licence-denial rate between 40% and 90%).
 */
export const CapSchema = z.strictObject({
  type: z.literal('cap'),
  ...window,
  from: countryCode,
  share: numberOrRange(z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(1, 'must be <= 1')),
  ...exportFilters,
});

/** One node goes offline. */
export const DisableNodeSchema = z.strictObject({
  type: z.literal('disableNode'),
  ...window,
  node: nodeKey,
});

/**
 * Largest scale factor, and largest product of the factors applied to one node: a million
 * times a plant's capacity is already no plant; beyond, capacities would overflow to
 * Infinity (1e308 x 1e308) and then to NaN (x 0).
 */
export const MAX_SCALE_FACTOR = 1e6;

/** A node's capacity is scaled by `factor` (0 = offline, 0.5 = half, 2 = doubled), at most MAX_SCALE_FACTOR; `factor` may be a range. */
export const ScaleNodeSchema = z.strictObject({
  type: z.literal('scaleNode'),
  ...window,
  node: nodeKey,
  factor: numberOrRange(
    z
      .number({ error: 'must be a number' })
    .refine(Number.isFinite, 'must be a finite number')
    .refine((v) => v >= 0, 'must be >= 0')
      .refine((v) => v <= MAX_SCALE_FACTOR, `must be at most ${MAX_SCALE_FACTOR.toExponential()} (a million times the capacity)`),
  ),
});

/**
 * Non-operating nodes come online: those with `startYear` <= `year`, or the listed
 * `nodes`. Exactly one of the two.
 */
export const ActivateSchema = z
  .strictObject({
    type: z.literal('activate'),
    ...window,
    year: z.number({ error: 'must be a number' }).int('must be a whole year').optional(),
    nodes: z.array(nodeKey, { error: 'must be an array of node keys' }).min(1, 'must list at least one node').optional(),
  })
  .refine((a) => (a.year === undefined) !== (a.nodes === undefined), { message: 'give exactly one of "year" and "nodes"' });

/** A month bound as written: a month number or an ISO month. */
export type MonthBound = z.output<typeof MonthSchema>;

export const ACTION_SCHEMAS = {
  disableCountry: DisableCountrySchema,
  embargo: EmbargoSchema,
  cap: CapSchema,
  disableNode: DisableNodeSchema,
  scaleNode: ScaleNodeSchema,
  activate: ActivateSchema,
} as const;

export type ActionType = keyof typeof ACTION_SCHEMAS;
export const ACTION_TYPES = Object.keys(ACTION_SCHEMAS) as ActionType[];

export const ScenarioActionSchema = z.union([DisableCountrySchema, EmbargoSchema, CapSchema, DisableNodeSchema, ScaleNodeSchema, ActivateSchema]);

export const ScenarioSchema = z.strictObject({
  name: z.string({ error: 'name is required and must be a string' }).min(1, 'must not be empty'),
  description: z.string({ error: 'must be a string' }).optional(),
  /** When the modelled event starts, "YYYY-MM" (documentation; the annual model ignores it). */
  date: z
    .string({ error: 'must be a "YYYY-MM" string' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month "YYYY-MM" such as "2025-04"')
    .optional(),
  actions: z.array(ScenarioActionSchema, { error: 'actions must be an array' }),
  /**
   * Demand response for the monthly model (`src/timeline/thrifting.ts`): per end use
   * (`sector`), the share of demand removable per year after its shortage starts, with
   * the `source` of the figure. Off when absent; the annual model ignores it.
   */
  thrifting: z
    .array(
      z.strictObject({
        sector: z.string({ error: 'must be an end use (sector) string' }).min(1, 'must not be empty'),
        share: z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(1, 'must be <= 1'),
        source: z.string({ error: 'must be a string citing where the share comes from' }).min(1, 'must not be empty').optional(),
      }),
      { error: 'must be an array of { "sector", "share", "source" }' },
    )
    .optional(),
});

export type DisableCountryAction = z.output<typeof DisableCountrySchema>;
export type EmbargoAction = z.output<typeof EmbargoSchema>;
export type CapAction = z.output<typeof CapSchema>;
export type DisableNodeAction = z.output<typeof DisableNodeSchema>;
export type ScaleNodeAction = z.output<typeof ScaleNodeSchema>;
export type ActivateAction = z.output<typeof ActivateSchema>;
export type ScenarioAction = z.output<typeof ScenarioActionSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
