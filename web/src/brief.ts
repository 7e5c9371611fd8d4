/**
 * The one-page brief of a scenario: the question, the headline loss under both bounds,
 * the loss per end use, the comparison (when one is open), the new bottlenecks, the
 * caveats and the sources. Built as a small document (`briefOf`), written as Markdown
 * (`briefMarkdown`) for the download and drawn as HTML for the browser's print to PDF
 * (`views/brief.ts`), so both say the same. Pure: the date is given, not read.
 */
import { BOUND_LABELS, BOUNDS, viewOf, type Bound, type Comparison } from '../../src/scenario/compare.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { formatPercent, formatTonnes } from './format.js';

export interface BriefTable {
  header: string[];
  rows: string[][];
}

export interface BriefSection {
  heading: string;
  paragraphs: string[];
  list?: string[];
  table?: BriefTable;
}

export interface BriefDoc {
  title: string;
  subtitle: string;
  sections: BriefSection[];
}

export interface BriefInput {
  title: string;
  result: ScenarioResult;
  comparison?: Comparison | null;
  graph: { name: string; year?: number; source?: string; description?: string };
  /** The lens country's name, when the result has a lens. */
  lensName?: string;
  /** Descriptions of the presets in use (their sources). */
  presetNotes?: string[];
  date: Date;
}

const SHORT: Record<Bound, string> = { proportional: 'no rerouting', allocation: 'recipes', maxFlow: 'rerouting' };

const points = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pt`);

export function briefOf(input: BriefInput): BriefDoc {
  const { result, comparison } = input;
  const view = viewOf(result);
  const scope = result.lens ? `end uses in ${input.lensName ?? result.lens.country}` : 'all end uses';
  const date = input.date.toISOString().slice(0, 10);
  const sections: BriefSection[] = [];
  sections.push({
    heading: 'Headline',
    paragraphs: [
      `Delivered supply to ${scope} falls by ${formatPercent(view.loss.proportional)} if no buyer can switch suppliers (proportional bound) and by ${formatPercent(view.loss.maxFlow)} with perfect rerouting through spare capacity (max-flow bound): from ${formatTonnes(view.baseline.proportional)} to ${formatTonnes(view.scenario.proportional)} ${result.unit} observed flow; by ${view.loss.allocation === null ? '–' : formatPercent(view.loss.allocation)} with rerouting where every plant keeps its recipe (allocation bound).`,
    ],
  });
  sections.push({
    heading: 'What the scenario does',
    paragraphs: [],
    list: [...result.changes.map((c) => c.summary), ...result.warnings.map((w) => `warning: ${w}`)],
  });
  sections.push({
    heading: `Loss per end use (${scope})`,
    paragraphs: [],
    table: {
      header: ['end use', `baseline, ${result.unit}`, ...BOUNDS.map((b) => `loss, ${BOUND_LABELS[b]}`)],
      rows: view.byEndUse.map((u) => [u.endUse, formatTonnes(u.baseline.proportional), ...BOUNDS.map((b) => formatPercent(u.loss[b]))]),
    },
  });
  if (comparison) {
    sections.push({
      heading: 'Compared with',
      paragraphs: comparison.names.map((n, i) => `${i + 1}: ${n}`),
      table: {
        header: ['end use', ...comparison.names.flatMap((_n, i) => BOUNDS.map((b) => `${i + 1} ${SHORT[b]}`)), ...comparison.names.slice(1).map((_n, i) => `${i + 2} − 1, no rerouting`)],
        rows: comparison.rows.map((r) => [r.endUse, ...r.loss.flatMap((l) => BOUNDS.map((b) => formatPercent(l[b]))), ...r.diff.slice(1).map((d) => points(d.proportional))]),
      },
    });
  }
  const bottlenecks = result.lens ? result.lens.bottlenecks.after : result.bottlenecks.after;
  if (bottlenecks.length > 0) {
    sections.push({
      heading: 'Bottlenecks after the change',
      paragraphs: ['Knockout loss: the share of the maximum flow lost without the node.'],
      list: bottlenecks.slice(0, 5).map((b) => `${b.label} (${b.country}, ${b.stage}): ${formatPercent(b.loss)}`),
    });
  }
  sections.push({
    heading: 'Caveats',
    paragraphs: [],
    list: [
      'The truth lies between the bounds: max flow assumes every buyer can switch at once to any supplier with spare capacity; the proportional bound assumes no one can; the allocation bound reroutes through spare capacity but keeps every plant to its recipe (a realistic best case).',
      'The max-flow bound ignores recipes: it may build a product from any mix of inputs, so read its figures as optimistic.',
      'End uses are located where the final product is made, not where it is consumed.',
      `Flows are ${input.graph.year ? `the ${input.graph.year} ` : ''}data in ${result.unit}; estimates carry a low confidence in the graph file.`,
    ],
  });
  sections.push({
    heading: 'Sources',
    paragraphs: [],
    list: [`Graph: ${input.graph.name}${input.graph.source ? `. ${input.graph.source}` : ''}`, ...(input.presetNotes ?? []), `Computed by chokepoint on ${date}.`],
  });
  return { title: input.title, subtitle: `${input.graph.name} · ${scope} · ${date}`, sections };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function briefMarkdown(doc: BriefDoc): string {
  const out: string[] = [`# ${doc.title}`, '', `_${doc.subtitle}_`, ''];
  for (const s of doc.sections) {
    out.push(`## ${s.heading}`, '');
    for (const p of s.paragraphs) out.push(p, '');
    if (s.list && s.list.length > 0) out.push(...s.list.map((item) => `- ${item}`), '');
    if (s.table) {
      out.push(`| ${s.table.header.map(cell).join(' | ')} |`, `|${s.table.header.map(() => ' --- ').join('|')}|`);
      out.push(...s.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
