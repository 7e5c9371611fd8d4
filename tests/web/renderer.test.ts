import { describe, expect, it } from 'vitest';
import { AGGREGATE_THRESHOLD } from '../../web/src/aggregate.js';
import { chooseRenderer, probeWebgl } from '../../web/src/renderer.js';

/** A canvas whose WebGL2 context reports `renderer` (or has none). */
function fakeCanvas(renderer: string | null): () => HTMLCanvasElement {
  const gl = renderer === null ? null : { RENDERER: 1, getExtension: (name: string) => (name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 2 } : null), getParameter: (p: number) => (p === 2 ? renderer : 'WebKit WebGL') };
  return () => ({ getContext: () => gl }) as unknown as HTMLCanvasElement;
}

describe('map renderer', () => {
  it('uses WebGL for a big graph on hardware WebGL only', () => {
    expect(chooseRenderer(AGGREGATE_THRESHOLD + 1, 'hardware')).toBe('webgl');
    expect(chooseRenderer(AGGREGATE_THRESHOLD, 'hardware')).toBe('canvas');
    expect(chooseRenderer(10_000, 'software')).toBe('canvas');
    expect(chooseRenderer(10_000, 'none')).toBe('canvas');
    // Forced by the link: WebGL wherever a context exists, canvas always.
    expect(chooseRenderer(10, 'software', 'webgl')).toBe('webgl');
    expect(chooseRenderer(10, 'none', 'webgl')).toBe('canvas');
    expect(chooseRenderer(10_000, 'hardware', 'canvas')).toBe('canvas');
  });

  it('tells hardware from software WebGL (SwiftShader, llvmpipe) and none', () => {
    expect(probeWebgl(fakeCanvas('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)'))).toBe('hardware');
    expect(probeWebgl(fakeCanvas('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'))).toBe('software');
    expect(probeWebgl(fakeCanvas('llvmpipe (LLVM 15.0.6, 256 bits)'))).toBe('software');
    expect(probeWebgl(fakeCanvas(null))).toBe('none');
    expect(
      probeWebgl(() => {
        throw new Error('no canvas');
      }),
    ).toBe('none');
  });
});
