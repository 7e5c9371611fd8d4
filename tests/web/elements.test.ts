import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { DEFAULT_STAGES } from '../../src/model/stages.js';
import { buildElements, edgeWidth, shortLabel, FLAT_SIZE, MAX_EXTRA_SIZE, MIN_SIZE, nodeSize, topBottlenecks, type ElementInput } from '../../web/src/elements.js';
import { countryColors } from '../../web/src/palette.js';
import { handReport, MINI } from './helpers.js';

const report = handReport({
  'cn-sep': { knockoutLoss: 0.8, betweenness: 0.3, flowShare: 0.8, minCut: true },
  'cn-magnet': { knockoutLoss: 0.6, betweenness: 0.2, flowShare: 0.7 },
  'jp-magnet': { knockoutLoss: 0.2, betweenness: 0.1, flowShare: 0.3 },
  'au-mine': { knockoutLoss: 0.05 },
});
const input: ElementInput = { graph: MINI, report, stages: DEFAULT_STAGES, colors: countryColors(['CN', 'AU', 'US', 'SE', 'MY', 'JP', 'DE', 'DK']), metric: 'knockoutLoss' };

function byId(elements: ElementDefinition[]): Map<string, ElementDefinition> {
  return new Map(elements.map((e) => [String(e.data.id), e]));
}

describe('buildElements', () => {
  it('makes one element per node and edge, with edge ids as in the report', () => {
    const elements = buildElements(input);
    expect(elements.filter((e) => e.group === 'nodes' && !e.classes?.includes('stage-header'))).toHaveLength(MINI.nodes.length);
    expect(elements.filter((e) => e.group === 'edges').map((e) => e.data.id)).toEqual(report.edges.map((e) => e.id));
  });

  it('places stages as columns from mining (left) to end use (right)', () => {
    const m = byId(buildElements(input));
    const x = (id: string) => m.get(id)?.position?.x ?? NaN;
    expect(x('cn-mine')).toBeLessThan(x('cn-sep'));
    expect(x('cn-sep')).toBeLessThan(x('cn-magnet'));
    expect(x('cn-magnet')).toBeLessThan(x('ev'));
    expect(x('au-mine')).toBe(x('cn-mine'));
  });

  it('names the stages in use above their columns, in stage order', () => {
    const elements = buildElements(input);
    const headers = elements.filter((e) => e.classes?.includes('stage-header'));
    expect(headers.map((e) => e.data.label)).toEqual(['mining', 'separation', 'magnet', 'end-use']);
    const m = byId(elements);
    expect(headers[2]?.position?.x).toBe(m.get('cn-magnet')?.position?.x);
    const topNode = Math.min(...elements.filter((e) => e.group === 'nodes' && !e.classes?.includes('stage-header')).map((e) => e.position?.y ?? 0));
    expect(headers.every((h) => (h.position?.y ?? 0) < topNode)).toBe(true);
  });

  it('sizes nodes by the selected metric and colours them by country', () => {
    const m = byId(buildElements(input));
    expect(m.get('cn-sep')?.data.size).toBeCloseTo(MIN_SIZE + MAX_EXTRA_SIZE, 9);
    expect(m.get('ev')?.data.size).toBe(MIN_SIZE);
    expect(m.get('jp-magnet')?.data.size).toBeCloseTo(MIN_SIZE + MAX_EXTRA_SIZE * Math.sqrt(0.25), 9);
    expect(m.get('cn-sep')?.data.color).toBe(input.colors.CN);
    const byBetweenness = byId(buildElements({ ...input, metric: 'betweenness' }));
    expect(byBetweenness.get('jp-magnet')?.data.size).toBeCloseTo(MIN_SIZE + MAX_EXTRA_SIZE * Math.sqrt(1 / 3), 9);
  });

  it('marks inactive nodes and their edges until activated', () => {
    const m = byId(buildElements(input));
    expect(m.get('se-mine')?.classes).toContain('inactive');
    expect(m.get('se-mine->se-sep')?.classes).toContain('inactive');
    expect(m.get('cn-mine')?.classes).not.toContain('inactive');
    const activated = byId(buildElements({ ...input, effects: { disabledNodes: [], activatedNodes: ['se-mine', 'se-sep'], cutEdges: [] } }));
    expect(activated.get('se-mine')?.classes).not.toContain('inactive');
    expect(activated.get('se-mine->se-sep')?.classes).not.toContain('inactive');
  });

  it('marks min-cut members, top bottlenecks, disabled nodes and cut edges', () => {
    const m = byId(buildElements({ ...input, bottlenecks: 2, effects: { disabledNodes: ['us-mine'], activatedNodes: [], cutEdges: ['cn-sep->jp-magnet'] } }));
    expect(m.get('cn-sep')?.classes).toEqual(expect.arrayContaining(['min-cut', 'bottleneck']));
    expect(m.get('cn-magnet')?.classes).toContain('bottleneck');
    expect(m.get('jp-magnet')?.classes).not.toContain('bottleneck');
    expect(m.get('us-mine')?.classes).toContain('disabled');
    expect(m.get('us-mine->cn-sep')?.classes).toContain('cut');
    expect(m.get('cn-sep->jp-magnet')?.classes).toContain('cut');
    expect(m.get('cn-mine->cn-sep')?.classes).not.toContain('cut');
  });

  it('dims what is outside the selected node neighbourhood', () => {
    const m = byId(buildElements({ ...input, selected: 'my-sep' }));
    expect(m.get('my-sep')?.classes).not.toContain('dimmed');
    expect(m.get('au-mine')?.classes).not.toContain('dimmed');
    expect(m.get('jp-magnet')?.classes).not.toContain('dimmed');
    expect(m.get('cn-mine')?.classes).toContain('dimmed');
    expect(m.get('cn-sep->jp-magnet')?.classes).toContain('dimmed');
    expect(m.get('my-sep->jp-magnet')?.classes).not.toContain('dimmed');
    expect(buildElements({ ...input, selected: 'no-such-node' }).some((e) => e.classes?.includes('dimmed'))).toBe(false);
  });

  it('scales edge width with the log of the flow', () => {
    const m = byId(buildElements(input));
    expect(m.get('cn-sep->cn-magnet')?.data.width).toBeCloseTo(7, 9);
    expect(m.get('se-mine->se-sep')?.data.width).toBe(1);
    expect(m.get('au-mine->my-sep')?.data.width).toBeCloseTo(1 + (6 * Math.log(46)) / Math.log(191), 9);
  });

  it('adds the country code to map labels that several nodes share', () => {
    const graph = {
      ...MINI,
      nodes: [
        ...MINI.nodes,
        { key: 'cn-ev', attributes: { label: 'EVs (China)', stage: 'end-use', country: 'CN' } },
        { key: 'jp-ev', attributes: { label: 'EVs (Japan)', stage: 'end-use', country: 'JP' } },
      ],
    } as typeof MINI;
    const m = byId(buildElements({ ...input, graph }));
    expect(m.get('cn-ev')?.data.label).toBe('EVs (CN)');
    expect(m.get('jp-ev')?.data.label).toBe('EVs (JP)');
    expect(m.get('cn-sep')?.data.label).toBe(shortLabel(MINI.nodes.find((n) => n.key === 'cn-sep')?.attributes.label ?? ''));
  });

  it('does not change its input', () => {
    const before = JSON.stringify([MINI, report]);
    buildElements({ ...input, effects: { disabledNodes: ['cn-mine'], activatedNodes: ['se-mine'], cutEdges: [] }, selected: 'cn-sep' });
    expect(JSON.stringify([MINI, report])).toBe(before);
  });
});

describe('scales', () => {
  it('nodeSize: flat when the metric is 0 everywhere, clamped to the range otherwise', () => {
    expect(nodeSize(0, 0)).toBe(FLAT_SIZE);
    expect(nodeSize(undefined, 1)).toBe(MIN_SIZE);
    expect(nodeSize(2, 1)).toBe(MIN_SIZE + MAX_EXTRA_SIZE);
    expect(nodeSize(-1, 1)).toBe(MIN_SIZE);
  });

  it('edgeWidth: 1 for no flow, 7 for the largest', () => {
    expect(edgeWidth(0, 100)).toBe(1);
    expect(edgeWidth(100, 100)).toBeCloseTo(7, 12);
    expect(edgeWidth(5, 0)).toBe(1);
  });

  it('topBottlenecks: highest positive knockout loss first, ties by id', () => {
    expect(topBottlenecks(report, 3)).toEqual(['cn-sep', 'cn-magnet', 'jp-magnet']);
    expect(topBottlenecks(report, 10)).toHaveLength(4);
  });
});

describe('shortLabel', () => {
  it('keeps the name before a parenthesis or, when long, before a comma', () => {
    expect(shortLabel('China light REE mines (Bayan Obo, Sichuan, Shandong)')).toBe('China light REE mines');
    expect(shortLabel('Mountain Pass mine (MP Materials), California')).toBe('Mountain Pass mine');
    expect(shortLabel('Neo Performance Materials magnet plant, Narva, Estonia', 40)).toBe('Neo Performance Materials magnet plant');
    expect(shortLabel('Neo Performance Materials magnet plant, Narva, Estonia')).toBe('Neo Performance Materials…');
    expect(shortLabel('Lynas Kuantan')).toBe('Lynas Kuantan');
    expect(shortLabel('EV motors, Germany')).toBe('EV motors, Germany');
  });

  it('cuts a label without breaks to the maximum', () => {
    const label = shortLabel('x'.repeat(50), 10);
    expect(label).toHaveLength(10);
    expect(label.endsWith('…')).toBe(true);
  });
});
