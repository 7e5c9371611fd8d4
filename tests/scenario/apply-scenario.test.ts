import { describe, expect, it } from 'vitest';
import { edgeCapacity } from '../../src/model/graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import type { ScenarioAction } from '../../src/scenario/schema.js';
import { chain, withProjects } from './graphs.js';

const apply = (graph: ReturnType<typeof chain>, ...actions: ScenarioAction[]) => applyScenario(graph, { name: 't', actions });
const capacityOf = (applied: ReturnType<typeof apply>, edge: string) => edgeCapacity(applied.graph.getEdgeAttributes(edge));


describe('applyScenario', () => {
  it('leaves the input graph alone and returns the active graph with all nodes operating', () => {
    const graph = withProjects();
    const before = JSON.stringify(graph.export());
    const applied = apply(graph, { type: 'activate', year: 2030 }, { type: 'embargo', from: 'CN' });
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(applied.graph.everyNode((_n, a) => a.status === 'operating')).toBe(true);
  });

  it('embargo: cuts only exports, and only to the listed countries and materials', () => {
    const all = apply(chain(), { type: 'embargo', from: 'CN' });
    // Exports from CN: s1 -> mag2 only (m1 -> s1, s1 -> mag1 and mag1 -> e1 are domestic).
    expect(all.changes[0]?.edges).toEqual(['s1->mag2']);
    expect(all.pass['s1->mag2']).toBe(0);
    expect(capacityOf(all, 's1->mag2')).toBe(0);
    expect(all.pass['s1->mag1']).toBe(1);
    expect(all.changes[0]?.flow).toBe(30);
    // The export carries Dy/Tb oxide to JP: a NdPr-only embargo and one to KR-like others cut nothing.
    expect(apply(chain(), { type: 'embargo', from: 'CN', materials: ['NdPr oxide'] }).changes[0]?.edgeCount).toBe(0);
    expect(apply(chain(), { type: 'embargo', from: 'CN', to: ['US'] }).changes[0]?.edgeCount).toBe(0);
    expect(apply(chain(), { type: 'embargo', from: 'CN', to: ['JP'], materials: ['Dy/Tb oxide'] }).changes[0]?.edges).toEqual(['s1->mag2']);
    const none = apply(chain(), { type: 'embargo', from: 'CN', to: ['US'] });
    expect(none.warnings).toEqual(['action 0 (embargo) changes nothing in the active graph']);
  });

  it('cap: capacity min(capacity, share x flow) and pass = share; the strictest cut wins', () => {
    const capped = apply(chain(), { type: 'cap', from: 'CN', share: 0.4 });
    expect(capacityOf(capped, 's1->mag2')).toBeCloseTo(12, 12); // 0.4 x 30
    expect(capped.pass['s1->mag2']).toBe(0.4);
    const both = apply(chain(), { type: 'cap', from: 'CN', share: 0.4 }, { type: 'embargo', from: 'CN' }, { type: 'cap', from: 'CN', share: 0.8 });
    expect(both.pass['s1->mag2']).toBe(0);
    expect(capacityOf(both, 's1->mag2')).toBe(0);
  });

  it('disableCountry / disableNode: nodes stay, with capacity 0 on them and their edges', () => {
    const applied = apply(chain(), { type: 'disableCountry', country: 'MM' }, { type: 'disableNode', node: 'mag2' });
    expect(applied.graph.order).toBe(7);
    expect(applied.limit).toMatchObject({ m2: 0, mag2: 0, s1: 1 });
    expect(applied.graph.getNodeAttribute('m2', 'capacity')).toBe(0);
    expect(capacityOf(applied, 'm2->s1')).toBe(0);
    expect(capacityOf(applied, 's1->mag2')).toBe(0);
    expect(capacityOf(applied, 'mag2->e2')).toBe(0);
    expect(applied.changes.map((c) => [c.nodes, c.flow])).toEqual([
      [['m2'], 40],
      [['mag2'], 30],
    ]);
  });

  it('scaleNode: node capacity k x (capacity ?? passable), limit min(1, k); factors multiply', () => {
    // s1 has no capacity: passable = min(in 60 + 40, out 70 + 30) = 100.
    const half = apply(chain(), { type: 'scaleNode', node: 's1', factor: 0.5 });
    expect(half.graph.getNodeAttribute('s1', 'capacity')).toBe(50);
    expect(half.limit.s1).toBe(0.5);
    const twice = apply(chain(), { type: 'scaleNode', node: 's1', factor: 2 }, { type: 'scaleNode', node: 's1', factor: 2 });
    expect(twice.graph.getNodeAttribute('s1', 'capacity')).toBe(400);
    expect(twice.limit.s1).toBe(1);
    // A source uses its out-side only: m1 passable = 60; a node's own capacity wins.
    expect(apply(chain(), { type: 'scaleNode', node: 'm1', factor: 0.5 }).graph.getNodeAttribute('m1', 'capacity')).toBe(30);
    const projects = apply(withProjects(), { type: 'activate', nodes: ['gl-mine', 'gl-sep'] }, { type: 'scaleNode', node: 'gl-mine', factor: 0.5 });
    expect(projects.graph.getNodeAttribute('gl-mine', 'capacity')).toBe(10);
    // Offline wins over scaling.
    const off = apply(chain(), { type: 'scaleNode', node: 's1', factor: 2 }, { type: 'disableNode', node: 's1' });
    expect(off.graph.getNodeAttribute('s1', 'capacity')).toBe(0);
    expect(off.limit.s1).toBe(0);
  });

  it('activate by year: startYear <= year; dangling projects are left out', () => {
    const by2030 = apply(withProjects(), { type: 'activate', year: 2030 });
    // gl-mine (2028) and gl-sep (2029) come in; fen has no startYear and stays out.
    expect(by2030.changes[0]?.nodes).toEqual(['gl-mine', 'gl-sep']);
    expect(by2030.changes[0]?.edges).toEqual(['gl-mine->gl-sep', 'gl-sep->mag2']);
    expect(by2030.graph.hasNode('fen')).toBe(false);
    expect(by2030.warnings).toEqual([]);
    // By 2028 only the mine starts; its plant does not exist yet, so the mine would be a
    // phantom sink: it is left out, with a warning.
    const by2028 = apply(withProjects(), { type: 'activate', year: 2028 });
    expect(by2028.graph.hasNode('gl-mine')).toBe(false);
    expect(by2028.changes[0]?.nodeCount).toBe(0);
    expect(by2028.warnings).toEqual([
      'action 0 (activate) changes nothing in the active graph',
      'activated but left out (nothing active feeds them or takes their output): gl-mine',
    ]);
    // The plant alone would be a phantom source: left out too.
    expect(apply(withProjects(), { type: 'activate', nodes: ['gl-sep'] }).graph.hasNode('gl-sep')).toBe(false);
  });

  it('activate by node list brings in exactly those nodes', () => {
    const applied = apply(withProjects(), { type: 'activate', nodes: ['fen', 'gl-sep'] });
    expect(applied.changes[0]?.nodes).toEqual(['fen', 'gl-sep']);
    expect(applied.graph.hasNode('gl-mine')).toBe(false);
  });

  it('gives the same graph whatever the order of the actions', () => {
    const actions: ScenarioAction[] = [
      { type: 'activate', year: 2030 },
      { type: 'cap', from: 'CN', share: 0.5 },
      { type: 'scaleNode', node: 'mag2', factor: 0.5 },
      { type: 'disableNode', node: 'm1' },
    ];
    const forward = apply(withProjects(), ...actions);
    const backward = apply(withProjects(), ...[...actions].reverse());
    expect(backward.graph.export().edges).toEqual(forward.graph.export().edges);
    expect(backward.limit).toEqual(forward.limit);
    expect(backward.pass).toEqual(forward.pass);
  });
});
