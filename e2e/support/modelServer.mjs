// A model host for e2e tests, on 127.0.0.1 only: fixture MLC model folders and libraries, plus the
// failures real hosts produce. GET /__stats lists requests (tests use their own model names, as they run in
// parallel against one server).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const PORT = Number(process.env.MODEL_SERVER_PORT ?? 4174);
// The real tiny GGUF model (../shared/models/README.md), for the CPU engine's tests.
const TINY_GGUF = process.env.GIELLM_TINY_MODEL ?? '../shared/models/giellm-tiny-char.gguf';
// The tiny model split by llama.cpp's gguf-split (the Playwright config writes it before this server starts).
const SPLIT_DIR = process.env.GGUF_SPLIT_DIR ?? 'test-results/gguf-split';

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
/** A valid WebAssembly module (magic, version, one custom section of padding) that is no model library. */
function emptyWasm(padding) {
  const name = [...Buffer.from('pad')];
  const body = [name.length, ...name];
  return Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00, ...leb(body.length + padding), ...body]), Buffer.alloc(padding)]);
}

const SHARD = Buffer.alloc(64 * 1024, 7);
const FILES = {
  'mlc-chat-config.json': JSON.stringify({
    model_type: 'llama',
    quantization: 'q4f32_1',
    vocab_size: 8,
    context_window_size: 512,
    sliding_window_size: -1,
    attention_sink_size: -1,
    prefill_chunk_size: 128,
    tokenizer_files: ['tokenizer.json'],
    conv_template: { name: 'LM', system_template: '{system_message}', system_message: '', roles: { user: '', assistant: '' }, seps: [''], role_content_sep: '', role_empty_sep: '', stop_str: [], stop_token_ids: [2], system_prefix_token_ids: [1] },
    temperature: 0,
    top_p: 1,
    repetition_penalty: 1,
    frequency_penalty: 0,
    presence_penalty: 0,
    bos_token_id: 1,
  }),
  'tokenizer.json': JSON.stringify({ version: '1.0', model: { type: 'BPE', vocab: { '<unk>': 0, '<s>': 1, '</s>': 2, a: 3 }, merges: [] } }),
  'tensor-cache.json': JSON.stringify({
    metadata: { ParamSize: 1, ParamBytes: SHARD.length, BitsPerParam: 32 },
    records: [{ dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: SHARD.length, records: [{ name: 'w', shape: [SHARD.length / 4], dtype: 'float32', format: 'f32-to-bf16', nbytes: SHARD.length, byteOffset: 0 }], md5sum: '' }],
  }),
  'params_shard_0.bin': SHARD,
};
const LIB = emptyWasm(16);
const BIG_LIB = emptyWasm(256 * 1024);
const INDEX = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>';

// A host page for the embed tests: it frames ?src=…, records what the frame says, sizes it, and sends for tests.
const HOST_PAGE = `<!doctype html><html><head><title>Host</title></head><body>
<h1>Project site</h1>
<iframe id="f" title="GIELLM" style="width:100%;height:150px;border:0"></iframe>
<script>
  const src = new URLSearchParams(location.search).get('src');
  const frame = document.getElementById('f');
  // ?sandbox=… frames the app the way a cautious host would (allow-scripts alone: an opaque origin).
  const sandbox = new URLSearchParams(location.search).get('sandbox');
  if (sandbox !== null) frame.setAttribute('sandbox', sandbox);
  frame.src = src;
  const appOrigin = new URL(src).origin;
  window.__msgs = [];
  addEventListener('message', (e) => {
    if (e.origin !== appOrigin) return;
    window.__msgs.push(e.data);
    if (e.data && e.data.type === 'giellm:resize') frame.style.height = e.data.height + 'px';
  });
  window.send = (m) => frame.contentWindow.postMessage(m, appOrigin);
</script></body></html>`;

let requests = [];
/** Bumped by POST /giellm/__deploy: the served sw.js changes, as after a new deployment. */
let deployment = 0;
let staleGone = false;
/** Downloads of each flaky URL (path and query), so parallel tests with their own URLs do not interfere. */
const flakyCounts = new Map();

const server = createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${PORT}`);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', '*');
  if (req.method === 'OPTIONS') return res.writeHead(204).end();
  if (url.pathname === '/__stats') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
  if (url.pathname === '/host.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(HOST_PAGE);
  // The production build under a sub-path, as a project site would host it (missing files: 404).
  if (url.pathname === '/giellm/__deploy') {
    deployment++;
    return res.writeHead(204).end();
  }
  // /stale/: the same build, whose chunks all 404 after POST /stale/__gone, as an old tab meets them after a
  // deployment replaced them (only the stale-chunk test uses it).
  if (url.pathname === '/stale/__gone') {
    staleGone = true;
    return res.writeHead(204).end();
  }
  if (url.pathname.startsWith('/stale/assets/') && staleGone) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  // /coi/: the same build, cross-origin isolated (COOP + COEP, as README: Threads asks of a host).
  const mount = ['/giellm/', '/stale/', '/coi/'].find((m) => url.pathname.startsWith(m));
  if (url.pathname === '/stale/') staleGone = false;
  if (mount) {
    const rel = normalize(url.pathname.slice(mount.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm' };
    readFile(join('dist', rel)).then(
      (body) => {
        const out = rel === 'sw.js' && deployment > 0 ? Buffer.concat([body, Buffer.from(`\n// deployment ${deployment}\n`)]) : body;
        const isolated = mount === '/coi/' ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
        res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...isolated }).end(out);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'),
    );
    return;
  }
  requests.push(url.pathname);

  // /models/<folder>/resolve/main/<file>
  const m = /^\/models\/([^/]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
  if (m) {
    const [, folder, file] = m;
    if (folder.startsWith('spa')) return res.writeHead(200, { 'content-type': 'text/html' }).end(INDEX);
    if (folder.startsWith('missing') || !(file in FILES)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    const body = FILES[file];
    return res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream', 'content-length': Buffer.byteLength(body) }).end(body);
  }
  // /gguf-split/<part>.gguf: the parts of the split tiny model, as written by gguf-split.
  if (url.pathname.startsWith('/gguf-split/')) {
    readFile(join(SPLIT_DIR, normalize(url.pathname.slice('/gguf-split/'.length)).replace(/^(\.\.[/\\])+/, ''))).then(
      (body) => res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'),
    );
    return;
  }
  // /gguf/<any path>.gguf: the tiny model (tests name their own paths); web-page.gguf is an SPA's index.html,
  // missing.gguf a 404.
  if (url.pathname.startsWith('/gguf/') && url.pathname.endsWith('.gguf')) {
    if (url.pathname.endsWith('/web-page.gguf')) return res.writeHead(200, { 'content-type': 'text/html' }).end(INDEX);
    if (url.pathname.endsWith('/missing.gguf')) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    readFile(TINY_GGUF).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length, etag: '"tiny-1"' });
        if (!url.pathname.includes('/slow/')) return res.end(body);
        // /gguf/slow/…: 64 KB every 100 ms (~7 s for the tiny model), for a download to be seen and cancelled.
        let at = 0;
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          res.write(body.subarray(at, (at += 64 * 1024)));
          if (at >= body.length) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
        res.on('close', () => clearInterval(timer));
      },
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end(`no tiny model at ${TINY_GGUF}`),
    );
    return;
  }
  if (url.pathname === '/libs/not-tvm.wasm') return res.writeHead(200, { 'content-type': 'application/wasm', 'content-length': LIB.length }).end(LIB);
  if (url.pathname === '/libs/text.wasm') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('this is not wasm');
  if (url.pathname === '/libs/flaky.wasm') {
    // The first two downloads of each URL break off after 64 KB; later ones complete.
    const flakyCount = (flakyCounts.get(req.url) ?? 0) + 1;
    flakyCounts.set(req.url, flakyCount);
    res.writeHead(200, { 'content-type': 'application/wasm', 'content-length': BIG_LIB.length });
    if (flakyCount <= 2) {
      res.write(BIG_LIB.subarray(0, 64 * 1024));
      // Long enough for the app's 16-byte preflight probe to get its bytes on a loaded machine (at 50 ms
      // the probe itself could lose the connection and rightly report the host unreachable).
      setTimeout(() => res.destroy(), 500);
      return;
    }
    return res.end(BIG_LIB);
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
});

server.listen(PORT, '127.0.0.1', () => console.log(`model server on http://127.0.0.1:${PORT}`));
