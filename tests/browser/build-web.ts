/** Where the built page is (`npm run build`; tests/global-setup.ts rebuilds it when stale). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = join(fileURLToPath(new URL('../../', import.meta.url)), 'dist/web');
