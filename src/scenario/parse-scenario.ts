/**
 * Validates parsed scenario JSON against the scenario schema and against the graph it will
 * be applied to. Every problem found is reported (up to a limit) in one InputError naming
 * the file; each problem names the action by its index in `actions` (from 0) and type.
 *
 * Graph checks: a country must own at least one node of the graph (any status); a node
 * key must exist; a material must be carried by at least one edge; an embargo or cap may
 * not list its own country in `to` (domestic flows are never cut); `activate.nodes` must
 * name nodes that are not already operating; an action's `end` may not come before its
 * `start` (when both are month numbers or both ISO months). Pure: no I/O.
 */
import type { z } from 'zod';
import { ProblemList } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { describeValue } from '../model/parse-graph.js';
import { ACTION_SCHEMAS, ACTION_TYPES, MAX_SCALE_FACTOR, ScenarioSchema, type Scenario, type ScenarioAction } from './schema.js';

export interface ParseScenarioOptions {
  /** Most problems listed before the rest are only counted. */
  maxProblems?: number;
  /** Most actions a scenario may have (default MAX_ACTIONS); more is refused before any is checked. */
  maxActions?: number;
}

/**
 * Default of `maxActions`. Each action costs a pass over the graph and a line (with its
 * edges) in the result, so an unbounded list is an amplification: 169,117 copies of one
 * embargo made a 165 MB answer. Real scenarios have a handful (the presets: 1 to 7).
 */
export const MAX_ACTIONS = 1000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addIssues(problems: ProblemList, element: string, error: z.ZodError): void {
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const got = 'input' in issue && issue.code !== 'unrecognized_keys' && issue.code !== 'custom' ? ` (got ${describeValue(issue.input)})` : '';
    problems.add(element, `${field ? `${field}: ` : ''}${issue.message}${got}`);
  }
}

/** The element name used in messages for action `index`. */
export function actionElement(index: number, type: string): string {
  return `action ${index} (${type})`;
}

/** What the graph offers for scenarios to name: countries, node keys and statuses, materials. */
interface GraphVocabulary {
  countries: Set<string>;
  materials: Set<string>;
}

function vocabularyOf(graph: SupplyGraph): GraphVocabulary {
  const countries = new Set<string>();
  const materials = new Set<string>();
  graph.forEachNode((_node, a) => countries.add(a.country));
  graph.forEachEdge((_edge, a) => {
    if (a.material !== undefined) materials.add(a.material);
  });
  return { countries, materials };
}

function checkAgainstGraph(action: ScenarioAction, element: string, graph: SupplyGraph, vocabulary: GraphVocabulary, problems: ProblemList): void {
  const country = (field: string, code: string) => {
    if (!vocabulary.countries.has(code)) problems.add(element, `${field}: unknown country "${code}" (no node of the graph is in it)`);
  };
  const node = (field: string, key: string) => {
    if (!graph.hasNode(key)) problems.add(element, `${field}: unknown node "${key}"`);
  };
  const { start, end } = action;
  if (start !== undefined && end !== undefined && typeof start === typeof end && start > end) {
    problems.add(element, `end: ${JSON.stringify(end)} is before start ${JSON.stringify(start)}`);
  }
  switch (action.type) {
    case 'disableCountry':
      country('country', action.country);
      break;
    case 'embargo':
    case 'cap':
      country('from', action.from);
      for (const code of action.to ?? []) {
        if (code === action.from) problems.add(element, `to: lists "${code}", the exporting country itself (domestic flows are never cut)`);
        else country('to', code);
      }
      for (const m of action.materials ?? []) {
        if (!vocabulary.materials.has(m)) problems.add(element, `materials: unknown material "${m}" (no edge carries it)`);
      }
      break;
    case 'disableNode':
    case 'scaleNode':
      node('node', action.node);
      break;
    case 'activate':
      for (const key of action.nodes ?? []) {
        if (!graph.hasNode(key)) node('nodes', key);
        else if (graph.getNodeAttribute(key, 'status') === 'operating') problems.add(element, `nodes: node "${key}" is already operating`);
      }
      break;
  }
}

/**
 * Validates `data` (a parsed scenario file) against the schema and `graph`, and returns
 * the scenario. Throws InputError naming `file` and listing every problem found.
 */
export function parseScenario(data: unknown, file: string, graph: SupplyGraph, options: ParseScenarioOptions = {}): Scenario {
  const problems = new ProblemList(options.maxProblems ?? 50);
  if (!isPlainObject(data)) {
    problems.add('scenario', `the top level must be a JSON object with "name" and "actions" (got ${Array.isArray(data) ? 'an array' : describeValue(data)})`);
    problems.throwIfAny(file);
  }
  const record = data as Record<string, unknown>;
  // The top level without the actions first, so that action problems are reported per action.
  const top = ScenarioSchema.safeParse({ ...record, actions: [] }, { reportInput: true });
  if (!top.success) addIssues(problems, 'scenario', top.error);
  const rawActions = record.actions;
  if (!Array.isArray(rawActions)) {
    problems.add('scenario', `actions: must be an array of actions (got ${describeValue(rawActions)})`);
    problems.throwIfAny(file);
    throw new Error('unreachable');
  }

  const maxActions = options.maxActions ?? MAX_ACTIONS;
  if (rawActions.length > maxActions) {
    problems.add('scenario', `actions: ${rawActions.length} actions; a scenario may have at most ${maxActions}`);
    problems.throwIfAny(file);
  }

  const vocabulary = vocabularyOf(graph);
  const actions: ScenarioAction[] = [];
  /** Product of the scale factors given so far, per node. */
  const scales = new Map<string, number>();
  rawActions.forEach((raw, index) => {
    const type = isPlainObject(raw) ? raw.type : undefined;
    if (typeof type !== 'string' || !(ACTION_TYPES as string[]).includes(type)) {
      const element = `action ${index}`;
      if (!isPlainObject(raw)) problems.add(element, `must be an object with a "type" (got ${describeValue(raw)})`);
      else if (type === undefined) problems.add(element, `type: missing (expected one of ${ACTION_TYPES.join(', ')})`);
      else problems.add(element, `type: unknown action type ${describeValue(type)} (expected one of ${ACTION_TYPES.join(', ')})`);
      return;
    }
    const element = actionElement(index, type);
    const parsed = ACTION_SCHEMAS[type as keyof typeof ACTION_SCHEMAS].safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      addIssues(problems, element, parsed.error);
      return;
    }
    checkAgainstGraph(parsed.data, element, graph, vocabulary, problems);
    if (parsed.data.type === 'scaleNode') {
      const product = (scales.get(parsed.data.node) ?? 1) * parsed.data.factor;
      scales.set(parsed.data.node, product);
      if (product > MAX_SCALE_FACTOR) problems.add(element, `factor: the scale factors of node "${parsed.data.node}" multiply to ${product.toExponential(2)}, more than ${MAX_SCALE_FACTOR.toExponential()}`);
    }
    actions.push(parsed.data);
  });
  problems.throwIfAny(file);
  if (!top.success) throw new Error('unreachable');
  return { ...top.data, actions };
}
