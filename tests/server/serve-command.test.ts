import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { allowedHosts, runningServers } from '../../src/cli/commands/serve.js';
import { UsageError } from '../../src/model/errors.js';
import { FIXTURE_GRAPHS } from './helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { ctx: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stderrIsTTY: false }, out, err };
}

afterEach(async () => {
  await Promise.all([...runningServers].map((s) => s.close()));
});

describe('chokepoint serve', () => {
  it('listens, prints the URL and answers the API', async () => {
    const { ctx, out } = capture();
    expect(await runCli(['serve', '--port', '0', '--graphs', FIXTURE_GRAPHS], ctx)).toBe(0);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.join(''))?.[0];
    expect(url).toBeDefined();
    const res = await fetch(new URL('/api/graphs', url));
    expect(((await res.json()) as { id: string }[]).map((g) => g.id)).toEqual(['broken', 'mini']);
  });

  it.each([['--port', 'http'], ['--port', '70000'], ['--port', '-1']])('refuses %s %s (exit 2)', async (flag, value) => {
    const { ctx, err } = capture();
    expect(await runCli(['serve', flag, value, '--graphs', FIXTURE_GRAPHS], ctx)).toBe(2);
    expect(err.join('')).toMatch(/not a port number/);
  });

  it('refuses a graphs folder that does not exist (exit 2)', async () => {
    const { ctx, err } = capture();
    expect(await runCli(['serve', '--port', '0', '--graphs', '/nonexistent/graphs'], ctx)).toBe(2);
    expect(err.join('')).toMatch(/is not a folder/);
  });

  it('a port in use is a usage error, not a crash', async () => {
    const first = capture();
    await runCli(['serve', '--port', '0', '--graphs', FIXTURE_GRAPHS], first.ctx);
    const port = /:(\d+)\//.exec(first.out.join(''))?.[1] ?? '';
    const second = capture();
    expect(await runCli(['serve', '--port', port, '--graphs', FIXTURE_GRAPHS], second.ctx)).toBe(2);
    expect(second.err.join('')).toMatch(/is in use/);
  });
});

describe('allowedHosts (issue 14)', () => {
  const loopback = ['localhost', '127.0.0.1', '[::1]'];

  it('loopback names, the --host given unless a wildcard, and --allow-host names', () => {
    expect(allowedHosts('127.0.0.1', undefined, loopback)).toEqual(loopback);
    expect(allowedHosts('192.168.1.5', 'map.lan, other.lan', loopback)).toEqual([...loopback, '192.168.1.5', 'map.lan', 'other.lan']);
    expect(allowedHosts('0.0.0.0', undefined, loopback)).toEqual(loopback);
    expect(allowedHosts('::', undefined, loopback)).toEqual(loopback);
    expect(allowedHosts('fe80::1', undefined, loopback)).toEqual([...loopback, '[fe80::1]']);
  });

  it('refuses a name that is not a host name', () => {
    expect(() => allowedHosts('127.0.0.1', 'a b', loopback)).toThrow(/--allow-host: "a b" is not a host name/);
    expect(() => allowedHosts('127.0.0.1', 'http://x/', loopback)).toThrow(UsageError);
  });
});
