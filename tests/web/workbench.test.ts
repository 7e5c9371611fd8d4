/** The page's pure parts added for the analyst's workbench (issue 16), on the mini fixture graph. */
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { compareResults } from '../../src/scenario/compare.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { endUseTable } from '../../src/scenario/result-tables.js';
import { aggregate, aggregateEffects, groupId } from '../../web/src/aggregate.js';
import { briefMarkdown, briefOf } from '../../web/src/brief.js';
import { fileStem, tableCsv } from '../../web/src/exports.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { nodeScenarioValues } from '../../web/src/node-scenario.js';
import { scenarioOf } from '../../web/src/scenario.js';
import * as s from '../../web/src/state.js';
import { queryToState, restrictionToText, stateToQuery, textToRestriction } from '../../web/src/url-state.js';
import { readableWarning } from '../../web/src/warnings.js';
import { handReport, MINI } from './helpers.js';

const graph = parseGraph(MINI, 'mini.json').graph;
const base = { ...s.INITIAL_STATE, graph: 'mini' };
const embargo: s.Restriction = { type: 'embargo', from: 'CN', to: ['DE'], materials: ['NdFeB magnets'], share: 0 };

describe('scenario builder state', () => {
  it('adds restrictions (dropping `from` from `to`), changes a cap share within 0..1, removes them', () => {
    let state = s.addRestriction(base, { ...embargo, to: ['DE', 'CN', 'DE'] });
    expect(state.restrictions).toEqual([embargo]);
    state = s.addRestriction(state, { type: 'cap', from: 'CN', to: [], materials: [], share: 0.5 });
    expect(s.setShare(state, 1, 1.7).restrictions[1]?.share).toBe(1);
    expect(s.setShare(state, 0, 0.3).restrictions[0]).toEqual(embargo);
    expect(s.removeRestriction(state, 0).restrictions).toHaveLength(1);
  });

  it('bounds the year: outside 2000..2100 or fractional is no year', () => {
    expect(s.setYear(base, -5).year).toBeNull();
    expect(s.setYear(base, 2200).year).toBeNull();
    expect(s.setYear(base, 2030.5).year).toBeNull();
    expect(s.setYear(base, 2030).year).toBe(2030);
    expect(queryToState('?year=2200').year).toBeNull();
  });

  it('reset clears the builder but keeps lens and comparison', () => {
    const busy = { ...base, restrictions: [embargo], plantsOff: ['cn-sep'], plantsOn: ['se-mine'], title: 't', lens: 'DE', compare: ['p'] };
    expect(s.reset(busy)).toMatchObject({ restrictions: [], plantsOff: [], plantsOn: [], title: '', lens: 'DE', compare: ['p'] });
    expect(s.scenarioChanged(busy, s.setLens(busy, 'DK'))).toBe(true);
    expect(s.scenarioChanged(busy, s.selectNode(busy, 'x'))).toBe(false);
  });
});

describe('url state of the builder', () => {
  it('round-trips restrictions, plants, title, lens, comparison, view and expanded groups', () => {
    const state: s.ViewState = {
      ...base,
      restrictions: [{ type: 'embargo', from: 'CN', to: ['US'], materials: ['Dy oxide', 'a,b:c'], share: 0 }, { type: 'cap', from: 'CN', to: [], materials: [], share: 0.25 }],
      plantsOff: ['cn-sep'],
      plantsOn: ['se-mine'],
      title: 'China embargoes the US',
      lens: 'US',
      compare: ['nordic', 'other'],
      view: 'aggregated',
      expanded: ['country:CN', 'stage:mining'],
    };
    expect(queryToState(stateToQuery(state))).toEqual(state);
  });

  it('drops restrictions that do not parse', () => {
    expect(textToRestriction('ban:CN::')).toBeNull();
    expect(textToRestriction('embargo:cn::')).toBeNull();
    expect(textToRestriction('cap:CN:::1.5')).toBeNull();
    expect(textToRestriction('cap:CN:::')).toBeNull();
    expect(textToRestriction(restrictionToText(embargo))).toEqual(embargo);
  });
});

describe('scenarioOf with the builder', () => {
  it('turns restrictions, plants and projects into actions the server-side parser accepts', () => {
    const state = { ...base, restrictions: [embargo, { type: 'cap' as const, from: 'CN', to: [], materials: [], share: 0.5 }], plantsOff: ['my-sep'], plantsOn: ['se-mine', 'se-sep'] };
    const scenario = scenarioOf(state, undefined);
    expect(scenario.actions).toEqual([
      { type: 'embargo', from: 'CN', to: ['DE'], materials: ['NdFeB magnets'] },
      { type: 'cap', from: 'CN', share: 0.5 },
      { type: 'disableNode', node: 'my-sep' },
      { type: 'activate', nodes: ['se-mine', 'se-sep'] },
    ]);
    expect(scenario.name).toBe('CN embargoes DE on NdFeB magnets + CN caps exports to all at 50% + 1 plant(s) offline + 2 project(s) online');
    expect(parseScenario(scenario, 'page', graph)).toEqual(scenario);
    expect(scenarioOf({ ...state, title: '  My title ' }, undefined).name).toBe('My title');
  });
});

describe('aggregate', () => {
  const report = handReport({ 'cn-sep': { knockoutLoss: 0.8, flowShare: 0.8 }, 'my-sep': { knockoutLoss: 0.1, flowShare: 0.2 } });

  it('draws one node per country and stage with flows summed, except expanded groups', () => {
    const agg = aggregate(MINI, report, []);
    // 11 nodes in 11 (country, stage) pairs except none shared: mini has one node per pair.
    expect(agg.graph.nodes).toHaveLength(11);
    const withTwo = { ...MINI, nodes: [...MINI.nodes, { key: 'cn-mine-2', attributes: { stage: 'mining', country: 'CN', label: 'Second mine' } }], edges: [...MINI.edges, { source: 'cn-mine-2', target: 'cn-sep', attributes: { flow: 20 } }] };
    const two = aggregate(withTwo, handReport(), []);
    const group = groupId('CN', 'mining');
    expect(two.members.get(group)).toEqual(['cn-mine', 'cn-mine-2']);
    const edge = two.graph.edges.find((e) => e.source === group && e.target === groupId('CN', 'separation'));
    expect(edge?.attributes.flow).toBe(200);
    expect(edge?.attributes.capacity).toBe(200);
    expect(edge?.attributes.material).toBe('mixed');
    const open = aggregate(withTwo, handReport(), ['country:CN']);
    expect(open.graph.nodes.some((n) => n.key === 'cn-mine-2')).toBe(true);
    expect(open.graph.nodes.some((n) => n.key === group)).toBe(false);
  });

  it('sums flow share and takes the largest knockout of a group; reads effects per group', () => {
    const withTwo = { ...MINI, nodes: MINI.nodes.map((n) => (n.key === 'my-sep' ? { ...n, attributes: { ...n.attributes, country: 'CN' } } : n)) };
    const agg = aggregate(withTwo, report, []);
    const sep = agg.report.nodes.find((n) => n.id === groupId('CN', 'separation'));
    expect(sep?.flowShare).toBeCloseTo(1, 12);
    expect(sep?.knockoutLoss).toBe(0.8);
    const effects = aggregateEffects({ disabledNodes: ['cn-sep'], activatedNodes: [], cutEdges: ['cn-magnet->ev'] }, agg);
    expect(effects.disabledNodes).toEqual([]);
    expect(effects.cutEdges).toContain(`${groupId('CN', 'magnet')}->${groupId('DE', 'end-use')}`);
  });
});

describe('node values under a scenario', () => {
  it('gives throughput before and after, and a sink delivery under both bounds', () => {
    const result = evaluateScenario(graph, { name: 'e', actions: [{ type: 'embargo', from: 'CN', to: ['DE'] }] });
    const ev = nodeScenarioValues(MINI, 'ev', result);
    // ev: 120 from cn-magnet (cut) + 50 from jp-magnet.
    expect(ev.throughputBefore).toBe(170);
    expect(ev.throughputAfter).toBeCloseTo(50, 9);
    expect(ev.sink?.proportional[1]).toBeCloseTo(50, 9);
    expect(ev.cutEdges).toBe(1);
    expect(nodeScenarioValues(MINI, 'ev', null).throughputAfter).toBeNull();
  });

  it('reads the baseline knockout loss of a node in the answer\'s top list, equal to the metrics report\'s (no knockout request needed)', () => {
    const result = evaluateScenario(graph, { name: 'none', actions: [] });
    const knockout = computeMetrics(graph, { metrics: ['knockoutLoss'] });
    const top = result.bottlenecks.before[0];
    expect(top).toBeDefined();
    const v = nodeScenarioValues(MINI, top?.node ?? '', result);
    expect(v.knockoutBefore).toBeCloseTo(knockout.nodes.find((n) => n.id === top?.node)?.knockoutLoss ?? NaN, 12);
    expect(nodeScenarioValues(MINI, top?.node ?? '', null).knockoutBefore).toBeNull();
  });
});

describe('take-aways', () => {
  const a = evaluateScenario(graph, { name: 'CN embargoes DE', actions: [{ type: 'embargo', from: 'CN', to: ['DE'] }] }, { country: 'DE' });
  const b = evaluateScenario(graph, { name: 'none', actions: [] }, { country: 'DE' });

  it('writes results CSV with quoting', () => {
    const csv = tableCsv(endUseTable(a));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('scope,end_use,proportional_baseline,proportional_scenario,proportional_loss,allocation_baseline,allocation_scenario,allocation_loss,maxFlow_baseline,maxFlow_scenario,maxFlow_loss');
    expect(lines[1]?.startsWith('DE,total,170,')).toBe(true);
    expect(tableCsv({ header: ['a'], rows: [['x, "y"']] })).toBe('a\r\n"x, ""y"""\r\n');
    expect(tableCsv({ header: ['a', 'b'], rows: [['=HYPERLINK(1)', -0.25]] })).toBe("a,b\r\n'=HYPERLINK(1),-0.25\r\n");
    expect(fileStem('China embargoes the US: Dy, Tb!')).toBe('china-embargoes-the-us-dy-tb');
    expect(fileStem('***')).toBe('scenario');
  });

  it('writes a brief with the headline under both bounds, the comparison, caveats, sources and the date', () => {
    const doc = briefOf({ title: 'CN embargoes DE', result: a, comparison: compareResults([a, b]), graph: { name: 'Mini', year: 2024, source: 'hand-made' }, lensName: 'Germany', date: new Date('2026-11-30T12:00:00Z') });
    const md = briefMarkdown(doc);
    expect(md.startsWith('# CN embargoes DE\n\n_Mini · end uses in Germany · 2026-11-30_')).toBe(true);
    // 120 of 170 t lost under all three bounds.
    expect(md).toContain('falls by 70.6% if no buyer can switch suppliers (proportional bound) and by 70.6% with perfect rerouting');
    expect(md).toContain('by 70.6% with rerouting where every plant keeps its recipe (allocation bound)');
    expect(md).toContain('## Compared with');
    expect(md).toContain('| end use | 1 no rerouting | 1 recipes | 1 rerouting | 2 no rerouting | 2 recipes | 2 rerouting | 2 − 1, no rerouting |');
    expect(md).toContain('| EV motors | 70.6% | 70.6% | 70.6% | 0.0% | 0.0% | 0.0% | −70.6 pt |');
    expect(md).toContain('## Caveats');
    expect(md).toContain('Graph: Mini. hand-made');
  });

  it('names nodes in warnings by label', () => {
    const labels = new Map([['se-mine', 'Norra Karr'], ['x', 'x']]);
    expect(readableWarning('activated but left out (nothing feeds them): se-mine, x', labels)).toBe('activated but left out (nothing feeds them): Norra Karr (se-mine), x');
  });
});
