import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chain } from '../scenario/graphs.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-scenario-'));
const GRAPH = join(dir, 'chain.json');
writeFileSync(GRAPH, JSON.stringify(chain().export()));
const DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');
const write = (name: string, data: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

describe('chokepoint scenario', () => {
  it('evaluates flag actions as JSON', async () => {
    // See tests/scenario/evaluate.test.ts: an embargo on CN exports cuts s1 -> mag2 (30).
    const run = await cli('scenario', GRAPH, '--embargo', 'CN', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.name).toBe('embargo CN');
    expect(result.baseline.maxFlow).toBeCloseTo(100, 9);
    expect(result.scenario.maxFlow).toBeCloseTo(70, 9);
    expect(result.loss.proportional).toBeCloseTo(0.3, 9);
    expect(result.changes[0].edges).toEqual(['s1->mag2']);
  });

  it('appends flag actions to a scenario file', async () => {
    const file = write('cap.json', { name: 'quota', actions: [{ type: 'cap', from: 'CN', share: 0.5 }] });
    const run = await cli('scenario', GRAPH, '--scenario', file, '--disable', 'MM', '--format', 'json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.name).toBe('quota + disable MM');
    // f(s1) = 0.6; e2 = 30 x min(0.6, 0.5) = 15; e1 = 0.6 x 70 = 42; total 57.
    expect(result.scenario.proportional).toBeCloseTo(57, 9);
    // Max flow: only m1's 60 is left, and s1 -> mag1 (70) can take it all.
    expect(result.scenario.maxFlow).toBeCloseTo(60, 9);
  });

  it('writes CSV with a total row and a row per sink', async () => {
    const run = await cli('scenario', GRAPH, '--disable', 'MM', '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('scope,id,maxflow_baseline,maxflow_scenario,maxflow_loss,proportional_baseline,proportional_scenario,proportional_loss,allocation_baseline,allocation_scenario,allocation_loss,binding_input');
    expect(lines[1]?.split(',').slice(0, 8).join(',')).toBe('total,,100,60,0.4,100,60,0.4');
    // Allocation: s1 runs at 60 (42 NdPr + 18 Dy/Tb oxide), 60 delivered.
    expect(lines[1]?.split(',').slice(8, 11).map(Number)).toEqual([expect.closeTo(100, 9), expect.closeTo(60, 9), expect.closeTo(0.4, 9)]);
    expect(lines.slice(2).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['end use,EV motors', 'sink,e1', 'sink,e2']);
  });

  it('prints a text report', async () => {
    const run = await cli('scenario', GRAPH, '--disable', 'MM,JP', '--activate', '2030');
    expect(run.code).toBe(0);
    for (const heading of ['Scenario: disable MM,JP; activate 2030', 'What changed', 'Delivered supply', 'By end use', 'By sink', 'Top bottlenecks', 'Stage concentration']) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toContain('warning: action 2 (activate) changes nothing in the active graph');
    expect(run.stdout).toMatch(/max flow\s+100\s+60\s+40/);
    // Allocation: s1 runs at 60 (42 NdPr + 18 Dy/Tb oxide) but mag2 (JP) is offline: 42 reach e1.
    expect(run.stdout).toMatch(/allocation\s+100\s+42\s+58\.0/);
    expect(run.stdout).toContain('allocation: rerouting through spare capacity, every plant bound by its recipe');
  });

  it('runs a shipped preset by id on the default dataset', async () => {
    const run = await cli('scenario', DATASET, '--scenario', 'myanmar-offline', '--format', 'json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.name).toBe('Myanmar mines offline');
    expect(result.loss.maxFlow).toBeGreaterThan(0);
  });

  it('writes --out atomically and refuses to overwrite without --force', async () => {
    const out = join(dir, 'result.json');
    expect((await cli('scenario', GRAPH, '--disable', 'MM', '--format', 'json', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).loss.maxFlow).toBeCloseTo(0.4, 9);
    const again = await cli('scenario', GRAPH, '--disable', 'MM', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('pass --force');
    expect((await cli('scenario', GRAPH, '--disable', 'MM', '--out', out, '--force')).code).toBe(0);
  });

  describe('errors', () => {
    it('usage errors exit 2', async () => {
      const cases: [string[], string][] = [
        [[], 'no scenario: give --scenario FILE|PRESET, --disable, --embargo or --activate'],
        [['--disable', 'MM', '--format', 'xml'], '--format: expected one of text, json, csv (got "xml")'],
        [['--activate', '20x0'], '--activate: expected a year (got "20x0")'],
        [['--disable', 'CN,'], '--disable: expected country codes separated by commas'],
        [['--disable', 'MM', '--top', '-1'], '--top: expected a whole number >= 0 (got "-1")'],
      ];
      for (const [args, message] of cases) {
        const run = await cli('scenario', GRAPH, ...args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toContain(message);
        expect(run.stderr).not.toContain('    at ');
      }
    });

    it('flag values the graph does not know are input errors naming the command line', async () => {
      const run = await cli('scenario', GRAPH, '--disable', 'DE', '--embargo', 'cn');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('command line: action 0 (disableCountry): country: unknown country "DE" (no node of the graph is in it)');
      expect(run.stderr).toContain('command line: action 1 (embargo): from: must be an upper-case ISO 3166-1 alpha-2 code such as "CN" (got "cn")');
    });

    it('a bad scenario file is an input error naming the file and every problem', async () => {
      const file = write('bad.json', { name: 'bad', actions: [{ type: 'embargo', from: 'CN', materials: ['unobtainium'] }, { type: 'scaleNode', node: 'x', factor: 1 }] });
      const run = await cli('scenario', GRAPH, '--scenario', file);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`${file}: action 0 (embargo): materials: unknown material "unobtainium" (no edge carries it)`);
      expect(run.stderr).toContain(`${file}: action 1 (scaleNode): node: unknown node "x"`);
      const broken = write('broken.json', '{"name": ');
      const syntax = await cli('scenario', GRAPH, '--scenario', broken);
      expect(syntax.code).toBe(3);
      expect(syntax.stderr).toContain(`${broken}: file: not valid JSON`);
    });

    it('a scenario that is neither a file nor a preset is not found, and lists the presets', async () => {
      const run = await cli('scenario', GRAPH, '--scenario', 'no-such-preset');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('no-such-preset: no such scenario file or preset (presets: ');
      expect(run.stderr).toContain('china-full-embargo');
    });

    it('a preset that names what the graph lacks is an input error', async () => {
      const run = await cli('scenario', GRAPH, '--scenario', 'nordic-greenland-2030');
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('nordic-greenland-2030.json: action 0 (activate): nodes: unknown node "gl-tanbreez"');
    });
  });
});

describe('chokepoint scenario --country and --compare', () => {
  it('reads the result for one country (the lens) in text and JSON', async () => {
    // Embargo CN cuts s1 -> mag2 (30), all that reaches the US sink e2: the US loses 100%.
    const run = await cli('scenario', GRAPH, '--embargo', 'CN', '--country', 'us', '--format', 'json');
    expect(run.code).toBe(0);
    const lens = JSON.parse(run.stdout).lens;
    expect(lens.country).toBe('US');
    expect(lens.sinks).toEqual(['e2']);
    expect(lens.loss).toEqual({ maxFlow: 1, allocation: 1, proportional: 1 });
    const text = await cli('scenario', GRAPH, '--embargo', 'CN', '--country', 'US');
    expect(text.stdout).toContain('End uses in US');
    expect(text.stdout).toMatch(/total\s+30\s+0\s+100\.0\s+30\s+0\s+100\.0/);
  });

  it('refuses a country the graph does not have', async () => {
    const run = await cli('scenario', GRAPH, '--embargo', 'CN', '--country', 'FR');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no node in country "FR"');
  });

  it('compares scenario files side by side, with differences from the first', async () => {
    const a = write('embargo.json', { name: 'embargo', actions: [{ type: 'embargo', from: 'CN' }] });
    const b = write('mm.json', { name: 'MM offline', actions: [{ type: 'disableCountry', country: 'MM' }] });
    const json = await cli('scenario', GRAPH, '--compare', a, b, '--format', 'json');
    expect(json.code).toBe(0);
    const c = JSON.parse(json.stdout);
    expect(c.names).toEqual(['embargo', 'MM offline']);
    // Totals: embargo 0.3 under both bounds; MM offline 0.4 (tests above): difference 0.1.
    expect(c.rows[0].endUse).toBe('total');
    expect(c.rows[0].diff[1].proportional).toBeCloseTo(0.1, 9);
    const csv = await cli('scenario', GRAPH, '--compare', a, b, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('scope,end_use,s1_proportional_loss,s1_allocation_loss,s1_maxFlow_loss,s2_proportional_loss,s2_allocation_loss,s2_maxFlow_loss,s2_proportional_diff,s2_allocation_diff,s2_maxFlow_diff');
    const text = await cli('scenario', GRAPH, '--compare', a, b);
    expect(text.stdout).toContain('1: embargo');
    expect(text.stdout).toContain('no rerouting (proportional)');
  });

  it('--compare needs two scenarios and no other scenario flags', async () => {
    const a = write('only.json', { name: 'only', actions: [] });
    expect((await cli('scenario', GRAPH, '--compare', a)).stderr).toContain('two or more');
    const mixed = await cli('scenario', GRAPH, '--compare', a, a, '--embargo', 'CN');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('not with --scenario');
  });
});
