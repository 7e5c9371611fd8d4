/**
 * The Cytoscape instance that draws the map: made with the renderer chosen for the graph
 * (renderer.ts), and made again when a newly loaded graph wants the other one (a
 * renderer is fixed when the instance is made). Taps on a node select it; a tap on the
 * background clears the selection.
 */
import cytoscape, { type Core } from 'cytoscape';
import { MAP_STYLE } from '../cy-style.js';
import { byId } from '../dom.js';
import type { MapRenderer } from '../renderer.js';
import * as actions from '../state.js';
import type { App } from './app.js';

export function createMap(renderer: MapRenderer): Core {
  return cytoscape({
    container: byId('cy'),
    style: MAP_STYLE,
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: true,
    ...(renderer === 'webgl' ? { webgl: true } : {}),
  });
}

/** Taps on the map become selections. */
export function wireMap(app: App): void {
  const { cy } = app;
  cy.on('tap', 'node', (event) => app.update((s) => actions.selectNode(s, event.target.id() as string)));
  cy.on('tap', (event) => {
    if (event.target === cy) app.update((s) => actions.selectNode(s, null));
  });
}

/** Makes the map again with `renderer` when it has the other one (its elements are drawn anew by the next render). */
export function useRenderer(app: App, renderer: MapRenderer): void {
  if (app.renderer === renderer) return;
  app.cy.destroy();
  app.cy = createMap(renderer);
  app.renderer = renderer;
  app.store.drawnKey = '';
  wireMap(app);
}
