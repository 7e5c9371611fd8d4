// build-lib: turns the editable source tables under graphs/src/ into the default dataset
// (graphs/rare-earths-2024.json). Pure: `buildDataset(tables)` takes the parsed tables and
// returns the JSON text; reading the CSV files is `readTables(dir)`. scripts/data/build.mjs
// writes the file; tests/data/build.test.ts rebuilds in memory and compares bytes.
//
// Tables (one row per element, every row citing `sources`: ids of sources.csv or of
// derivations.csv, separated by ";"):
//   meta.csv         key,value                       graph attributes (name, description, unit, year, source, notes)
//   countries.csv    code,name,region,governance,source
//   sources.csv      id,title,publisher,year,locator,reliability,notes
//   derivations.csv  id,what,figures,rule,result     named estimates (which figures, which factor)
//   nodes.csv        key,label,stage,country,capacity,sector,demand,confidence,sources,notes
//   projects.csv     node,status,startYear,rampMonths          (status defaults to operating)
//   stocks.csv       node,stockMonths,stock
//   edges.csv        source,target,flow,capacity,material,confidence,sources,notes
//   prices.csv       material,value,unit,year,sources,notes   2024 prices (USD/kg REO); a row
//                    without value is valued at its inputs (notes say why): graph attribute
//                    `prices` (src/scenario/value.ts). Every material on an edge needs a row.
//   recipes.csv      node,recipe,kind,material,value,baseline,sources
//                    kind input: value = coefficient per unit of activity; kind output:
//                    value = share of the output; `baseline` (on output rows) = the recipe's
//                    2024 activity: checked against the flows, and written to the recipe's
//                    `baseline` (the proportional bound weights alternative recipes by it).
//
// The build fails (DatasetBuildError naming the table, the row and the problem) on a
// source without a whole-number year or a locator, or whose locator is a path outside the
// repository (OUTSIDE_PATH), an unknown source or derivation id, an unknown node, a bad
// number, a node whose in-flow and out-flow differ by more than 1e-6 t, or a recipe node
// whose baseline activities do not reproduce its in- and out-flows per material within
// 1e-6 t: flows are conserved and the recipes explain the 2024 flows exactly, so an
// allocation with no action delivers the observed flow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const TABLES = ['meta', 'countries', 'sources', 'derivations', 'nodes', 'projects', 'stocks', 'edges', 'recipes', 'prices'];
const TOLERANCE = 1e-6; // t REO/yr
/**
 * A locator that only exists on the machine the dataset was built on: the shared data
 * folder, an absolute or home path, or a path climbing out of the repository. A reader of
 * the repository cannot open it, so sources.csv cites documents (URL, DOI, page) instead.
 */
export const OUTSIDE_PATH = /shared\/data\/|\/work\/|(^|[\s;,(])(\/(?!\/)|~\/|\.\.\/)/;

export class DatasetBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DatasetBuildError';
  }
}

/** Reads every table of `dir` (graphs/src) as arrays of row objects keyed by column. */
export function readTables(dir) {
  const tables = {};
  for (const name of TABLES) {
    const text = readFileSync(join(dir, `${name}.csv`), 'utf8');
    tables[name] = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false });
  }
  return tables;
}

function fail(table, row, problem) {
  throw new DatasetBuildError(`graphs/src/${table}.csv row ${row + 2}: ${problem}`);
}

function number(table, row, column, text, { optional = true, integer = false } = {}) {
  if (text === undefined || text === '') {
    if (optional) return undefined;
    fail(table, row, `${column} is required`);
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) fail(table, row, `${column} "${text}" is not a finite number >= 0`);
  if (integer && !Number.isInteger(value)) fail(table, row, `${column} "${text}" is not a whole number`);
  return value;
}

/** The `source` text of an element: each cited document or derivation, in order. */
function citation(table, row, ids, sources, derivations) {
  const list = (ids ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) fail(table, row, 'cites no source or derivation (column sources)');
  return list
    .map((id) => {
      const s = sources.get(id);
      if (s) return `${s.publisher} (${s.year}), ${s.title}: ${s.locator}${s.reliability === 'as reported' ? ' [as reported]' : ''}`;
      const d = derivations.get(id);
      if (d) return `derivation ${id} (${d.what}; graphs/src/derivations.csv)`;
      return fail(table, row, `unknown source or derivation id "${id}"`);
    })
    .join('; ');
}

function byId(table, rows, column) {
  const map = new Map();
  rows.forEach((r, i) => {
    if (!r[column]) fail(table, i, `${column} is empty`);
    if (map.has(r[column])) fail(table, i, `duplicate ${column} "${r[column]}"`);
    map.set(r[column], r);
  });
  return map;
}

/** Builds the dataset JSON text (2-space indentation, final newline) from parsed tables. */
export function buildDataset(tables) {
  for (const name of TABLES) if (!Array.isArray(tables[name])) throw new DatasetBuildError(`graphs/src/${name}.csv: table missing`);
  const sources = byId('sources', tables.sources, 'id');
  tables.sources.forEach((r, i) => {
    number('sources', i, 'year', r.year, { optional: false, integer: true });
    if (!r.locator) fail('sources', i, `source "${r.id}" has no locator (URL, DOI, or document and page)`);
    if (OUTSIDE_PATH.test(r.locator)) fail('sources', i, `source "${r.id}": locator "${r.locator}" is a path outside the repository; cite the document itself (publisher, year, URL or page)`);
  });
  const derivations = byId('derivations', tables.derivations, 'id');
  for (const id of derivations.keys()) if (sources.has(id)) throw new DatasetBuildError(`graphs/src/derivations.csv: id "${id}" is also a source id`);
  const meta = new Map(tables.meta.map((r) => [r.key, r.value]));
  for (const key of ['name', 'description', 'unit', 'year', 'source', 'notes']) if (!meta.get(key)) throw new DatasetBuildError(`graphs/src/meta.csv: "${key}" missing`);

  const countries = {};
  tables.countries.forEach((r, i) => {
    if (!/^[A-Z]{2}$/.test(r.code)) fail('countries', i, `code "${r.code}" is not an upper-case ISO alpha-2 code`);
    countries[r.code] = { name: r.name, region: r.region, governance: number('countries', i, 'governance', r.governance, { optional: false }) };
  });

  const nodeRows = byId('nodes', tables.nodes, 'key');
  const projects = byId('projects', tables.projects, 'node');
  const stocks = byId('stocks', tables.stocks, 'node');
  for (const [table, map] of [['projects', projects], ['stocks', stocks]]) {
    [...map.keys()].forEach((key, i) => nodeRows.has(key) || fail(table, i, `unknown node "${key}"`));
  }

  // recipes, grouped by node then recipe name, in table order
  const recipes = new Map();
  tables.recipes.forEach((r, i) => {
    if (!nodeRows.has(r.node)) fail('recipes', i, `unknown node "${r.node}"`);
    if (r.kind !== 'input' && r.kind !== 'output') fail('recipes', i, `kind "${r.kind}" must be input or output`);
    if (!r.material) fail('recipes', i, 'material is empty');
    const value = number('recipes', i, 'value', r.value, { optional: false });
    if (!(value > 0)) fail('recipes', i, 'value must be > 0');
    citation('recipes', i, r.sources, sources, derivations);
    const byName = recipes.get(r.node) ?? new Map();
    const recipe = byName.get(r.recipe) ?? { name: r.recipe, inputs: {}, outputs: {}, baseline: 0, row: i };
    const side = r.kind === 'input' ? recipe.inputs : recipe.outputs;
    if (r.material in side) fail('recipes', i, `material "${r.material}" twice in recipe "${r.recipe}"`);
    side[r.material] = value;
    if (r.kind === 'output') recipe.baseline += number('recipes', i, 'baseline', r.baseline, { optional: false });
    byName.set(r.recipe, recipe);
    recipes.set(r.node, byName);
  });

  const nodes = [...nodeRows.values()].map((r, i) => {
    if (!countries[r.country]) fail('nodes', i, `country "${r.country}" is not in countries.csv`);
    const p = projects.get(r.key);
    const s = stocks.get(r.key);
    const a = { label: r.label, stage: r.stage, country: r.country };
    if (r.sector) a.sector = r.sector;
    a.status = p?.status || 'operating';
    const startYear = p ? number('projects', [...projects.keys()].indexOf(r.key), 'startYear', p.startYear, { integer: true }) : undefined;
    if (startYear !== undefined) a.startYear = startYear;
    const capacity = number('nodes', i, 'capacity', r.capacity);
    if (capacity !== undefined) a.capacity = capacity;
    const demand = number('nodes', i, 'demand', r.demand);
    if (demand !== undefined) a.demand = demand;
    const si = [...stocks.keys()].indexOf(r.key);
    const stock = s ? number('stocks', si, 'stock', s.stock) : undefined;
    if (stock !== undefined) a.stock = stock;
    const stockMonths = s ? number('stocks', si, 'stockMonths', s.stockMonths) : undefined;
    if (stockMonths !== undefined) a.stockMonths = stockMonths;
    const rampMonths = p ? number('projects', [...projects.keys()].indexOf(r.key), 'rampMonths', p.rampMonths, { integer: true }) : undefined;
    if (rampMonths !== undefined) a.rampMonths = rampMonths;
    const own = recipes.get(r.key);
    if (own) a.recipes = [...own.values()].map((x) => ({ name: x.name, inputs: x.inputs, outputs: x.outputs, baseline: x.baseline }));
    a.source = citation('nodes', i, r.sources, sources, derivations);
    a.confidence = r.confidence || 'low';
    if (r.notes) a.notes = r.notes;
    return { key: r.key, attributes: a };
  });

  const seen = new Set();
  const inFlow = new Map();
  const outFlow = new Map();
  const inByMaterial = new Map();
  const outByMaterial = new Map();
  const addTo = (map, key, material, value) => {
    const m = map.get(key) ?? new Map();
    m.set(material, (m.get(material) ?? 0) + value);
    map.set(key, m);
  };
  const edges = tables.edges.map((r, i) => {
    for (const end of [r.source, r.target]) if (!nodeRows.has(end)) fail('edges', i, `unknown node "${end}"`);
    const key = `${r.source}->${r.target}`;
    if (seen.has(key)) fail('edges', i, `second edge ${key} (one edge per pair of nodes)`);
    seen.add(key);
    if (!r.material) fail('edges', i, 'material is empty');
    const flow = number('edges', i, 'flow', r.flow, { optional: false });
    const a = { flow };
    const capacity = number('edges', i, 'capacity', r.capacity);
    if (capacity !== undefined) {
      if (capacity < flow) fail('edges', i, `capacity ${capacity} below flow ${flow}`);
      a.capacity = capacity;
    }
    a.material = r.material;
    a.source = citation('edges', i, r.sources, sources, derivations);
    a.confidence = r.confidence || 'low';
    if (r.notes) a.notes = r.notes;
    outFlow.set(r.source, (outFlow.get(r.source) ?? 0) + flow);
    inFlow.set(r.target, (inFlow.get(r.target) ?? 0) + flow);
    addTo(outByMaterial, r.source, r.material, flow);
    addTo(inByMaterial, r.target, r.material, flow);
    return { key, source: r.source, target: r.target, attributes: a };
  });

  [...nodeRows.keys()].forEach((key, i) => {
    const fin = inFlow.get(key);
    const fout = outFlow.get(key);
    if (fin !== undefined && fout !== undefined && Math.abs(fin - fout) > TOLERANCE) fail('nodes', i, `node "${key}": in-flow ${fin} and out-flow ${fout} differ`);
  });
  for (const [node, byName] of recipes) {
    const produced = new Map();
    const used = new Map();
    for (const r of byName.values()) {
      const shares = Object.values(r.outputs).reduce((s, v) => s + v, 0);
      if (Math.abs(shares - 1) > 1e-9) fail('recipes', r.row, `recipe "${r.name}" of "${node}": output shares sum to ${shares}, not 1`);
      for (const [m, v] of Object.entries(r.outputs)) produced.set(m, (produced.get(m) ?? 0) + v * r.baseline);
      for (const [m, v] of Object.entries(r.inputs)) used.set(m, (used.get(m) ?? 0) + v * r.baseline);
    }
    const check = (what, expected, observed) => {
      for (const m of new Set([...expected.keys(), ...(observed?.keys() ?? [])])) {
        const e = expected.get(m) ?? 0;
        const o = observed?.get(m) ?? 0;
        if (Math.abs(e - o) > TOLERANCE) fail('recipes', [...byName.values()][0].row, `node "${node}": recipes at their baseline activity ${what} ${e} t of "${m}", the edges ${o}`);
      }
    };
    check('produce', produced, outByMaterial.get(node));
    check('use', used, inByMaterial.get(node));
  }

  const prices = {};
  tables.prices.forEach((r, i) => {
    if (!r.material) fail('prices', i, 'material is empty');
    if (r.material in prices) fail('prices', i, `duplicate material "${r.material}"`);
    if (r.value === '') {
      if (!r.notes) fail('prices', i, 'a row without value (valued at its inputs) must say why in notes');
      prices[r.material] = { from: 'inputs', source: r.notes };
      return;
    }
    const value = number('prices', i, 'value', r.value, { optional: false });
    if (!(value > 0)) fail('prices', i, 'value must be > 0');
    if (r.unit !== 'USD/kg') fail('prices', i, `unit "${r.unit}" must be USD/kg`);
    prices[r.material] = { value, unit: r.unit, source: citation('prices', i, r.sources, sources, derivations), year: number('prices', i, 'year', r.year, { optional: false, integer: true }), ...(r.notes ? { notes: r.notes } : {}) };
  });
  const unpriced = [...new Set(edges.map((e) => e.attributes.material ?? ''))].filter((m) => !(m in prices));
  if (unpriced.length > 0) throw new DatasetBuildError(`graphs/src/prices.csv: no row for material(s) ${unpriced.map((m) => `"${m}"`).join(', ')}`);

  const graph = {
    options: { type: 'directed', multi: false, allowSelfLoops: false },
    attributes: {
      name: meta.get('name'),
      description: meta.get('description'),
      unit: meta.get('unit'),
      year: Number(meta.get('year')),
      source: meta.get('source'),
      notes: meta.get('notes'),
      countries,
      prices,
    },
    nodes,
    edges,
  };
  return `${JSON.stringify(graph, null, 2)}\n`;
}
