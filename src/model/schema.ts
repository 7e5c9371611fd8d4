/**
 * The graph file format: graphology's serialization JSON with chokepoint's attributes.
 * These zod schemas are the one definition of the format: they validate files and give
 * the TypeScript types. Cross-element rules (unknown endpoints, duplicates, stage
 * vocabulary, country codes) live in `parse-graph.ts`.
 */
import { z } from 'zod';

const finiteNonNegative = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, 'must be a finite number')
  .refine((v) => v >= 0, 'must be >= 0');

export const NODE_STATUSES = ['operating', 'construction', 'planned', 'prospective'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;

export const NodeAttributesSchema = z.looseObject({
  label: z.string().optional(),
  stage: z.string({ error: 'stage is required and must be a string' }).min(1),
  country: z.string({ error: 'country is required and must be a string' }),
  /** The most the node can pass, t/yr. */
  capacity: finiteNonNegative.optional(),
  status: z.enum(NODE_STATUSES).default('operating'),
  startYear: z.number().int('must be a whole year').optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
});

export const EdgeAttributesSchema = z.looseObject({
  /** Observed flow, t/yr. */
  flow: finiteNonNegative,
  /** The most the edge can carry, t/yr; analyses use `flow` when absent. */
  capacity: finiteNonNegative.optional(),
  material: z.string().optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
});

export const CountryInfoSchema = z.strictObject({
  name: z.string(),
  region: z.string().optional(),
  /** World Governance Indicators average rescaled to 0..10 (10 = best governed). */
  governance: z.number().min(0).max(10).optional(),
});

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
});

export const SerializedNodeSchema = z.strictObject({
  key: z.union([z.string().min(1), z.number()]).transform(String),
  attributes: z.unknown().optional(),
});

export const SerializedEdgeSchema = z.strictObject({
  key: z.union([z.string(), z.number()]).transform(String).optional(),
  source: z.union([z.string(), z.number()]).transform(String),
  target: z.union([z.string(), z.number()]).transform(String),
  attributes: z.unknown().optional(),
  undirected: z.literal(false).optional(),
});

export const GraphOptionsSchema = z.looseObject({
  type: z.literal('directed', { error: 'graph type must be "directed"' }).optional(),
  multi: z.literal(false, { error: 'multigraphs are not supported (multi must be false)' }).optional(),
  allowSelfLoops: z.boolean().optional(),
});

/** The top level of a graph file. Node and edge attributes are checked one by one. */
export const SerializedGraphSchema = z.strictObject({
  options: GraphOptionsSchema.optional(),
  attributes: z.unknown().optional(),
  nodes: z.array(z.unknown(), { error: 'nodes must be an array' }),
  edges: z.array(z.unknown(), { error: 'edges must be an array' }).default([]),
});

export type NodeAttributes = z.output<typeof NodeAttributesSchema>;
export type EdgeAttributes = z.output<typeof EdgeAttributesSchema>;
export type GraphAttributes = z.output<typeof GraphAttributesSchema>;
export type CountryInfo = z.output<typeof CountryInfoSchema>;
export type NodeStatus = (typeof NODE_STATUSES)[number];
export type SerializedGraphInput = z.input<typeof SerializedGraphSchema>;
