/**
 * The map's one stylesheet, keyed on element data (`color`, `size`, `width`, `label`)
 * and classes set by `elements.ts`:
 * - `inactive`: planned/prospective nodes not activated (grey, dashed), and their edges;
 * - `disabled`: nodes the scenario takes offline (hollow, dotted border in the country's
 *   colour); `cut`: edges it cuts or caps, or that touch an offline node;
 * - `min-cut`: members of the minimum cut (thick black border / line);
 * - `bottleneck`: the top nodes by knockout loss (yellow halo);
 * - `dimmed`: everything but the selected node's neighbourhood;
 * - `stage-header`: the stage names above the columns (text only, not clickable).
 */
import type { StylesheetJson } from 'cytoscape';

export const MAP_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 13.5,
      color: '#1b1f24',
      'text-valign': 'center',
      'text-halign': 'right',
      'text-margin-x': 4,
      'text-wrap': 'wrap',
      'text-max-width': '125px',
      'line-height': 1.1,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      'border-width': 1,
      'border-color': '#2b2f33',
    },
  },
  // Mappings only where the data is there (the stage headers have no colour or size):
  // Cytoscape warns about a mapping on an element without the data field.
  { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
  { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node[label]', style: { label: 'data(label)' } },
  {
    selector: 'node.stage-header',
    style: {
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-margin-x': 0,
      'font-size': 17,
      'font-weight': 'bold',
      'text-transform': 'uppercase',
      color: '#4a5560',
      'text-background-opacity': 0,
      events: 'no',
    },
  },
  {
    selector: 'node.inactive',
    style: {
      'background-color': '#d9d9d9',
      'border-style': 'dashed',
      'border-width': 2,
      'border-color': '#7a7a7a',
      color: '#666666',
    },
  },
  {
    selector: 'node.bottleneck',
    style: { 'underlay-color': '#ffc400', 'underlay-opacity': 0.55, 'underlay-padding': 7, 'underlay-shape': 'ellipse' },
  },
  {
    selector: 'node.min-cut',
    style: { 'border-width': 4, 'border-color': '#000000', 'border-style': 'double' },
  },
  {
    selector: 'node.disabled',
    style: { 'background-color': '#ffffff', 'border-color': 'data(color)', 'border-style': 'dotted', 'border-width': 3, color: '#8a8a8a' },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#0a66ff', 'border-style': 'solid' },
  },
  {
    selector: 'edge[width]',
    style: { width: 'data(width)' },
  },
  {
    selector: 'edge',
    style: {
      'line-color': '#8d99a6',
      'target-arrow-color': '#8d99a6',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      opacity: 0.6,
    },
  },
  {
    selector: 'edge.inactive',
    style: { 'line-style': 'dashed', 'line-color': '#c4c4c4', 'target-arrow-color': '#c4c4c4' },
  },
  {
    selector: 'edge.min-cut',
    style: { 'line-color': '#000000', 'target-arrow-color': '#000000', opacity: 1 },
  },
  {
    selector: 'edge.cut',
    style: { 'line-style': 'dotted', 'line-color': '#e8590c', 'target-arrow-color': '#e8590c', opacity: 0.55 },
  },
  {
    selector: '.dimmed',
    style: { opacity: 0.15 },
  },
];
