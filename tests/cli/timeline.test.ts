import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { build } from '../scenario/graphs.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-timeline-'));
const GRAPH = join(dir, 'line.json');
const SCENARIO = join(dir, 'cut.json');
// mine -120-> magnet maker -120-> sink with 2 months of cover: 10 t per month.
writeFileSync(
  GRAPH,
  JSON.stringify(
    build(
      [
        ['mine', 'mining', 'AU'],
        ['mag', 'magnet', 'JP'],
        ['oem', 'end-use', 'DE', { sector: 'EVs', stockMonths: 2 }],
      ],
      [
        ['mine', 'mag', 120],
        ['mag', 'oem', 120],
      ],
    ).export(),
  ),
);
writeFileSync(SCENARIO, JSON.stringify({ name: 'mine cut Feb-May', actions: [{ type: 'disableNode', node: 'mine', start: '2025-02', end: '2025-05' }] }));

describe('chokepoint timeline', () => {
  it('gives the JSON of issue 13 (cut for months 2-5 with 2 months of cover: 2 months lost)', async () => {
    const run = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    // The graph names no unit: "units", never t REO (issue 10).
    expect(r).toMatchObject({ unit: 'units per month', months: 7, start: '2025-01' });
    expect(r.endUses).toHaveLength(1);
    expect(r.endUses[0]).toMatchObject({ endUse: 'EVs', sinks: ['oem'], demand: 10, proportional: { monthsToShortage: 3, shortfall: 20, delivered: [10, 10, 10, 0, 0, 10, 10] } });
    expect(r.endUses[0].allocation.monthsToShortage).toBe(3);
    expect(r.endUses[0].allocation.shortfall).toBeCloseTo(20, 6);
    expect(r.nodes).toHaveLength(1);
    expect(r.nodes[0]).toMatchObject({ node: 'oem', initial: 20, stock: [20, 10, 0, 0, 0, 0, 0] });
  });

  it('prints a report as text and one CSV row per month and end use', async () => {
    const text = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('action 0 (disableNode): months 2-5 (2025-02 to 2025-05)');
    expect(text.stdout).toMatch(/EVs +10 +3 +20 +3 +20 +0\.0/);
    const csv = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01', '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('month,label,end_use,demand,allocation_delivered,allocation_share,proportional_delivered,proportional_share');
    expect(lines[4]).toMatch(/^4,2025-04,EVs,10,[0-9.e-]+,[0-9.e-]+,0,0$/);
    expect(Number(lines[4]?.split(',')[4])).toBeCloseTo(0, 6);
    expect(lines).toHaveLength(8);
  });

  it('rejects bad flags and ISO months without --start, naming the action', async () => {
    for (const [args, message] of [
      [['--months', '0'], '--months: expected a whole number from 1 to 600 (got "0")'],
      [['--start', '2025-4'], '--start: expected an ISO month YYYY-MM such as 2025-04 (got "2025-4")'],
      [[], 'action 0 (disableNode): start "2025-02" is an ISO month; give the start month (--start YYYY-MM, ?start= in the API) to map it to a month number'],
    ] as const) {
      const run = await cli('timeline', GRAPH, '--scenario', SCENARIO, ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const none = await cli('timeline', GRAPH);
    expect(none.stderr).toContain('no scenario: give --scenario FILE|PRESET');
  });

  it('--objective fair and --thrifting SECTOR=SHARE reach the model; the report names the thrifting and that it is uncited', async () => {
    const json = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01', '--objective', 'fair', '--thrifting', 'EVs=0.6', '--format', 'json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.objective).toBe('fair');
    expect(r.thrifting).toEqual([{ endUse: 'EVs', share: 0.6, source: null }]);
    // Short from month 4 (s = 4): demand 10 x (1 - 0.6 x (t - 4) / 12) = 9.5 in month 5, 9 in 6, 8.5 in 7.
    const demand = r.endUses[0].proportional.demand as number[];
    [10, 10, 10, 10, 9.5, 9, 8.5].forEach((d, t) => expect(demand[t]).toBeCloseTo(d, 9));
    const text = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01', '--thrifting', 'EVs=0.6');
    expect(text.stdout).toContain('EVs: 60.0% a year; source: none given (an assumption of the run)');
    const csv = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--months', '7', '--start', '2025-01', '--thrifting', 'EVs=0.6', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('month,label,end_use,demand,allocation_delivered,allocation_share,proportional_delivered,proportional_share,allocation_demand_after_thrifting,proportional_demand_after_thrifting');
    for (const [args, message] of [
      [['--objective', 'best'], '--objective: expected one of total, fair (got "best")'],
      [['--thrifting', 'EVs'], '--thrifting: expected SECTOR=SHARE with a share from 0 to 1, such as "Automotive=0.2" (got "EVs")'],
      [['--thrifting', 'EVs=2'], '(got "EVs=2")'],
      [['--thrifting', 'Wind=0.2'], 'thrifting names no end use of the graph: "Wind" (end uses: EVs)'],
    ] as const) {
      const run = await cli('timeline', GRAPH, '--scenario', SCENARIO, '--start', '2025-01', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it('draws a progress bar on stderr only when it is a terminal and --quiet is off', async () => {
    const run = async (...args: string[]) => {
      let stderr = '';
      const code = await runCli(['timeline', GRAPH, '--scenario', SCENARIO, '--start', '2025-01', '--format', 'json', ...args], { stdout: () => {}, stderr: (t) => (stderr += t), stderrIsTTY: true });
      return { code, stderr };
    };
    expect((await run()).stderr).toContain('timeline months');
    expect((await run('--quiet')).stderr).toBe('');
  });
});
