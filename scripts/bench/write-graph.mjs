// Writes a generated graph (src/generate/supply-graph.ts) as graph JSON element by element,
// so graphs whose file is larger than V8's ~512 MB string limit can be written (the
// `generate` command builds one string). Used by the million-node benchmark.
// With --labels (the betweenness benchmarks of issue 15: graphs that carry realistic
// attributes), every node also gets a `label` ("Mining site 12, CN") and every edge the
// `material` its source stage ships; `generate`'s own output (tests, fixtures) is unchanged.
//   node scripts/bench/write-graph.mjs NODES SEED BACK_EDGES OUT.json [--labels]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { load } from './dist.mjs';

const STAGE_NAMES = { mining: 'Mining site', separation: 'Separation plant', refining: 'Refinery', magnet: 'Magnet plant', component: 'Component maker', manufacturing: 'Manufacturer', 'end-use': 'End use', recycling: 'Recycler' };
const MATERIALS = { mining: 'mixed rare-earth concentrate', separation: 'NdPr oxide', refining: 'NdPr metal', magnet: 'NdFeB magnets', component: 'motor assemblies', manufacturing: 'finished goods', 'end-use': 'end-of-life scrap', recycling: 'recovered NdPr oxide' };

/** Adds a label to every node and a material to every edge (see the comment at the top). */
function addLabels(data) {
  const stageOf = new Map();
  for (const node of data.nodes) {
    const { stage, country } = node.attributes;
    stageOf.set(node.key, stage);
    node.attributes = { label: `${STAGE_NAMES[stage] ?? stage} ${node.key.slice(node.key.lastIndexOf('-') + 1)}, ${country}`, ...node.attributes };
  }
  for (const edge of data.edges) edge.attributes = { ...edge.attributes, material: MATERIALS[stageOf.get(edge.source)] ?? 'rare earths' };
}

export async function writeGraph(nodes, seed, backEdges, out, { labels = false } = {}) {
  const { generateSupplyGraph } = await load('generate/supply-graph.js');
  const data = generateSupplyGraph({ nodes, seed, backEdges });
  if (labels) addLabels(data);
  const stream = createWriteStream(`${out}.partial`);
  const write = async (text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(`{"attributes":${JSON.stringify(data.attributes)},\n"nodes":[\n`);
  for (let i = 0; i < data.nodes.length; i++) await write(`${i ? ',\n' : ''}${JSON.stringify(data.nodes[i])}`);
  await write('],\n"edges":[\n');
  for (let i = 0; i < data.edges.length; i++) await write(`${i ? ',\n' : ''}${JSON.stringify(data.edges[i])}`);
  await write(']}\n');
  stream.end();
  await once(stream, 'finish');
  const { rename } = await import('node:fs/promises');
  await rename(`${out}.partial`, out);
  return { nodes: data.nodes.length, edges: data.edges.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [nodes, seed, backEdges, out] = process.argv.slice(2);
  const counts = await writeGraph(Number(nodes), Number(seed), Number(backEdges), out, { labels: process.argv.includes('--labels') });
  process.stdout.write(`${JSON.stringify({ out, ...counts })}\n`);
}
