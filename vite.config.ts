import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './scripts/csp.ts';

// Only the build gets the CSP: the dev server's hot reload needs inline scripts.
const csp = (): Plugin => ({
  name: 'giellm-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(process.env.GIELLM_MODEL_HOSTS ?? '')}" />`),
});

// `base` is configurable so the static build can live under a project site's sub-path (e.g. /giellm/).
export default defineConfig({
  base: process.env.GIELLM_BASE ?? './',
  plugins: [react(), tailwindcss(), csp()],
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
