/**
 * GEXF 1.2draft (https://gexf.net), Gephi's native format, written and read with
 * graphology-gexf. Every node gets a GEXF `label` (its `label` attribute, else its key);
 * every other attribute, metrics included, is a declared GEXF attribute. Edge `weight`
 * is the edge's `flow`, so Gephi's weighted layouts and statistics use the observed flow
 * (on import a `weight` equal to `flow` is dropped again). graphology-gexf infers each
 * attribute's type from its values; chokepoint's numeric attributes are then declared
 * `double` whatever their values (see `attribute-types.ts`), so a column's type does not
 * change between exports. `<meta>` holds only what the GEXF schema allows: creator and
 * description (the graph's name and description); other graph attributes are not kept.
 * Each node gets `viz:position` (the map's layout, `map-style.ts`, y up as Gephi draws
 * it) and `viz:color` (its country's map colour, when it has a country), in the
 * GEXF 1.2 viz namespace (graphology-gexf writes a malformed `http:///` one, fixed
 * here). On import, viz values become node attributes (`x`, `y`, `color`, `size`) in a
 * file from Gephi; in a file chokepoint wrote (`<creator>chokepoint</creator>`) the
 * position and colour it added are dropped, so an export reads back unchanged.
 */
import { MultiGraph } from 'graphology';
import { parse, write } from 'graphology-gexf';
import { InputError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { ParseResult } from '../model/parse-graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { attributeType, toScalar, type Scalar } from './attribute-types.js';
import { graphStyles } from './map-style.js';
import { importLibraryGraph, libraryMessage, type ImportOptions } from './imported-graph.js';
import { withMetrics } from './with-metrics.js';
import { escapeXml, parseXmlDocument } from './xml-document.js';

/** The viz namespace of GEXF 1.2draft (https://gexf.net/1.2draft/viz.xsd). */
export const VIZ_NAMESPACE = 'http://www.gexf.net/1.2draft/viz';

function scalars(attributes: Record<string, unknown>, skip?: string): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const scalar = toScalar(value);
    if (name !== skip && scalar !== undefined) out[name] = scalar;
  }
  return out;
}

/** Names whose declared type should be `double` although every value is a whole number. */
function doubleNames(kind: 'node' | 'edge', rows: Record<string, Scalar>[]): Set<string> {
  const values = new Map<string, Scalar[]>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    }
  }
  return new Set([...values].filter(([name, list]) => attributeType(kind, name, list) === 'double').map(([name]) => name));
}

/** Rewrites graphology-gexf's `integer`/`long` declarations to `double` for the given names. */
function widenToDouble(xml: string, kind: 'node' | 'edge', names: Set<string>): string {
  const block = new RegExp(`(<attributes class="${kind}"[^>]*>)([\\s\\S]*?)(</attributes>)`);
  return xml.replace(block, (_all, open: string, body: string, close: string) => {
    const fixed = body.replace(/<attribute id="([^"]*)"([^>]*?) type="(integer|long)"/g, (declaration: string, id: string, rest: string) =>
      [...names].some((n) => escapeXml(n) === id) ? `<attribute id="${id}"${rest} type="double"` : declaration,
    );
    return open + fixed + close;
  });
}

/** The graph (with the report's metrics as attributes, when given) as a GEXF 1.2draft document. */
export function toGexf(graph: SupplyGraph, report?: MetricsReport): string {
  const g = withMetrics(graph, report);
  const { name, description } = g.getAttributes();
  const summary = [name, description].filter(Boolean).join(': ');
  // Only schema-valid <meta> entries are written: the copy's graph attributes become them.
  g.replaceAttributes({ creator: 'chokepoint', ...(summary ? { description: summary } : {}) });
  const nodeRows = g.mapNodes((_node, attributes) => scalars(attributes, 'label'));
  const edgeRows = g.mapEdges((_edge, attributes) => scalars(attributes));
  const styles = graphStyles(graph);
  const viz = (key: string) => {
    const s = styles[key] ?? { x: 0, y: 0 };
    return { x: s.x, y: -s.y, ...(s.color ? { color: s.color } : {}) };
  };
  const xml = write(g, {
    version: '1.2',
    pedantic: true,
    formatNode: (key, attributes) => ({ label: typeof attributes.label === 'string' ? attributes.label : key, attributes: scalars(attributes, 'label'), viz: viz(key) }),
    formatEdge: (_key, attributes) => ({ weight: typeof attributes.flow === 'number' ? attributes.flow : undefined, attributes: scalars(attributes) }),
  });
  const fixed = xml.replace('xmlns:viz="http:///www.gexf.net/1.1draft/viz"', `xmlns:viz="${VIZ_NAMESPACE}"`);
  return `${widenToDouble(widenToDouble(fixed, 'node', doubleNames('node', nodeRows)), 'edge', doubleNames('edge', edgeRows))}\n`;
}

/**
 * Reads a GEXF document (from chokepoint or Gephi) into a validated SupplyGraph. A node
 * label equal to the node id and an edge weight equal to the flow are dropped (they are
 * what `toGexf` adds); the `description` meta entry becomes the graph description.
 */
export function fromGexf(text: string, file: string, options: ImportOptions = {}): ParseResult {
  const doc = parseXmlDocument(text, file, 'gexf');
  let graph: MultiGraph;
  try {
    graph = parse(MultiGraph, doc, { allowUndeclaredAttributes: true });
  } catch (error) {
    throw new InputError(file, [{ element: 'file', message: libraryMessage(error) }]);
  }
  const ours = graph.getAttribute('creator') === 'chokepoint';
  return importLibraryGraph(
    graph,
    file,
    {
      format: 'GEXF',
      node: (key, attributes) => {
        if (attributes.label === key) delete attributes.label;
        if (ours) for (const name of ['x', 'y', 'color']) delete attributes[name];
      },
      edge: (attributes) => {
        if (attributes.weight === attributes.flow) delete attributes.weight;
      },
    },
    options,
  );
}
