import { defineConfig } from '@playwright/test';

// Debian's chromium (apt), never a downloaded browser: these machines reach no browser CDN.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4173);
const MODEL_PORT = Number(process.env.MODEL_SERVER_PORT ?? 4174);
const LLAMA_PORT = Number(process.env.LLAMA_SERVER_PORT ?? 4190);
const TINY_MODEL = process.env.GIELLM_TINY_MODEL ?? '../shared/models/giellm-tiny-char.gguf';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // Tests read English labels; one test checks the Japanese UI with a ja-JP browser.
    locale: 'en-US',
    // The closed network refuses Chromium's background connections; keep it from trying.
    launchOptions: { executablePath: CHROMIUM, args: ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // Headless Chromium without the flag: navigator.gpu exists but no adapter is offered.
    { name: 'no-adapter', testIgnore: /webgpu\// },
    // With --enable-unsafe-webgpu: SwiftShader's CPU adapter, without shader-f16.
    { name: 'webgpu', testMatch: /webgpu\/.*\.spec\.ts/, use: { launchOptions: { executablePath: CHROMIUM, args: [...ARGS, '--enable-unsafe-webgpu'] } } },
  ],
  webServer: [
    {
      // The production build, as users get it (`npm run build` runs before the e2e step).
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The tiny model split in parts by llama.cpp's own gguf-split first, for the CPU engine's split-model test.
      command: `mkdir -p test-results/gguf-split && bash scripts/llama-server.sh split ${TINY_MODEL} test-results/gguf-split/giellm-tiny-char 16 >/dev/null && node e2e/support/modelServer.mjs`,
      url: `http://127.0.0.1:${MODEL_PORT}/__stats`,
      env: { MODEL_SERVER_PORT: String(MODEL_PORT) },
      reuseExistingServer: !process.env.CI,
    },
    {
      // A real llama-server with the tiny GIELLM model, one thread (the browsers share the 2 cores).
      command: `bash scripts/llama-server.sh ${LLAMA_PORT} ${TINY_MODEL} 1`,
      env: { LLAMA_FOREGROUND: '1' },
      url: `http://127.0.0.1:${LLAMA_PORT}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 1_200_000,
    },
  ],
});
