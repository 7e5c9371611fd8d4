import { describe, expect, it } from 'vitest';
import { countryOrder, stageLayout, type LayoutNode } from '../../web/src/layout.js';

const node = (id: string, stage: string, country: string, label = id): LayoutNode => ({ id, stage, country, label });
const STAGES = ['mining', 'separation', 'end-use'];

describe('stageLayout', () => {
  it('puts each stage in its own column, upstream on the left', () => {
    const p = stageLayout([node('m', 'mining', 'CN'), node('s', 'separation', 'CN'), node('u', 'end-use', 'US')], STAGES, { columnWidth: 100 });
    expect(p.m?.x).toBe(0);
    expect(p.s?.x).toBe(100);
    expect(p.u?.x).toBe(200);
  });

  it('orders a column by country (most nodes first), then label, and centres it', () => {
    const nodes = [node('a', 'mining', 'US', 'Zeta'), node('b', 'mining', 'CN', 'Beta'), node('c', 'mining', 'CN', 'Alpha'), node('d', 'separation', 'CN')];
    const p = stageLayout(nodes, STAGES, { rowHeight: 10, groupGap: 0 });
    expect([p.c?.y, p.b?.y, p.a?.y]).toEqual([-10, 0, 10]);
    expect(p.d?.y).toBe(0);
  });

  it('leaves a gap between country groups', () => {
    const p = stageLayout([node('a', 'mining', 'CN'), node('b', 'mining', 'CN'), node('c', 'mining', 'US')], STAGES, { rowHeight: 10, groupGap: 1 });
    expect((p.b?.y ?? 0) - (p.a?.y ?? 0)).toBe(10);
    expect((p.c?.y ?? 0) - (p.b?.y ?? 0)).toBe(20);
  });

  it('gives nodes of an unlisted stage a last column', () => {
    const p = stageLayout([node('x', 'recycling', 'JP'), node('m', 'mining', 'CN')], STAGES, { columnWidth: 50 });
    expect(p.x?.x).toBe(150);
  });

  it('wraps a column of more than maxRows nodes into sub-columns, read top to bottom then left to right, and moves later columns right', () => {
    const many = Array.from({ length: 7 }, (_v, i) => node(`s${i + 1}`, 'separation', 'CN', `sep-${i + 1}`));
    const p = stageLayout([node('m', 'mining', 'CN'), ...many, node('u', 'end-use', 'US')], STAGES, { columnWidth: 100, subColumnWidth: 10, rowHeight: 1, groupGap: 0, maxRows: 3 });
    // k = ceil(7 / 3) = 3 sub-columns of ceil(7 / 3) = 3, 3 and 1 nodes, each centred.
    expect(many.map((n) => [p[n.id]?.x, p[n.id]?.y])).toEqual([
      [100, -1],
      [100, 0],
      [100, 1],
      [110, -1],
      [110, 0],
      [110, 1],
      [120, 0],
    ]);
    expect(p.m?.x).toBe(0);
    expect(p.u?.x).toBe(200 + 2 * 10);
    // No limit by default: one column.
    expect(new Set(many.map((n) => stageLayout(many, STAGES)[n.id]?.x)).size).toBe(1);
  });

  it('does not depend on the order of the input', () => {
    const nodes = [node('a', 'mining', 'US'), node('b', 'mining', 'CN'), node('c', 'separation', 'CN'), node('d', 'mining', 'CN')];
    expect(stageLayout([...nodes].reverse(), STAGES)).toEqual(stageLayout(nodes, STAGES));
  });
});

describe('countryOrder', () => {
  it('sorts by node count, then code', () => {
    expect(countryOrder([node('a', 'x', 'US'), node('b', 'x', 'CN'), node('c', 'x', 'CN'), node('d', 'x', 'AU')])).toEqual(['CN', 'AU', 'US']);
  });
});
