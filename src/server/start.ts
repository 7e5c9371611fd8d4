/**
 * Starting the server: `start(options)` builds the app and listens (127.0.0.1 unless told
 * otherwise); the returned handle gives the URL and closes the server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../model/errors.js';
import { createApp, type AppDeps } from './app.js';

/** The project folder (this file is src/server/start.ts or dist/server/start.js). */
const PROJECT_ROOT = new URL('../../', import.meta.url);

export const DEFAULT_GRAPHS_DIR = fileURLToPath(new URL('graphs/', PROJECT_ROOT));
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('dist/web/', PROJECT_ROOT));
export const DEFAULT_GRAPH_ID = 'rare-earths-2024';

export interface StartOptions extends Partial<AppDeps> {
  port?: number;
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  close: () => Promise<void>;
}

export async function start(options: StartOptions = {}): Promise<RunningServer> {
  const { port = 3000, host = '127.0.0.1', ...deps } = options;
  const app = createApp({ graphsDir: DEFAULT_GRAPHS_DIR, webDir: DEFAULT_WEB_DIR, ...deps });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    });
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use; pass --port (or set PORT) to use another`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UsageError(`cannot listen on host "${host}": ${error.code}`);
    if (error.code === 'EACCES') throw new UsageError(`no permission to listen on port ${port}`);
    throw error;
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
