/**
 * `chokepoint serve [--port N] [--host H] [--graphs DIR]`: serves the bottleneck map and
 * the JSON API (docs/api.md) until interrupted. Port and host default to the PORT and
 * HOST environment variables, then 3000 and 127.0.0.1. SIGTERM or SIGINT stops it
 * gracefully (see `start`): the process exits 0 once the requests in flight are answered.
 * Requests are answered only when their Host header names the server: loopback names,
 * the `--host` given (unless a wildcard such as 0.0.0.0), and the `--allow-host` names.
 * CHOKEPOINT_LOOP_LOG=<ms> (a diagnostic) logs the request thread's event-loop delay and
 * its blocks over <ms> every 10 s (src/server/loop-monitor.ts).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../model/errors.js';
import type { RunningServer } from '../../server/start.js';
import type { CliContext } from '../context.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  graphs?: string;
  allowHost?: string;
}

/** Host names the server answers to (see the header). */
export function allowedHosts(host: string, extra: string | undefined, loopback: readonly string[]): string[] {
  const names = [...loopback];
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  if (!wildcard) names.push(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  for (const name of (extra ?? '').split(',').map((n) => n.trim()).filter(Boolean)) {
    if (/[\s/@]/.test(name)) throw new UsageError(`--allow-host: "${name}" is not a host name`);
    names.push(name);
  }
  return [...new Set(names)];
}

/** Servers started by this process; tests close them, SIGINT/SIGTERM close them too. */
export const runningServers = new Set<RunningServer>();

export function parsePort(text: string, from: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new UsageError(`${from}: "${text}" is not a port number (0-65535)`);
  }
  return port;
}

async function checkFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`--graphs: ${dir} is not a folder`);
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the bottleneck map and the JSON API (http://127.0.0.1:3000 by default)')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000; 0 picks a free port)')
    .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
    .option('--graphs <dir>', 'folder of graph files to offer (default: the graphs/ folder of the project)')
    .option('--allow-host <names>', 'more Host header names to answer, comma-separated (default: loopback names and --host); other Hosts get 403')
    .action(async (options: ServeOptions) => {
      const port = options.port !== undefined ? parsePort(options.port, '--port') : process.env.PORT ? parsePort(process.env.PORT, 'PORT') : 3000;
      const host = options.host ?? (process.env.HOST || '127.0.0.1');
      // Loaded here so that other commands do not pay for loading Express.
      const { DEFAULT_GRAPHS_DIR, DEFAULT_WEB_DIR, start } = await import('../../server/start.js');
      const { LOOPBACK_HOSTS } = await import('../../server/app.js');
      const hosts = allowedHosts(host, options.allowHost, LOOPBACK_HOSTS);
      const graphsDir = options.graphs !== undefined ? resolve(options.graphs) : DEFAULT_GRAPHS_DIR;
      await checkFolder(graphsDir);
      const running = await start({ port, host, graphsDir, allowedHosts: hosts, warm: true, log: (line) => ctx.stderr(`${line}\n`) });
      // Graceful: no new connections, requests in flight finish, then the process exits (0).
      // A second signal ends the process at once (the handlers are `once`).
      const stop = (signal: NodeJS.Signals) => {
        // Close the listening socket first (synchronously, in running.close()), then say so:
        // whoever reads the line can rely on new connections being refused.
        const closing = running.close();
        ctx.stderr(`chokepoint: ${signal}: stopping; finishing the requests in flight\n`);
        closing.then(
          () => ctx.stderr('chokepoint: stopped\n'),
          (error: unknown) => {
            ctx.stderr(`chokepoint: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 1;
          },
        );
      };
      // Diagnostic: CHOKEPOINT_LOOP_LOG=<ms> logs the request thread's event-loop delay and blocks over <ms> every 10 s (loop-monitor.ts).
      const loopLog = process.env.CHOKEPOINT_LOOP_LOG;
      if (loopLog !== undefined && loopLog !== '') {
        const blockMs = Number(loopLog);
        if (!(blockMs > 0)) throw new UsageError(`CHOKEPOINT_LOOP_LOG: "${loopLog}" is not a number of milliseconds > 0`);
        const { watchEventLoop } = await import('../../server/loop-monitor.js');
        const monitor = watchEventLoop(running.server, (line) => ctx.stderr(`${line}\n`), { blockMs });
        running.server.on('close', () => monitor.stop());
      }
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      runningServers.add(running);
      running.server.on('close', () => {
        runningServers.delete(running);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      });
      ctx.stdout(`chokepoint: the bottleneck map is at ${running.url}  (graphs from ${graphsDir}; Ctrl+C stops)\n`);
      if (!existsSync(join(DEFAULT_WEB_DIR, 'index.html'))) ctx.stderr('chokepoint: the map page is not built (only the API works): run `npm run build`\n');
    });
}
