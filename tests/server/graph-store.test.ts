import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/model/errors.js';
import { GraphStore } from '../../src/server/graph-store.js';
import { copyGraphs } from './helpers.js';

let folder: Awaited<ReturnType<typeof copyGraphs>>;
beforeEach(async () => {
  folder = await copyGraphs();
});
afterEach(async () => {
  await folder.remove();
});

describe('GraphStore', () => {
  it('lists only the .json files directly in the folder, sorted', async () => {
    const store = new GraphStore(folder.dir);
    expect(await store.ids()).toEqual(['broken', 'mini']);
  });

  it('lists an invalid file with its error instead of failing', async () => {
    const listing = await new GraphStore(folder.dir).list();
    expect(listing[1]).toEqual({ id: 'mini', name: 'Mini rare-earth chain', year: 2024, nodes: 11, edges: 12 });
    expect(listing[0]).toMatchObject({ id: 'broken' });
    expect((listing[0] as { error: string }).error).toMatch(/^broken\.json: node "a": country/);
  });

  it('opens only listed ids', async () => {
    const store = new GraphStore(folder.dir);
    for (const id of ['../mini', '..', 'nested/hidden', 'scenarios', 'notes', 'mini.json', '/etc/passwd', '..\\mini', '', '.hidden']) {
      await expect(store.load(id), id).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(store.load('broken')).rejects.toBeInstanceOf(InputError);
  });

  it('errors name the file by its id, not its path on the server', async () => {
    const error = await new GraphStore(folder.dir).load('broken').catch((e: unknown) => e);
    expect((error as InputError).message).not.toContain(folder.dir);
  });

  it('a missing folder is NotFoundError', async () => {
    await expect(new GraphStore(join(folder.dir, 'nope')).ids()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('computes a derived value once, and again when the file changes', async () => {
    const store = new GraphStore(folder.dir);
    let calls = 0;
    const derive = () => store.derive('mini', 'name', (graph) => (calls += 1, graph.getAttribute('name')));
    expect(await derive()).toBe('Mini rare-earth chain');
    expect(await derive()).toBe('Mini rare-earth chain');
    expect(calls).toBe(1);
    const file = join(folder.dir, 'mini.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Mini rare-earth chain', 'Mini chain, edited'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await derive()).toBe('Mini chain, edited');
    expect(calls).toBe(2);
  });

  it('does not cache a failed computation', async () => {
    const store = new GraphStore(folder.dir);
    await expect(store.derive('mini', 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.derive('mini', 'x', () => 1)).toBe(1);
  });
});

describe('GraphStore stats', () => {
  it('shares one stat of the folder and of the file among the requests that arrive while it runs', async () => {
    const calls: string[] = [];
    const store = new GraphStore(folder.dir, {
      stat: (path) => {
        calls.push(path === folder.dir ? 'folder' : path.slice(folder.dir.length + 1));
        return stat(path);
      },
    });
    const loaded = await Promise.all(Array.from({ length: 5 }, () => store.load('mini')));
    expect(new Set(loaded.map((l) => l.graph)).size).toBe(1);
    expect(calls).toEqual(['folder', 'mini.json']);
    // A later request stats again (a changed file is seen).
    await store.load('mini');
    expect(calls).toEqual(['folder', 'mini.json', 'folder', 'mini.json']);
  });
});
