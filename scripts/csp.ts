// The Content-Security-Policy the built app ships with (a <meta> tag; see README: Security).
// connect-src: this origin, the model hosts of the catalog, and GIELLM_MODEL_HOSTS (space-separated) for
// self-hosted models on another host. frame-ancestors cannot be set in a <meta>: send it as a header.
import { CATALOG_MODEL_HOSTS, LOOPBACK_HOSTS } from '../src/models/hosts.ts';

export { CATALOG_MODEL_HOSTS, LOOPBACK_HOSTS };

/**
 * An inference server on this machine (llama-server, vLLM, Ollama on their usual ports, or any other): the
 * page may connect to loopback on any port, so a local server works in every build. Other hosts are named
 * at build time (GIELLM_MODEL_HOSTS). The cost: a page of this origin may reach local services; each still
 * decides by CORS whom it answers (llama-server answers any origin unless started with --cors-origins, its
 * common/arg.cpp; Ollama only the origins in OLLAMA_ORIGINS).
 */
export function contentSecurityPolicy(extraHosts: string, workers: 'page' | 'cpu-engine' = 'page'): string {
  const hosts = [...CATALOG_MODEL_HOSTS, ...LOOPBACK_HOSTS, ...extraHosts.split(/\s+/).filter(Boolean)];
  return [
    "default-src 'self'",
    // WebLLM and wllama compile WebAssembly (tokenizers, XGrammar, model libraries, llama.cpp): nothing else runs but our own scripts.
    "script-src 'self' 'wasm-unsafe-eval'",
    // The CPU engine's worker alone may start workers from blob: URLs, as wllama makes llama.cpp's (its
    // utils.ts createWorker); the page may not.
    workers === 'cpu-engine' ? "worker-src 'self' blob:" : "worker-src 'self'",
    `connect-src 'self' ${hosts.join(' ')}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The CPU engine's worker script, as the build names it (app/shared/engine/wllamaWorker.ts → assets/wllamaWorker-<hash>.js). */
export const CPU_ENGINE_WORKER = /\/assets\/wllamaWorker-[\w-]+\.js$/;

/** The policy a host sends with a path: the CPU engine's worker script gets its own, everything else the page's. */
export const policyForPath = (path: string, extraHosts: string) => contentSecurityPolicy(extraHosts, CPU_ENGINE_WORKER.test(path.replace(/[?#].*$/, '')) ? 'cpu-engine' : 'page');
