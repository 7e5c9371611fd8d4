/**
 * The scenario builder: export restrictions (embargo or cap) from one country, to some
 * countries (all when none is picked), on some materials (all when none is picked),
 * with a share slider for caps; the list of restrictions, plants taken offline and
 * projects brought online (each removable); the scenario's title. The form is built
 * once per graph (so a half-filled form survives redraws); the list is redrawn.
 */
import { naturalCompare } from '../../../src/scenario/natural-sort.js';
import { h } from '../dom.js';
import type { PageData } from '../page-data.js';
import { describeRestriction } from '../scenario.js';
import type { Restriction, ViewState } from '../state.js';

export interface BuilderActions {
  add: (r: Restriction) => void;
  remove: (index: number) => void;
  setShare: (index: number, share: number) => void;
  togglePlant: (node: string) => void;
  toggleProject: (node: string) => void;
  setTitle: (title: string) => void;
}

/** The materials carried by the graph's edges, in natural order. */
export function materialsOf(data: Pick<PageData, 'graph'>): string[] {
  return [...new Set(data.graph.edges.map((e) => e.attributes.material).filter((m): m is string => typeof m === 'string' && m !== ''))].sort(naturalCompare);
}

function selected(select: HTMLSelectElement): string[] {
  return [...select.selectedOptions].map((o) => o.value);
}

function buildForm(container: HTMLElement, data: PageData, actions: BuilderActions): void {
  const countryOptions = () => data.countries.map((c) => h('option', { value: c.code }, `${c.code} ${c.name}`));
  const type = h('select', { 'data-testid': 'rule-type', 'aria-label': 'restriction type' }, h('option', { value: 'embargo' }, 'embargo'), h('option', { value: 'cap' }, 'cap (quota)'));
  const from = h('select', { 'data-testid': 'rule-from', 'aria-label': 'exporting country' }, ...countryOptions());
  const to = h('select', { 'data-testid': 'rule-to', multiple: true, size: 4, 'aria-label': 'destinations (none: all)' }, ...countryOptions());
  const materials = h('select', { 'data-testid': 'rule-materials', multiple: true, size: 5, 'aria-label': 'materials (none: all)' }, ...materialsOf(data).map((m) => h('option', { value: m }, m)));
  const share = h('input', { type: 'range', min: 0, max: 100, step: 5, value: 50, 'data-testid': 'rule-share', 'aria-label': 'share of baseline flow allowed' });
  const shareText = h('output', { class: 'muted' }, '50%');
  const shareField = h('label', { class: 'field share-field' }, 'allowed share of 2024 flow ', shareText, share);
  const syncType = () => shareField.classList.toggle('hidden', type.value !== 'cap');
  share.addEventListener('input', () => (shareText.textContent = `${share.value}%`));
  type.addEventListener('change', syncType);
  syncType();
  const add = h('button', { type: 'button', 'data-testid': 'rule-add' }, 'Add restriction');
  add.addEventListener('click', () => {
    actions.add({ type: type.value === 'cap' ? 'cap' : 'embargo', from: from.value, to: selected(to), materials: selected(materials), share: Number(share.value) / 100 });
    for (const o of [...to.options, ...materials.options]) o.selected = false;
  });
  const title = h('input', { type: 'text', 'data-testid': 'scenario-name', placeholder: 'named after its actions', maxlength: 200 });
  title.addEventListener('change', () => actions.setTitle(title.value));
  container.replaceChildren(
    h('label', { class: 'field' }, 'Scenario title', title),
    h(
      'details',
      { class: 'builder', open: true },
      h('summary', {}, 'Export restriction'),
      h('label', { class: 'field' }, 'Type', type),
      h('label', { class: 'field' }, 'From', from),
      h('label', { class: 'field' }, 'To ', h('span', { class: 'muted' }, '(none picked: all)'), to),
      h('label', { class: 'field' }, 'Materials ', h('span', { class: 'muted' }, '(none picked: all)'), materials),
      shareField,
      add,
    ),
    h('ul', { class: 'rules', 'data-testid': 'rules' }),
  );
  container.dataset.graph = data.id;
}

export function renderBuilder(container: HTMLElement, data: PageData, state: ViewState, actions: BuilderActions): void {
  if (container.dataset.graph !== data.id) buildForm(container, data, actions);
  const title = container.querySelector<HTMLInputElement>('[data-testid="scenario-name"]');
  if (title && document.activeElement !== title) title.value = state.title;
  const labels = new Map(data.graph.nodes.map((n) => [n.key, n.attributes.label ?? n.key]));
  const remove = (text: string, onClick: () => void, testId: string) => {
    const button = h('button', { type: 'button', class: 'remove', 'aria-label': `remove ${text}`, 'data-testid': testId }, '×');
    button.addEventListener('click', onClick);
    return button;
  };
  const items = [
    ...state.restrictions.map((r, i) => {
      const text = describeRestriction(r);
      const parts: (HTMLElement | string)[] = [h('span', { class: 'rule-text' }, text), remove(text, () => actions.remove(i), `rule-remove-${i}`)];
      if (r.type === 'cap') {
        const slider = h('input', { type: 'range', min: 0, max: 100, step: 5, value: Math.round(r.share * 100), 'data-testid': `rule-share-${i}`, 'aria-label': `share allowed: ${text}` });
        slider.addEventListener('change', () => actions.setShare(i, Number(slider.value) / 100));
        parts.push(slider);
      }
      return h('li', { 'data-testid': `rule-${i}` }, ...parts);
    }),
    ...state.plantsOff.map((node) => h('li', {}, h('span', { class: 'rule-text' }, `${labels.get(node) ?? node} offline`), remove(`${node} offline`, () => actions.togglePlant(node), `plant-remove-${node}`))),
    ...state.plantsOn.map((node) => h('li', {}, h('span', { class: 'rule-text' }, `${labels.get(node) ?? node} online`), remove(`${node} online`, () => actions.toggleProject(node), `project-remove-${node}`))),
  ];
  container.querySelector('.rules')?.replaceChildren(...items);
}
