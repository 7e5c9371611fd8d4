/** Test helpers for the server: a copy of the fixture graphs folder, a running app, raw requests. */
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, type RunningServer, type StartOptions } from '../../src/server/start.js';
import { spawnComputeWorker } from './spawn-compute-worker.js';

export const FIXTURE_GRAPHS = fileURLToPath(new URL('../fixtures/server/graphs/', import.meta.url));

/** A fresh copy of the fixture graphs folder (so tests may change files). */
export async function copyGraphs(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'chokepoint-server-'));
  const dir = join(root, 'graphs');
  await cp(FIXTURE_GRAPHS, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Starts the app on a free port of 127.0.0.1; compute workers run the TypeScript sources. */
export function startTestServer(options: StartOptions): Promise<RunningServer> {
  return start({ port: 0, host: '127.0.0.1', webDir: '/nonexistent', ...options, compute: { spawn: spawnComputeWorker, ...options.compute } });
}

/**
 * For a test file: a server on a fresh copy of the fixture graphs, started before its
 * tests and stopped (the copy removed) after them.
 */
export function serveCopiedGraphs(options: Omit<StartOptions, 'graphsDir'> = {}): { readonly server: RunningServer; readonly dir: string } {
  let server: RunningServer | undefined;
  let folder: Awaited<ReturnType<typeof copyGraphs>> | undefined;
  beforeAll(async () => {
    folder = await copyGraphs();
    server = await startTestServer({ ...options, graphsDir: folder.dir });
  });
  afterAll(async () => {
    await server?.close();
    await folder?.remove();
  });
  return {
    get server() {
      if (!server) throw new Error('serveCopiedGraphs: the server is not started yet');
      return server;
    },
    get dir() {
      if (!folder) throw new Error('serveCopiedGraphs: the folder is not made yet');
      return folder.dir;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET with the path sent exactly as given (fetch would normalise `..` and `%2e%2e`). */
export function rawGet(base: string, path: string): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
