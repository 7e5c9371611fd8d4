import { describe, expect, it } from 'vitest';
import { activeSubgraph, createSupplyGraph, edgeCapacity, nodeLabel } from '../../src/model/graph.js';

function sample(statusOfB: 'operating' | 'prospective') {
  const graph = createSupplyGraph();
  graph.addNode('a', { stage: 'mining', country: 'CN', status: 'operating' });
  graph.addNode('b', { stage: 'mining', country: 'SE', status: statusOfB });
  graph.addNode('c', { stage: 'separation', country: 'CN', status: 'operating' });
  graph.addEdgeWithKey('a->c', 'a', 'c', { flow: 5 });
  graph.addEdgeWithKey('b->c', 'b', 'c', { flow: 0, capacity: 3 });
  return graph;
}

describe('activeSubgraph', () => {
  it('drops non-operating nodes and their edges, leaving the input unchanged', () => {
    const graph = sample('prospective');
    const active = activeSubgraph(graph);
    expect(active.nodes()).toEqual(['a', 'c']);
    expect(active.edges()).toEqual(['a->c']);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
  });

  it('returns the input itself when every node is operating', () => {
    const graph = sample('operating');
    expect(activeSubgraph(graph)).toBe(graph);
  });
});

describe('edgeCapacity and nodeLabel', () => {
  it('use capacity when given, else flow; label when given, else the key', () => {
    expect(edgeCapacity({ flow: 5 })).toBe(5);
    expect(edgeCapacity({ flow: 0, capacity: 3 })).toBe(3);
    expect(nodeLabel('a', { stage: 'mining', country: 'CN', status: 'operating' })).toBe('a');
    expect(nodeLabel('a', { label: 'Mine', stage: 'mining', country: 'CN', status: 'operating' })).toBe('Mine');
  });
});
