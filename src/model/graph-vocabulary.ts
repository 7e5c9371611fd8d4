/**
 * The graph-level part of graph loading (graph-loader.ts): the graph's attributes checked
 * (schema, reserved names, stage list, stage totals, country codes), and the vocabulary
 * they give (the stages) that each node's stage and country are checked against.
 * Pure: no I/O.
 */
import { isCountryCode } from './countries.js';
import type { ProblemList } from './errors.js';
import { addIssues, check, checkReservedNames, isPlainObject } from './load-messages.js';
import { isReservedKey, reservedMessage } from './reserved-names.js';
import { GraphAttributesSchema, type GraphAttributes } from './schema.js';
import { stagesOf } from './stages.js';

/** The stages a graph's nodes may have (its own list, or the default). */
export interface Vocabulary {
  stages: readonly string[];
  stageSet: ReadonlySet<string>;
}

/** The vocabulary of graph attributes already accepted (`{}`: the default stages). */
export function vocabularyOf(attributes: GraphAttributes): Vocabulary {
  const stages = stagesOf(attributes);
  return { stages, stageSet: new Set(stages) };
}

/** Checks the top-level `attributes` value (absent: `{}`), adding problems under "graph attributes"; the accepted attributes (`{}` when refused) and their vocabulary. */
export function checkGraphAttributes(problems: ProblemList, raw: unknown): { attributes: GraphAttributes; vocabulary: Vocabulary } {
  checkReservedNames(problems, 'graph attributes', raw, 'attribute');
  if (isPlainObject(raw)) checkReservedNames(problems, 'graph attributes', raw.countries, 'countries: country code');
  const result = check(GraphAttributesSchema, raw ?? {});
  let attributes: GraphAttributes = {};
  if (result.success) attributes = result.data;
  else addIssues(problems, 'graph attributes', result.error);
  const vocabulary = vocabularyOf(attributes);
  const { stages, stageSet } = vocabulary;
  if (stageSet.size !== stages.length) problems.add('graph attributes', 'stages: the stage list has duplicates');
  for (const stage of stages.filter(isReservedKey)) problems.add('graph attributes', `stages: ${reservedMessage('stage', stage)}`);
  for (const stage of Object.keys(attributes.stageTotals ?? {})) {
    if (!stageSet.has(stage)) problems.add('graph attributes', `stageTotals: unknown stage "${stage}" (expected one of ${stages.join(', ')})`);
  }
  for (const code of Object.keys(attributes.countries ?? {})) {
    if (!isCountryCode(code)) problems.add('graph attributes', `countries: "${code}" is not an ISO 3166-1 alpha-2 code`);
  }
  return { attributes, vocabulary };
}

/** The node's stage and country against the graph's vocabulary (attributes already shaped or not). */
export function checkVocabulary(problems: ProblemList, vocabulary: Vocabulary, element: string, attributes: unknown): void {
  const { stage, country } = isPlainObject(attributes) ? attributes : {};
  if (typeof stage === 'string' && stage !== '' && !vocabulary.stageSet.has(stage)) {
    problems.add(element, `unknown stage "${stage}" (expected one of ${vocabulary.stages.join(', ')})`);
  }
  if (typeof country === 'string' && !isCountryCode(country)) {
    problems.add(element, `country "${country}" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")`);
  }
}
