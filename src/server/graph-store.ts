/**
 * The graphs the server offers: the `.json` files directly inside one folder. A graph id
 * is a file name without `.json`, and only ids found by listing the folder are ever
 * opened, so `../`, encoded slashes, backslashes or absolute paths can never reach the
 * file system. Parsed graphs and anything derived from them (metrics) are cached per
 * file until its modification time or size changes.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonText, readTextFile } from '../io/read-graph.js';
import { NotFoundError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { parseGraph } from '../model/parse-graph.js';

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

export class GraphStore {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(readonly dir: string) {}

  /** The ids of the graph files, sorted. */
  async ids(): Promise<string[]> {
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
          const { graph } = await this.load(id);
          const attributes = graph.getAttributes();
          return { id, name: attributes.name ?? id, year: attributes.year ?? null, nodes: graph.order, edges: graph.size };
        } catch (error) {
          return { id, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  private async entry(id: string): Promise<CacheEntry> {
    const file = await this.fileOf(id);
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new NotFoundError(`no graph "${id}"`);
    }
    const key = `${info.mtimeMs}:${info.size}`;
    const cached = this.cache.get(id);
    if (cached && cached.key === key) return cached;
    // Errors name the file by its id only, never by its path on the server.
    const label = `${id}.json`;
    const loaded = readTextFile(file, label).then((text) => {
      const { graph, warnings } = parseGraph(parseJsonText(text, label), label);
      return { id, file, graph, warnings };
    });
    const entry: CacheEntry = { key, loaded, derived: new Map() };
    this.cache.set(id, entry);
    loaded.catch(() => {
      if (this.cache.get(id) === entry) this.cache.delete(id);
    });
    return entry;
  }
}
