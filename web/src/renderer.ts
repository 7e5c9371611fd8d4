/**
 * Which Cytoscape renderer draws the map: its canvas renderer, or the same in WebGL mode
 * (`webgl: true`, experimental since cytoscape 3.31). WebGL helps where many elements
 * are drawn: a big graph (over AGGREGATE_THRESHOLD nodes), opened aggregated and
 * expanded to hundreds or thousands of nodes; it is used there only with a hardware
 * WebGL2 context. A software one (SwiftShader, llvmpipe: headless Chromium without a GPU)
 * or none falls back to canvas, so the map looks and behaves as on a small graph.
 *
 * Known limits of the WebGL mode (cytoscape.js issues, open when written): #3401 some
 * edges partly drawn on the first render of a medium graph until redrawn; #3374 every
 * arrow drawn as a triangle (the map uses triangles only); edge line styles are not
 * drawn (dashed and dotted edges: cut and inactive; they keep their colours). Small
 * graphs keep the canvas renderer, with every style. The link can force either:
 * `?renderer=canvas` (e.g. against a WebGL glitch) or `?renderer=webgl`.
 */
import { AGGREGATE_THRESHOLD } from './aggregate.js';
import type { RendererChoice } from './state.js';

export type WebglSupport = 'hardware' | 'software' | 'none';
export type MapRenderer = 'webgl' | 'canvas';

/** Renderer strings of software WebGL implementations. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** What WebGL2 this browser offers: a hardware context, a software one, or none. Probes once per call (a throwaway canvas). */
export function probeWebgl(makeCanvas: () => HTMLCanvasElement = () => document.createElement('canvas')): WebglSupport {
  let gl: WebGL2RenderingContext | null;
  try {
    gl = makeCanvas().getContext('webgl2');
  } catch {
    return 'none';
  }
  if (!gl) return 'none';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE.test(name) ? 'software' : 'hardware';
}

/**
 * The renderer for a graph of `nodes` nodes: with `auto`, WebGL for a big graph on
 * hardware WebGL, else canvas; `webgl` forces WebGL wherever a WebGL2 context exists (a
 * software one too); `canvas` forces canvas. Pure.
 */
export function chooseRenderer(nodes: number, support: WebglSupport, choice: RendererChoice = 'auto'): MapRenderer {
  if (choice === 'canvas' || support === 'none') return 'canvas';
  if (choice === 'webgl') return 'webgl';
  return nodes > AGGREGATE_THRESHOLD && support === 'hardware' ? 'webgl' : 'canvas';
}
