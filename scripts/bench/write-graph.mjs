// Writes a generated graph (src/generate/supply-graph.ts) as graph JSON element by element,
// so graphs whose file is larger than V8's ~512 MB string limit can be written (the
// `generate` command builds one string). Used by the million-node benchmark.
//   node scripts/bench/write-graph.mjs NODES SEED BACK_EDGES OUT.json
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { load } from './dist.mjs';

export async function writeGraph(nodes, seed, backEdges, out) {
  const { generateSupplyGraph } = await load('generate/supply-graph.js');
  const data = generateSupplyGraph({ nodes, seed, backEdges });
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
  const counts = await writeGraph(Number(nodes), Number(seed), Number(backEdges), out);
  process.stdout.write(`${JSON.stringify({ out, ...counts })}\n`);
}
