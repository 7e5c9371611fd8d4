// check-lib: the structural and statistical checks of a chokepoint graph (graphology
// serialization JSON, parsed), shared by scripts/dataset-check.mjs (prints a report) and
// tests/data/dataset.test.ts (asserts on it). Pure: no file or console access.
//
// checkDataset(graph) returns
//   problems     every structural problem (missing source, unknown stage/status/country,
//                parallel edges, self-loops, bad numbers, capacity below flow, sources that
//                are not mines, sinks that are not end uses, also in the operating-only
//                graph, end uses without a sector, fed from another country or sharing a
//                sector and country, non-operating nodes with 2024 flow);
//   stages       per stage: total throughput (max(in, out) per node), country shares and
//                HHI = sum of squared country shares (0..1);
//   sectors      flow into the end uses per sector, with country shares, and `delivered`
//                (False for the unconsumed sinks: capacity 0 and demand 0);
//   inFlow, outFlow, materials, imbalances.
export const STAGES = ['mining', 'separation', 'refining', 'magnet', 'component', 'manufacturing', 'end-use'];
const STATUSES = ['operating', 'construction', 'planned', 'prospective'];
const CONFIDENCES = ['high', 'medium', 'low'];
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const IMBALANCE_TOLERANCE = 1e-6; // t REO/yr

/** True for a sink that takes nothing in any bound: stock, losses, unsold material. */
export const isUnconsumed = (a) => a.stage === 'end-use' && a.capacity === 0 && a.demand === 0;

export function checkDataset(graph) {
const problems = [];
const problem = (msg) => problems.push(msg);
const isNum = (x) => typeof x === 'number' && Number.isFinite(x);
// ------------------------------------------------------------------ structure
const attrs = graph.attributes ?? {};
const countries = attrs.countries ?? {};
if (graph.options?.type !== 'directed') problem('options.type must be "directed"');
if (graph.options?.multi !== false) problem('options.multi must be false');
if (graph.options?.allowSelfLoops !== false) problem('options.allowSelfLoops must be false');
for (const k of ['name', 'unit', 'year', 'source']) if (attrs[k] === undefined) problem(`graph attribute "${k}" missing`);
for (const [code, c] of Object.entries(countries)) {
  if (!/^[A-Z]{2}$/.test(code)) problem(`country code "${code}" is not ISO alpha-2 upper case`);
  if (!c.name || !c.region || !isNum(c.governance) || c.governance < 0 || c.governance > 10) {
    problem(`country ${code}: needs name, region and governance in 0..10`);
  }
}

const nodes = new Map();
for (const n of graph.nodes ?? []) {
  const a = n.attributes ?? {};
  if (nodes.has(n.key)) problem(`duplicate node key ${n.key}`);
  nodes.set(n.key, a);
  if (!KEBAB.test(n.key)) problem(`node key "${n.key}" is not kebab-case`);
  if (typeof a.label !== 'string' || !a.label) problem(`node ${n.key}: missing label`);
  if (!STAGES.includes(a.stage)) problem(`node ${n.key}: unknown stage "${a.stage}"`);
  if (!countries[a.country]) problem(`node ${n.key}: country "${a.country}" not in graph countries table`);
  if (!STATUSES.includes(a.status)) problem(`node ${n.key}: unknown status "${a.status}"`);
  if (!CONFIDENCES.includes(a.confidence)) problem(`node ${n.key}: unknown confidence "${a.confidence}"`);
  if (typeof a.source !== 'string' || !a.source.trim()) problem(`node ${n.key}: missing source`);
  if (a.capacity !== undefined && (!isNum(a.capacity) || a.capacity < 0)) problem(`node ${n.key}: bad capacity`);
  if (a.startYear !== undefined && !Number.isInteger(a.startYear)) problem(`node ${n.key}: startYear not an integer`);
}
const usedCountries = new Set([...nodes.values()].map((a) => a.country));
for (const code of Object.keys(countries)) if (!usedCountries.has(code)) problem(`country ${code} in table but unused`);

const inFlow = new Map();
const outFlow = new Map();
const inDeg = new Map();
const outDeg = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
const pairs = new Set();
const materials = new Map();
for (const e of graph.edges ?? []) {
  const a = e.attributes ?? {};
  const pair = `${e.source}->${e.target}`;
  if (e.key !== pair) problem(`edge key "${e.key}" should be "${pair}"`);
  if (pairs.has(pair)) problem(`parallel edge ${pair}`);
  pairs.add(pair);
  if (e.source === e.target) problem(`self-loop on ${e.source}`);
  if (!nodes.has(e.source) || !nodes.has(e.target)) problem(`edge ${pair}: unknown endpoint`);
  if (!isNum(a.flow) || a.flow < 0) problem(`edge ${pair}: flow must be finite and >= 0`);
  if (a.capacity !== undefined && (!isNum(a.capacity) || a.capacity < 0)) problem(`edge ${pair}: bad capacity`);
  if (isNum(a.capacity) && isNum(a.flow) && a.capacity < a.flow) problem(`edge ${pair}: capacity ${a.capacity} < flow ${a.flow}`);
  if (typeof a.material !== 'string' || !a.material) problem(`edge ${pair}: missing material`);
  if (typeof a.source !== 'string' || !a.source.trim()) problem(`edge ${pair}: missing source`);
  if (a.confidence !== undefined && !CONFIDENCES.includes(a.confidence)) problem(`edge ${pair}: unknown confidence`);
  const f = isNum(a.flow) ? a.flow : 0;
  add(outFlow, e.source, f);
  add(inFlow, e.target, f);
  add(outDeg, e.source, 1);
  add(inDeg, e.target, 1);
  const m = materials.get(a.material) ?? { edges: 0, flow: 0 };
  m.edges += 1;
  m.flow += f;
  materials.set(a.material, m);
}

for (const [key, a] of nodes) {
  const hasIn = (inDeg.get(key) ?? 0) > 0;
  const hasOut = (outDeg.get(key) ?? 0) > 0;
  if (!hasIn && a.stage !== 'mining') problem(`node ${key}: no incoming edges but stage is ${a.stage} (sources must be mines)`);
  if (!hasOut && a.stage !== 'end-use') problem(`node ${key}: no outgoing edges but stage is ${a.stage} (sinks must be end uses)`);
  if (!hasIn && !hasOut) problem(`node ${key}: isolated`);
  const thr = Math.max(inFlow.get(key) ?? 0, outFlow.get(key) ?? 0);
  // An unconsumed sink (capacity 0, demand 0) keeps its 2024 in-flow for conservation but takes nothing in any bound.
  const unconsumed = a.stage === 'end-use' && a.capacity === 0 && a.demand === 0;
  if (isNum(a.capacity) && !unconsumed && thr > a.capacity + IMBALANCE_TOLERANCE) problem(`node ${key}: throughput ${thr} > capacity ${a.capacity}`);
  if (a.status !== 'operating' && thr > 0) problem(`node ${key}: status ${a.status} but carries 2024 flow ${thr}`);
}
// Analyses run on the operating nodes only: an operating node fed only by non-operating
// nodes would become an extra source (and an operating node feeding only non-operating
// ones an extra sink) of that active graph.
const activeIn = new Set();
const activeOut = new Set();
for (const e of graph.edges ?? []) {
  if (nodes.get(e.source)?.status === 'operating' && nodes.get(e.target)?.status === 'operating') {
    activeOut.add(e.source);
    activeIn.add(e.target);
  }
}
for (const [key, a] of nodes) {
  if (a.status !== 'operating') continue;
  if (a.stage !== 'mining' && !activeIn.has(key)) problem(`node ${key}: operating but fed only by non-operating nodes (a source of the active graph)`);
  if (a.stage !== 'end-use' && !activeOut.has(key)) problem(`node ${key}: operating but feeds only non-operating nodes (a sink of the active graph)`);
}

// End uses: one sink per (sector, country), in the country of the nodes that feed it.
const sectorCountry = new Map();
for (const [key, a] of nodes) {
  if (a.stage !== 'end-use') continue;
  if (typeof a.sector !== 'string' || !a.sector.trim()) {
    problem(`node ${key}: end use without a sector`);
    continue;
  }
  const pairKey = `${a.sector} / ${a.country}`;
  if (sectorCountry.has(pairKey)) problem(`node ${key}: same sector and country as ${sectorCountry.get(pairKey)} (${pairKey})`);
  else sectorCountry.set(pairKey, key);
}
for (const e of graph.edges ?? []) {
  const s = nodes.get(e.source);
  const t = nodes.get(e.target);
  if (t?.stage === 'end-use' && s && s.country !== t.country) {
    problem(`edge ${e.source}->${e.target}: end use in ${t.country} fed from ${s.country} (end uses are located in the country of the node that feeds them)`);
  }
}


const throughput = (key) => Math.max(inFlow.get(key) ?? 0, outFlow.get(key) ?? 0);
const stages = STAGES.map((stage) => {
  const byCountry = new Map();
  let total = 0;
  for (const [key, a] of nodes) {
    if (a.stage !== stage) continue;
    total += throughput(key);
    add(byCountry, a.country, throughput(key));
  }
  const shares = [...byCountry].filter(([, t]) => t > 0).map(([c, t]) => [c, t / total]).sort((x, y) => y[1] - x[1]);
  const hhi = total > 0 ? shares.reduce((s, [, x]) => s + x * x, 0) : Number.NaN;
  const members = [...nodes].filter(([, a]) => a.stage === stage);
  return { stage, total, hhi, shares: Object.fromEntries(shares), nodes: members.length, withFlow: members.filter(([k]) => throughput(k) > 0).length };
});
const sectorMap = new Map();
for (const [key, a] of nodes) {
  if (a.stage !== 'end-use') continue;
  const s = sectorMap.get(a.sector) ?? { sector: a.sector, total: 0, byCountry: new Map(), sinks: [], delivered: !isUnconsumed(a) };
  s.total += inFlow.get(key) ?? 0;
  add(s.byCountry, a.country, inFlow.get(key) ?? 0);
  s.sinks.push(key);
  sectorMap.set(a.sector, s);
}
const sectors = [...sectorMap.values()].sort((x, y) => y.total - x.total).map((s) => ({ ...s, byCountry: Object.fromEntries([...s.byCountry].sort((x, y) => y[1] - x[1])) }));
const imbalances = [];
for (const [key] of nodes) {
  if (!(inDeg.get(key) > 0 && outDeg.get(key) > 0)) continue;
  const d = (inFlow.get(key) ?? 0) - (outFlow.get(key) ?? 0);
  if (Math.abs(d) > IMBALANCE_TOLERANCE) imbalances.push({ node: key, in: inFlow.get(key) ?? 0, out: outFlow.get(key) ?? 0 });
}
return { problems, nodes, pairs, inFlow, outFlow, inDeg, outDeg, materials, stages, sectors, imbalances };
}
