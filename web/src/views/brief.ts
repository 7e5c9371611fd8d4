/** The brief drawn as HTML in #brief, shown only when printing (the browser's print to PDF). */
import type { BriefDoc } from '../brief.js';
import { h } from '../dom.js';

export function renderBrief(container: Element, doc: BriefDoc): void {
  const parts: HTMLElement[] = [h('h1', {}, doc.title), h('p', { class: 'muted' }, doc.subtitle)];
  for (const s of doc.sections) {
    parts.push(h('h2', {}, s.heading), ...s.paragraphs.map((p) => h('p', {}, p)));
    if (s.list && s.list.length > 0) parts.push(h('ul', {}, ...s.list.map((item) => h('li', {}, item))));
    if (s.table) {
      parts.push(h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ...s.table.header.map((c) => h('th', {}, c)))), h('tbody', {}, ...s.table.rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c)))))));
    }
  }
  container.replaceChildren(...parts);
}
