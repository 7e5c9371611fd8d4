/**
 * The map as a PNG to take away: the whole graph (not the current zoom, and without the
 * selection's fading), under a header with the scenario's title, the graph, the scope
 * and the date, above a legend of the country colours and the map's symbols. Drawn on
 * a canvas from Cytoscape's own PNG of the graph.
 */
import type { Core } from 'cytoscape';

export interface PngLegend {
  countries: { code: string; name: string; color: string }[];
  keys: string[];
}

export interface PngInput {
  title: string;
  subtitle: string;
  legend: PngLegend;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Cytoscape's PNG of the whole graph, taken with the selection's fading removed. */
function fullMap(cy: Core, scale: number): Blob {
  const dimmed = cy.elements('.dimmed');
  const selected = cy.elements(':selected');
  dimmed.removeClass('dimmed');
  selected.unselect();
  try {
    return cy.png({ output: 'blob', full: true, scale, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 });
  } finally {
    dimmed.addClass('dimmed');
    selected.select();
  }
}

export async function mapPng(cy: Core, input: PngInput): Promise<Blob> {
  const scale = 2;
  const map = await createImageBitmap(fullMap(cy, scale));
  const pad = 16 * scale;
  const width = Math.max(map.width + 2 * pad, 900 * scale);
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  // Legend layout: country chips then keys, wrapped to the width.
  measure.font = `${13 * scale}px ${FONT}`;
  const chips = [...input.legend.countries.map((c) => ({ color: c.color as string | null, text: `${c.code} ${c.name}` })), ...input.legend.keys.map((k) => ({ color: null, text: k }))];
  const lineHeight = 20 * scale;
  const placed: { x: number; y: number; color: string | null; text: string }[] = [];
  let x = pad;
  let y = 0;
  for (const chip of chips) {
    const w = measure.measureText(chip.text).width + (chip.color ? 18 * scale : 0) + 16 * scale;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += lineHeight;
    }
    placed.push({ x, y, ...chip });
    x += w;
  }
  const header = 70 * scale;
  const legendTop = header + map.height + pad;
  const height = legendTop + y + lineHeight + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#1b1f24';
  g.font = `bold ${22 * scale}px ${FONT}`;
  g.textBaseline = 'top';
  g.fillText(input.title, pad, 14 * scale, width - 2 * pad);
  g.font = `${13 * scale}px ${FONT}`;
  g.fillStyle = '#5f6b76';
  g.fillText(input.subtitle, pad, 46 * scale, width - 2 * pad);
  g.drawImage(map, Math.round((width - map.width) / 2), header);
  g.strokeStyle = '#d8dee4';
  g.beginPath();
  g.moveTo(pad, legendTop - pad / 2);
  g.lineTo(width - pad, legendTop - pad / 2);
  g.stroke();
  g.font = `${13 * scale}px ${FONT}`;
  g.textBaseline = 'middle';
  for (const chip of placed) {
    const cy0 = legendTop + chip.y + lineHeight / 2;
    let tx = chip.x;
    if (chip.color) {
      g.fillStyle = chip.color;
      g.beginPath();
      g.arc(chip.x + 6 * scale, cy0, 6 * scale, 0, 2 * Math.PI);
      g.fill();
      tx += 18 * scale;
    }
    g.fillStyle = '#1b1f24';
    g.fillText(chip.text, tx, cy0);
  }
  map.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
