/** The country colours live in src/formats/palette.ts (GEXF colours use them too). */
export * from '../../src/formats/palette.js';
