/**
 * The graphs the server offers: the `.json` files directly inside one folder. A graph id
 * is a file name without `.json`, and only ids found by listing the folder are ever
 * opened, so `../`, encoded slashes, backslashes or absolute paths can never reach the
 * file system. Parsed graphs and anything derived from them (metrics) are cached per
 * file until its modification time or size changes (checked by a stat per request,
 * shared by the requests that arrive while it runs).
 *
 * A file larger than `inlineBytes` (with a compute pool) is read, parsed and validated on
 * a compute worker (load-job.ts), so it never stalls the request thread: the listing asks
 * the worker only for its summary (counts, name, year), cached like the graph; loading it
 * brings the validated graph back (graphology `import()`, no validation, here).
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonText, readTextFile } from '../io/read-graph.js';
import { NotFoundError } from '../model/errors.js';
import { createSupplyGraph, type SupplyGraph } from '../model/graph.js';
import { parseGraph } from '../model/parse-graph.js';
import type { ComputePool } from './compute-pool.js';
import { summaryOf, type GraphSummary } from './load-job.js';

/** What a graph id may look like: a plain file name, no separators, no leading dot. */
export const GRAPH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type GraphListing =
  | { id: string; name: string; year: number | null; nodes: number; edges: number }
  | { id: string; error: string };

export interface LoadedGraph {
  id: string;
  file: string;
  graph: SupplyGraph;
  warnings: string[];
}

interface CacheEntry {
  key: string;
  loaded: Promise<LoadedGraph>;
  derived: Map<string, Promise<unknown>>;
}

export interface GraphStoreOptions {
  /** Reads files over `inlineBytes` on its workers. */
  pool?: ComputePool;
  /** Default 1 MiB. */
  inlineBytes?: number;
  /** Time budget of reading one file on a worker, ms (default 60 s). */
  budgetMs?: number;
  /** `fs.promises.stat` (tests count the calls). */
  stat?: (path: string) => Promise<Stats>;
  /** Called when a graph has loaded (the app warms large graphs' baselines: compute-pool.ts `warm`). */
  onLoaded?: (loaded: LoadedGraph) => void;
  /** Called with a loaded graph when its file changed (a new version is being read): what was derived from it is stale. */
  onReplaced?: (graph: SupplyGraph) => void;
}

export class GraphStore {
  private readonly cache = new Map<string, CacheEntry>();
  /** The last listing of the folder, by the folder's modification time (see `ids`). */
  private listed: { key: string; ids: Promise<string[]> } | null = null;
  private readonly summaries = new Map<string, { key: string; summary: Promise<GraphSummary> }>();
  /** Stats in flight, by path (see `stat`). */
  private readonly stats = new Map<string, Promise<Stats>>();
  private readonly statFile: (path: string) => Promise<Stats>;
  private readonly pool: ComputePool | undefined;
  private readonly inlineBytes: number;
  private readonly budgetMs: number;
  private readonly onLoaded: ((loaded: LoadedGraph) => void) | undefined;
  private readonly onReplaced: ((graph: SupplyGraph) => void) | undefined;
  /** The last graph loaded per id (for `onReplaced`). */
  private readonly current = new Map<string, SupplyGraph>();

  constructor(
    readonly dir: string,
    options: GraphStoreOptions = {},
  ) {
    this.pool = options.pool;
    this.inlineBytes = options.inlineBytes ?? 1024 * 1024;
    this.budgetMs = options.budgetMs ?? 60_000;
    this.statFile = options.stat ?? stat;
    this.onLoaded = options.onLoaded;
    this.onReplaced = options.onReplaced;
  }

  /**
   * The ids of the graph files, sorted. Read again only when the folder's modification time
   * changes (adding, removing or renaming a file in it changes it): a stat per request
   * instead of a listing per request. A listing in flight is shared like a stat (`stat`),
   * so the requests that arrive while one runs go on together, whatever the order in
   * which the file system answers.
   */
  async ids(): Promise<string[]> {
    let key: string;
    try {
      const info = await this.stat(this.dir);
      key = `${info.mtimeMs}:${info.ino}`;
    } catch {
      throw new NotFoundError(`the graphs folder ${this.dir} does not exist`);
    }
    if (this.listed?.key !== key) {
      const listing = { key, ids: this.listIds() };
      this.listed = listing;
      listing.ids.catch(() => {
        if (this.listed === listing) this.listed = null;
      });
    }
    return this.listed.ids;
  }

  private async listIds(): Promise<string[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch {
      throw new NotFoundError(`the graphs folder ${this.dir} does not exist`);
    }
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name.slice(0, -'.json'.length))
      .filter((id) => GRAPH_ID_PATTERN.test(id))
      .sort();
  }

  /** The file of a listed graph id; NotFoundError for anything else. */
  async fileOf(id: string): Promise<string> {
    if (!GRAPH_ID_PATTERN.test(id) || !(await this.ids()).includes(id)) throw new NotFoundError(`no graph "${id}"`);
    return join(this.dir, `${id}.json`);
  }

  /** The parsed graph (cached until the file changes). */
  async load(id: string): Promise<LoadedGraph> {
    return (await this.entry(id)).loaded;
  }

  /**
   * A value computed from the graph, cached with it under `name` until the file changes.
   * `compute` must not change the graph.
   */
  async derive<T>(id: string, name: string, compute: (graph: SupplyGraph) => T | Promise<T>): Promise<T> {
    const entry = await this.entry(id);
    let value = entry.derived.get(name);
    if (!value) {
      value = entry.loaded.then((loaded) => compute(loaded.graph));
      entry.derived.set(name, value);
      value.catch(() => entry.derived.delete(name));
    }
    return value as Promise<T>;
  }

  /** Every graph file with its counts; an invalid file is listed with its error. */
  async list(): Promise<GraphListing[]> {
    const ids = await this.ids();
    return Promise.all(
      ids.map(async (id): Promise<GraphListing> => {
        try {
          const { name, year, nodes, edges } = await this.summary(id);
          return { id, name: name ?? id, year, nodes, edges };
        } catch (error) {
          return { id, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  /** The listing's view of a graph: from the loaded graph, or for a large file not loaded yet, from a worker. */
  private async summary(id: string): Promise<GraphSummary> {
    const { file, key, size } = await this.fileInfo(id);
    const cached = this.cache.get(id);
    if ((cached && cached.key === key) || !this.offThread(size)) return summaryOf((await this.load(id)).graph);
    const known = this.summaries.get(id);
    if (known && known.key === key) return known.summary;
    const summary = (this.pool as ComputePool).run(null, { type: 'load', path: file, label: `${id}.json`, want: 'summary' }, this.loadRun(id)).then((result) => result.summary);
    const entry = { key, summary };
    this.summaries.set(id, entry);
    summary.catch(() => {
      if (this.summaries.get(id) === entry) this.summaries.delete(id);
    });
    return summary;
  }

  /**
   * `stat(path)`, shared by the requests that ask while one is in flight: every request
   * checks its graph's file and the folder (a changed file is a new version), and under
   * load dozens arrive while one stat runs on libuv's thread pool; each then sees the
   * file as it was when that stat started, at most one stat's time before it arrived.
   * (Measured under the load test: a stat per request was 9 % of the request thread.)
   */
  private stat(path: string): Promise<Stats> {
    let pending = this.stats.get(path);
    if (pending === undefined) {
      const started = this.statFile(path).finally(() => {
        if (this.stats.get(path) === started) this.stats.delete(path);
      });
      pending = started;
      this.stats.set(path, pending);
    }
    return pending;
  }

  private offThread(size: number): boolean {
    return this.pool !== undefined && size > this.inlineBytes;
  }

  private loadRun(id: string) {
    return { budgetMs: this.budgetMs, hint: `the graph file ${id}.json is too large to read within the server's budget; use the CLI` };
  }

  private async fileInfo(id: string): Promise<{ file: string; key: string; size: number }> {
    const file = await this.fileOf(id);
    let info;
    try {
      info = await this.stat(file);
    } catch {
      throw new NotFoundError(`no graph "${id}"`);
    }
    return { file, key: `${info.mtimeMs}:${info.size}`, size: info.size };
  }

  private async entry(id: string): Promise<CacheEntry> {
    const { file, key, size } = await this.fileInfo(id);
    const cached = this.cache.get(id);
    if (cached && cached.key === key) return cached;
    // Errors name the file by its id only, never by its path on the server.
    const label = `${id}.json`;
    const loaded = this.offThread(size)
      ? (this.pool as ComputePool).run(null, { type: 'load', path: file, label, want: 'graph' }, this.loadRun(id)).then((result) => {
          const graph = createSupplyGraph();
          graph.import(result.graph as ReturnType<SupplyGraph['export']>);
          return { id, file, graph, warnings: result.warnings ?? [] };
        })
      : readTextFile(file, label).then((text) => {
          const { graph, warnings } = parseGraph(parseJsonText(text, label), label);
          return { id, file, graph, warnings };
        });
    const entry: CacheEntry = { key, loaded, derived: new Map() };
    this.cache.set(id, entry);
    const previous = this.current.get(id);
    if (previous !== undefined) {
      this.current.delete(id);
      this.onReplaced?.(previous);
    }
    loaded.then(
      (result) => {
        if (this.cache.get(id) !== entry) return;
        this.current.set(id, result.graph);
        this.onLoaded?.(result);
      },
      () => {
        if (this.cache.get(id) === entry) this.cache.delete(id);
      },
    );
    return entry;
  }
}
