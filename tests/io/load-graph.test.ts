import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/io/load-graph.js';
import { InputError, UsageError } from '../../src/model/errors.js';

describe('loadGraph', () => {
  it('reads JSON, GraphML and GEXF by extension', async () => {
    expect((await loadGraph('graphs/rare-earths-2024.json')).graph.order).toBeGreaterThan(50);
    expect((await loadGraph('tests/fixtures/import/networkx-data-last.graphml')).graph.getAttribute('unit')).toBe('kt Cu/yr');
    expect((await loadGraph('tests/fixtures/import/networkx.gexf')).graph.order).toBeGreaterThan(0);
    expect((await loadGraph('graphs/rare-earths-2024.json', { name: 'Renamed' })).graph.getAttribute('name')).toBe('Renamed');
  });

  it('refuses an unknown extension and reports bad files as InputError', async () => {
    await expect(loadGraph('README.md')).rejects.toThrow(UsageError);
    await expect(loadGraph('tests/fixtures/import/networkx-multidigraph.graphml')).rejects.toThrow(InputError);
  });
});
