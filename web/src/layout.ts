/** The stage-column layout lives in src/formats/stage-layout.ts (GEXF positions use it too). */
export * from '../../src/formats/stage-layout.js';
