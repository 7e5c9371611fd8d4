/** When the page asks for the knockout part (web/src/page/knockout.ts) and what its views show meanwhile. */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../web/src/aggregate.js';
import { derivePageData, emptyReport } from '../../web/src/page-data.js';
import { hasKnockout, knockoutStatus, knockoutWanted } from '../../web/src/page/knockout.js';
import { FIRST_METRICS, KNOCKOUT_METRICS, pageMetrics } from '../../web/src/page/metric-parts.js';
import { legendKeys } from '../../web/src/views/legend.js';
import * as s from '../../web/src/state.js';
import { handReport, MINI } from './helpers.js';

/** A report of the first part only: no knockout loss on any row. */
function firstPart() {
  const report = handReport({ 'cn-sep': { flowShare: 0.8, betweenness: 0.3 } });
  return { ...report, nodes: report.nodes.map(({ knockoutLoss: _k, ...n }) => n), metrics: ['betweenness' as const, 'flowShare' as const] };
}

describe('the knockout part is asked for only when shown', () => {
  const SMALL = s.KNOCKOUT_DEFAULT_MAX_NODES;
  const BIG = s.KNOCKOUT_DEFAULT_MAX_NODES + 1;

  it('a graph up to the threshold opens sized by knockout loss (asked for at once), a bigger one by flow share without it', () => {
    expect(s.INITIAL_STATE.metric).toBe('auto');
    expect(s.INITIAL_STATE.bottlenecksOpen).toBe(false);
    expect(s.mapMetric(s.INITIAL_STATE, 156)).toBe('knockoutLoss');
    expect(s.mapMetric(s.INITIAL_STATE, SMALL)).toBe('knockoutLoss');
    expect(s.mapMetric(s.INITIAL_STATE, BIG)).toBe('flowShare');
    expect(knockoutWanted(s.INITIAL_STATE, SMALL)).toBe(true);
    expect(knockoutWanted(s.INITIAL_STATE, BIG)).toBe(false);
  });

  it('a chosen metric wins over the default on both sides of the threshold', () => {
    for (const nodes of [SMALL, BIG]) {
      expect(s.mapMetric(s.setMetric(s.INITIAL_STATE, 'betweenness'), nodes)).toBe('betweenness');
      expect(s.mapMetric(s.setMetric(s.INITIAL_STATE, 'flowShare'), nodes)).toBe('flowShare');
      expect(s.mapMetric(s.setMetric(s.INITIAL_STATE, 'knockoutLoss'), nodes)).toBe('knockoutLoss');
      expect(knockoutWanted(s.setMetric(s.INITIAL_STATE, 'flowShare'), nodes)).toBe(false);
    }
  });

  it('is wanted when the map is sized by knockout loss or the bottleneck table is open', () => {
    expect(knockoutWanted(s.setMetric(s.INITIAL_STATE, 'knockoutLoss'), BIG)).toBe(true);
    expect(knockoutWanted(s.setBottlenecksOpen(s.INITIAL_STATE, true), BIG)).toBe(true);
    expect(knockoutWanted(s.setMetric(s.INITIAL_STATE, 'betweenness'), BIG)).toBe(false);
    expect(knockoutWanted(s.sortBy(s.INITIAL_STATE, 'knockoutLoss'), BIG)).toBe(false);
  });

  it('status: idle until asked, computing while asked (for this graph), ready once in the report, failed with its message', () => {
    const data = derivePageData('mini', MINI, firstPart(), []);
    expect(hasKnockout(data)).toBe(false);
    expect(knockoutStatus({ data, knockout: null })).toBe('idle');
    expect(knockoutStatus({ data, knockout: { graph: data.graph, state: 'waiting' } })).toBe('computing');
    expect(knockoutStatus({ data, knockout: { graph: data.graph, state: 'computing' } })).toBe('computing');
    expect(knockoutStatus({ data, knockout: { graph: data.graph, state: 'failed', error: 'x' } })).toBe('failed');
    // A job of another version of the graph (the file was loaded again) does not count.
    expect(knockoutStatus({ data, knockout: { graph: { ...MINI }, state: 'computing' } })).toBe('idle');
    const ready = derivePageData('mini', MINI, handReport(), []);
    expect(knockoutStatus({ data: ready, knockout: { graph: MINI, state: 'failed' } })).toBe('ready');
    expect(knockoutStatus({ data: null, knockout: null })).toBe('idle');
  });

  it('the downloads ask for what the page has: the knockout loss only once it arrived', () => {
    expect(pageMetrics(emptyReport(MINI))).toEqual(expect.arrayContaining([...FIRST_METRICS]));
    expect(pageMetrics(firstPart())).not.toContain('knockoutLoss');
    expect(new Set(pageMetrics(firstPart()))).toEqual(new Set(FIRST_METRICS));
    expect(new Set(pageMetrics(handReport()))).toEqual(new Set([...FIRST_METRICS, ...KNOCKOUT_METRICS]));
  });

  it('the legend names halos and knockout sizing as not computed, computing, or drawn', () => {
    expect(legendKeys('flowShare', false, 'idle')).toContain('top 5 bottlenecks (knockout loss: not computed; open the bottleneck table)');
    expect(legendKeys('knockoutLoss', false, 'failed')).toContain('size: knockout loss (not computed)');
    expect(legendKeys('knockoutLoss', false, 'computing')).toEqual(expect.arrayContaining(['size: knockout loss (computing…)', 'top 5 bottlenecks (knockout loss: computing…)']));
    expect(legendKeys('knockoutLoss', false, 'ready')).toEqual(expect.arrayContaining(['size: knockout loss', 'top 5 bottlenecks (knockout loss)']));
  });

  it('on a graph above the threshold the legend says why the size is not knockout loss', () => {
    expect(s.KNOCKOUT_ON_DEMAND_NOTE).toBe('knockout loss: computed on demand on graphs above 2,000 nodes');
    expect(legendKeys('flowShare', true, 'idle', true)).toContain(`size: flow share (sum of the group) (${s.KNOCKOUT_ON_DEMAND_NOTE})`);
    expect(legendKeys('betweenness', false, 'idle', true)).toContain(`size: betweenness (${s.KNOCKOUT_ON_DEMAND_NOTE})`);
    expect(legendKeys('knockoutLoss', false, 'computing', true)).toContain('size: knockout loss (computing…)');
    expect(legendKeys('flowShare', false, 'idle', false)).toContain('size: flow share');
  });

  it('an aggregated group has no knockout loss (not a 0) while the report has none', () => {
    const agg = aggregate(MINI, firstPart(), []);
    expect(agg.report.nodes.every((n) => n.knockoutLoss === undefined)).toBe(true);
    expect(aggregate(MINI, handReport({ 'cn-sep': { knockoutLoss: 0.8 } }), []).report.nodes.some((n) => n.knockoutLoss === 0.8)).toBe(true);
  });
});
