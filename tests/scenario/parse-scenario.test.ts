import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { build, chain } from './graphs.js';
import { inputProblems } from '../helpers/problems.js';

const problemsOf = (data: unknown, graph = chain()) => inputProblems(() => parseScenario(data, 's.json', graph), 's.json');

const scenario = (...actions: unknown[]) => ({ name: 'test', actions });

describe('parseScenario', () => {
  it('accepts every action type', () => {
    const graph = build(
      [
        ['m1', 'mining', 'CN'],
        ['p', 'mining', 'GL', { status: 'planned', startYear: 2029 }],
        ['e', 'end-use', 'US'],
      ],
      [
        ['m1', 'e', 5, { material: 'NdPr oxide' }],
        ['p', 'e', 0, { capacity: 3 }],
      ],
    );
    const parsed = parseScenario(
      {
        name: 'all',
        description: 'every action',
        actions: [
          { type: 'disableCountry', country: 'CN' },
          { type: 'embargo', from: 'CN', to: ['US'], materials: ['NdPr oxide'] },
          { type: 'embargo', from: 'CN' },
          { type: 'cap', from: 'CN', share: 0.5 },
          { type: 'disableNode', node: 'm1' },
          { type: 'scaleNode', node: 'm1', factor: 2 },
          { type: 'activate', year: 2030 },
          { type: 'activate', nodes: ['p'] },
        ],
      },
      's.json',
      graph,
    );
    expect(parsed.name).toBe('all');
    expect(parsed.actions).toHaveLength(8);
    expect(parsed.actions[1]).toEqual({ type: 'embargo', from: 'CN', to: ['US'], materials: ['NdPr oxide'] });
  });

  it('accepts an empty action list (the baseline)', () => {
    expect(parseScenario(scenario(), 's.json', chain()).actions).toEqual([]);
  });

  it('rejects a top level that is not an object', () => {
    expect(problemsOf([1])).toEqual(['scenario: the top level must be a JSON object with "name" and "actions" (got an array)']);
    expect(problemsOf('x')).toEqual(['scenario: the top level must be a JSON object with "name" and "actions" (got "x")']);
  });

  it('rejects a missing name, unknown top-level fields and a non-array actions', () => {
    expect(problemsOf({ actions: [], nmae: 'x' })).toEqual(['scenario: name: name is required and must be a string (got nothing)', 'scenario: Unrecognized key: "nmae"']);
    expect(problemsOf({ name: 'x', actions: {} })).toEqual(['scenario: actions: must be an array of actions (got {})']);
    expect(problemsOf({ name: 'x' })).toEqual(['scenario: actions: must be an array of actions (got nothing)']);
  });

  it('rejects unknown and missing action types', () => {
    expect(problemsOf(scenario({ type: 'ban', from: 'CN' }, { from: 'CN' }, 3))).toEqual([
      'action 0: type: unknown action type "ban" (expected one of disableCountry, embargo, cap, disableNode, scaleNode, activate)',
      'action 1: type: missing (expected one of disableCountry, embargo, cap, disableNode, scaleNode, activate)',
      'action 2: must be an object with a "type" (got 3)',
    ]);
  });

  it('rejects unknown fields and bad values, naming the action', () => {
    expect(
      problemsOf(
        scenario(
          { type: 'embargo', from: 'CN', materails: ['NdPr oxide'] },
          { type: 'cap', from: 'CN', share: 1.5 },
          { type: 'cap', from: 'cn' },
          { type: 'scaleNode', node: 's1', factor: -1 },
          { type: 'activate', year: 2030.5 },
          { type: 'activate', year: 2030, nodes: ['m1'] },
          { type: 'activate' },
          { type: 'embargo', from: 'CN', to: [] },
          { type: 'disableNode', node: '' },
        ),
      ),
    ).toEqual([
      'action 0 (embargo): Unrecognized key: "materails"',
      'action 1 (cap): share: must be <= 1 (got 1.5)',
      'action 2 (cap): from: must be an upper-case ISO 3166-1 alpha-2 code such as "CN" (got "cn")',
      'action 2 (cap): share: must be a number (got nothing)',
      'action 3 (scaleNode): factor: must be >= 0',
      'action 4 (activate): year: must be a whole year (got 2030.5)',
      'action 5 (activate): give exactly one of "year" and "nodes"',
      'action 6 (activate): give exactly one of "year" and "nodes"',
      'action 7 (embargo): to: must list at least one country (got [])',
      'action 8 (disableNode): node: must not be empty (got "")',
    ]);
  });

  it('rejects countries, nodes and materials the graph does not have', () => {
    expect(
      problemsOf(
        scenario(
          { type: 'disableCountry', country: 'DE' },
          { type: 'embargo', from: 'CN', to: ['FR', 'JP'], materials: ['Sc oxide', 'NdPr oxide'] },
          { type: 'cap', from: 'KR', share: 0.5, to: ['CN'] },
          { type: 'disableNode', node: 'nope' },
          { type: 'scaleNode', node: 'nope', factor: 1 },
          { type: 'activate', nodes: ['s1', 'gone'] },
        ),
      ),
    ).toEqual([
      'action 0 (disableCountry): country: unknown country "DE" (no node of the graph is in it)',
      'action 1 (embargo): to: unknown country "FR" (no node of the graph is in it)',
      'action 1 (embargo): materials: unknown material "Sc oxide" (no edge carries it)',
      'action 2 (cap): from: unknown country "KR" (no node of the graph is in it)',
      'action 3 (disableNode): node: unknown node "nope"',
      'action 4 (scaleNode): node: unknown node "nope"',
      'action 5 (activate): nodes: node "s1" is already operating',
      'action 5 (activate): nodes: unknown node "gone"',
    ]);
  });

  it('rejects an embargo or cap that lists its own country as a destination', () => {
    expect(problemsOf(scenario({ type: 'embargo', from: 'CN', to: ['CN', 'JP'] }))).toEqual([
      'action 0 (embargo): to: lists "CN", the exporting country itself (domestic flows are never cut)',
    ]);
  });

  it('reports problems of the top level and of the actions together, up to the limit', () => {
    const many = Array.from({ length: 60 }, () => ({ type: 'disableNode', node: 'nope' }));
    try {
      parseScenario({ actions: many }, 's.json', chain());
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const e = error as InputError;
      expect(e.total).toBe(61);
      expect(e.problems).toHaveLength(50);
      expect(e.message).toContain('s.json: ... and 11 more problems');
    }
  });
});

describe('parseScenario: action windows (start/end, for the monthly model)', () => {
  it('accepts month numbers and ISO months', () => {
    const s = parseScenario(scenario({ type: 'disableNode', node: 'm1', start: 2, end: 4 }, { type: 'embargo', from: 'CN', start: '2025-04', end: '2025-07' }, { type: 'cap', from: 'CN', share: 0.5, start: 3 }), 's.json', chain());
    expect(s.actions.map((a) => [a.start, a.end])).toEqual([
      [2, 4],
      ['2025-04', '2025-07'],
      [3, undefined],
    ]);
  });

  it('rejects bad months and an end before the start', () => {
    expect(problemsOf(scenario({ type: 'disableNode', node: 'm1', start: 0 }, { type: 'disableNode', node: 'm1', start: '2025-13' }, { type: 'disableNode', node: 'm1', start: 5, end: 2 }, { type: 'disableNode', node: 'm1', start: '2025-06', end: '2025-04' }))).toEqual([
      'action 0 (disableNode): start: must be >= 1 (months count from 1) (got 0)',
      'action 1 (disableNode): start: must be an ISO month "YYYY-MM" such as "2025-04" (got "2025-13")',
      'action 2 (disableNode): end: 2 is before start 5',
      'action 3 (disableNode): end: "2025-04" is before start "2025-06"',
    ]);
  });
});
