import { describe, expect, it } from 'vitest';
import { graphOptionLabel } from '../../web/src/format.js';

describe('graph picker labels', () => {
  it('adds the node count, unless the name already gives it', () => {
    expect(graphOptionLabel('Rare earths 2024', 156)).toBe('Rare earths 2024 (156 nodes)');
    expect(graphOptionLabel('big', 10_000)).toBe('big (10,000 nodes)');
    expect(graphOptionLabel('synthetic supply graph (10000 nodes, seed 1)', 10_000)).toBe('synthetic supply graph (10000 nodes, seed 1)');
    expect(graphOptionLabel('a graph of 10,000 nodes', 10_000)).toBe('a graph of 10,000 nodes');
    expect(graphOptionLabel('10000 nodes', 10_000)).toBe('10000 nodes');
    // Another count in the name is not this one.
    expect(graphOptionLabel('subset of the 210000 nodes graph', 10_000)).toBe('subset of the 210000 nodes graph (10,000 nodes)');
    expect(graphOptionLabel('synthetic supply graph (500 nodes, seed 7)', 10_000)).toBe('synthetic supply graph (500 nodes, seed 7) (10,000 nodes)');
  });
});
