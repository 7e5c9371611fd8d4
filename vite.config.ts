/**
 * Vite build of the map page: `web/` (index.html + src/) bundled into `dist/web`, which
 * the server serves. Everything is bundled (no CDN), so the page works offline.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const WEB_ROOT = fileURLToPath(new URL('./web', import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
