import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { valuedData } from '../scenario/valued.js';
import { cli } from './run-cli.js';

let file: string;
let unpriced: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-value-'));
  file = join(dir, 'valued.json');
  writeFileSync(file, JSON.stringify(valuedData()));
  unpriced = join(dir, 'unpriced.json');
  writeFileSync(unpriced, JSON.stringify(valuedData(null)));
});

describe('--weight value (tests/scenario/valued.ts has the arithmetic)', () => {
  it('scenario: totals and end uses in USD/yr, ranked by value lost, with the prices', async () => {
    const run = await cli('scenario', file, '--disable', 'JP', '--weight', 'value', '--format', 'json');
    expect(run.code).toBe(0);
    const { value } = JSON.parse(run.stdout) as { value: { unit: string; prices: string[]; total: { baseline: Record<string, number>; scenario: Record<string, number>; loss: Record<string, number> }; byEndUse: { endUse: string; unitValue: number; baseline: Record<string, number>; loss: Record<string, number> }[] } };
    expect(value.unit).toBe('USD/yr');
    expect(value.total.baseline.proportional).toBeCloseTo(5_100_000, 6);
    expect(value.total.scenario.proportional).toBeCloseTo(100_000, 6);
    expect(value.total.loss.proportional).toBeCloseTo(5_000_000 / 5_100_000, 12);
    expect(value.byEndUse.map((e) => e.endUse)).toEqual(['ev', 'fcc']);
    expect(value.byEndUse[0]?.unitValue).toBeCloseTo(100_000, 9);
    expect(value.byEndUse[0]?.baseline.allocation).toBeCloseTo(5_000_000, 6);
    expect(value.byEndUse[0]?.loss.maxFlow).toBeCloseTo(1, 12);
    expect(value.prices).toContain('Dy oxide: 300 USD/kg (test, 2024)');
    const text = await cli('scenario', file, '--disable', 'JP', '--weight', 'value');
    expect(text.stdout).toContain('In value, USD/yr');
    expect(text.stdout).toMatch(/\n {2}catalyst: valued at its inputs \(REO content\)\n/);
    const csv = await cli('scenario', file, '--disable', 'JP', '--weight', 'value', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('scope,end_use,unit_value_usd_per_t,maxFlow_baseline_usd,maxFlow_scenario_usd,maxFlow_loss,allocation_baseline_usd,allocation_scenario_usd,allocation_loss,proportional_baseline_usd,proportional_scenario_usd,proportional_loss,prices');
  });

  it('sweep: ranks by value lost and lists the prices', async () => {
    const run = await cli('sweep', file, '--weight', 'value', '--bound', 'proportional', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ranked by the proportional loss of value\. Baseline: .* 5,100,000 USD\/yr/);
    const csv = await cli('sweep', file, '--weight', 'value', '--format', 'csv', '--quiet');
    expect(csv.stdout.split('\n')[0]).toMatch(/,unit,prices$/);
  });

  it('a graph without prices, or a bad --weight, is a usage error (exit 2)', async () => {
    const none = await cli('sweep', unpriced, '--weight', 'value', '--quiet');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no "prices" attribute/);
    const bad = await cli('scenario', file, '--disable', 'JP', '--weight', 'euros');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--weight: expected one of tonnes, value/);
  });
});
