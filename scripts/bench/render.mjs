// Renders the benchmark results of scripts/bench/run.mjs: a terminal table and the
// markdown of docs/benchmarks.md.

const s = (x, digits = 2) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));
const mb = (x) => (x === null || x === undefined ? 'n/a' : `${Math.round(x)} MB`);
const e = (x) => (x === null || x === undefined ? 'n/a' : x.toExponential(1));

function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

function mdTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function verdict(rows) {
  const met = rows.filter((r) => r.ratio !== null && r.ratio <= 0.5).map((r) => `${r.graph.slice(0, 3)} ${r.job}`);
  const missed = rows.filter((r) => r.ratio !== null && r.ratio > 0.5).map((r) => `${r.graph.slice(0, 3)} ${r.job} (${s(r.ratio)})`);
  if (met.length + missed.length === 0) return 'No igraph on this machine: no ratios.';
  return `Ratio <= 0.5: ${met.join(', ') || 'none'}. Above 0.5: ${missed.join(', ') || 'none'}.`;
}

export function renderBenchmarks({ machine, exactRows, sampling, large, knockout }) {
  const exactHeader = ['graph', 'nodes', 'edges', 'our job', 'ours (s)', 'igraph (s)', 'ratio', 'ours peak RSS', 'igraph peak RSS'];
  const exact = exactRows.map((r) => [r.graph, r.nodes, r.edges, r.job, s(r.ours), s(r.igraph), s(r.ratio), mb(r.oursRss), mb(r.igraphRss)]);
  const table = textTable(exactHeader, exact);

  const exactLine = sampling.find((r) => r.k === 'exact');
  const samplingRows = sampling.filter((r) => r.k !== 'exact').map((r) => [r.k, s(r.seconds), e(r.maxError), `${s(100 * r.relMaxError, 1)} %`, e(r.meanError), s(r.top10, 1)]);
  const largeRows = large.map((r) => [r.what, r.nodes, r.edges, s(r.seconds, 1), mb(r.rss), r.steps ? Object.entries(r.steps).map(([k, v]) => `${k} ${s(v, 1)} s`).join(', ') : '']);
  const differences = exactRows.map((r) => `${r.graph}, ${r.job}: ${e(r.maxDifference)}`).join('; ');
  const jobLines = machine.jobs.map((j) => `  - \`${j.id}\`: \`${j.name}\``).join('\n');

  const markdown = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/run.mjs) on ${machine.date}. Numbers are wall-clock
seconds of whole processes on a shared machine; rerun the script to refresh them.

Machine: ${machine.nproc} cores available (\`nproc\`), ${machine.cpu}, Node ${machine.node},
python3-igraph ${machine.igraph} (Debian). Each timing is the median of ${machine.runs} runs; our
jobs and igraph's alternate, so all see the same load. One-minute load average: ${machine.load}
(other work on a shared machine takes cores from our threads first: igraph uses one).

## Exact node betweenness: chokepoint against igraph (issue 6)

Both sides do the whole job as a fresh process: start, read the same graph JSON, build the
graph, compute exact directed node betweenness, write JSON.

- ours: each includes Node's start-up, validation of every node and edge (the loader's
  fast path, zod for messages), the CSR index, Brandes and writing JSON.
${jobLines}
  \`metrics\` is the real command: after the CLI's start-up (only the metrics command's
  modules: the process entry loads the command it runs, src/cli/lazy.ts, and the HiGHS
  WebAssembly module only for shadowPrice) it streams the file straight into the graph index
  (\`readGraphIndexFile\` with \`stream\`: nothing asked needs the graphology graph), runs the
  betweenness plan of the operating index on worker threads, and also computes edge
  betweenness (the report's edge rows carry it; with \`--table nodes\` it is left out) and
  writes the full report (node and edge rows, pretty JSON, row by row: src/io/json-chunks.ts).
  \`job\` runs Brandes on worker
  threads (one per core; src/metrics/centrality/betweenness-parallel.ts) for nodes only after
  streaming the file straight into the graph index (\`streamGraphIndex\`) and writes a
  compact {node: value} record.
- igraph: \`/usr/bin/python3 scripts/bench/igraph-betweenness.py G OUT\`: \`json.load\`,
  \`igraph.Graph(n, edges, directed=True)\`, \`Graph.betweenness(directed=True)\` (C, one thread),
  \`json.dump\`. igraph validates nothing.

Graphs from \`chokepoint generate\` (src/generate/supply-graph.ts) with realistic attributes
added by \`scripts/bench/write-graph.mjs --labels\` (a label on every node, a material on every
edge, next to the generated stage, country, capacity, flow and source): (a) 10,000 nodes, seed 1,
5 % back edges (recycling loops make most nodes reach most others), (b) 20,000 nodes, seed 2
(no loops). Target (issue 15): ratio (ours / igraph) <= 0.5 on both.

${mdTable(exactHeader, exact)}
${verdict(exactRows)}

Largest difference between our normalised values and igraph's (divided by (n-1)(n-2)): ${differences}.

## Sampled betweenness: error against exact values

Graph (a), \`betweenness(graph, { sample: k, seed })\` (k pivot sources, scaled by n / k; see
docs/metrics.md), averaged over seeds 1..3; errors are absolute differences of normalised
values against the exact run (${s(exactLine?.seconds)} s in-process; largest exact value ${s(exactLine?.max, 4)}).
"top 10" is how many of the exact ten most central nodes are among the sampled top ten.
The error falls roughly as 1 / sqrt(k) (Brandes & Pich 2007).

${mdTable(['k', 'time (s)', 'max abs error', 'max error / max value', 'mean abs error', 'top 10 found'], samplingRows)}
## Large graphs and memory

The index is O(n + m): CSR arrays plus, per thread, O(n + m) typed-array workspaces; nothing
is O(n^2). The 10^6-node graph file is about 600 MB of JSON, above V8's limit on one
string (~512 MB): it is written element by element (scripts/bench/write-graph.mjs), then
streamed and validated straight into the graph index (\`streamGraphIndex\`, no graphology
graph; docs/scale.md) and k = 100 pivots are sampled (scripts/bench/million-file.mjs).

${mdTable(['run', 'nodes', 'edges', 'time (s)', 'peak RSS', 'steps'], largeRows)}
## Knockout table

${
  knockout
    ? `\`knockoutLoss(graph)\` (src/metrics/flow/knockout.ts: exact, warm-started max flow per removal) on graph (a),
${knockout.nodes} nodes and ${knockout.edges} edges: ${s(knockout.seconds)} s for the table (every node and every country;
${knockout.nonzero} nodes with a loss > 0), after ${s(knockout.load)} s loading; ${s(knockout.wall)} s and ${mb(knockout.rss)} peak RSS for the
whole process (scripts/bench/knockout.mjs).`
    : 'Not run: src/metrics/flow/knockout.ts is not built.'
}

## What makes it fast

- Brandes on a CSR index of typed arrays (src/metrics/centrality/csr.ts): per source, work
  proportional to what the search reaches; only reached entries are reset; sources without
  out-edges are skipped; the forward pass records the shortest-path DAG so the backward
  sweep reads only those edges; sinks stay off the queue.
- Sources are split over worker threads (interleaved, summed in a fixed order, so results
  are reproducible and equal to the single-thread ones within 1e-12).
- \`parseGraph\` validates each element with zod once without \`reportInput\` and only
  re-parses failures to quote the bad values (about twice as fast on valid files).
`;
  return { table, markdown };
}
