import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, policyForPath } from './scripts/csp.ts';

// Only the build gets the CSP: the dev server's hot reload needs inline scripts.
const csp = (): Plugin => ({
  name: 'giellm-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(process.env.GIELLM_MODEL_HOSTS ?? '')}" />`),
});

// The preview server (and so the e2e suite) sends the CSP as a header too, as README's Hosting asks of a host: a
// <meta> CSP does not reach the engine workers; the header on each worker script does (the CPU engine's has its own).
const cspHeaders = (): Plugin => ({
  name: 'giellm-csp-headers',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', policyForPath(req.url ?? '/', process.env.GIELLM_MODEL_HOSTS ?? ''));
      next();
    });
  },
});

// `base` is configurable so the static build can live under a project site's sub-path (e.g. /giellm/).
export default defineConfig({
  define: { 'import.meta.env.VITE_GIELLM_MODEL_HOSTS': JSON.stringify(process.env.GIELLM_MODEL_HOSTS ?? '') },
  base: process.env.GIELLM_BASE ?? './',
  plugins: [
    react(),
    tailwindcss(),
    csp(),
    cspHeaders(),
    VitePWA({
      // A new version waits for the user's OK (the app shows an update prompt).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'GIELLM Web — Japanese information extraction',
        short_name: 'GIELLM',
        description: 'Run GIELLM in the browser: categories, entities, relations and events from Japanese text.',
        lang: 'ja',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#4338ca',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell, samples and web-llm's code (its chunk and worker, ~6 MB each) so a downloaded model
        // loads offline. Never model weights: WebLLM keeps those in its own cache, once.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['models/**'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // Only app routes get the app shell: model folders must 404 when missing (index.html would poison
        // WebLLM's cache), and so must any file (a name with an extension other than .html: /x.wasm, /weights/a.bin).
        navigateFallbackDenylist: [/\/models\//, /\/[^/]+\.(?!html?$)[^/.]+$/i],
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // The CPU engine's 10 MB WebAssembly is kept when first used, not precached: a visit that never picks a
        // GGUF model never downloads it. Asset names carry a content hash, so the cached copy never goes stale.
        runtimeCaching: [{ urlPattern: /\/assets\/wllama-[\w-]+\.wasm$/, handler: 'CacheFirst', options: { cacheName: 'giellm-cpu-engine', expiration: { maxEntries: 2 } } }],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
