import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, SHARED_DATA_DIR } from './sharedData.ts';

// A real llama-server running the tiny GIELLM model (../shared/models/giellm-tiny-char.gguf), started by
// the tests through the same script people use (scripts/llama-server.sh builds it when missing).

export const TINY_MODEL = process.env.GIELLM_TINY_MODEL ?? join(SHARED_DATA_DIR, '..', 'models', 'giellm-tiny-char.gguf');

export interface RunningServer {
  url: string;
  pid: number;
  stop(): void;
}

/** Starts llama-server on 127.0.0.1:`port` with one thread (browsers and vitest share 2 cores here). */
export function startLlamaServer(port: number, threads = 1): RunningServer {
  const pid = Number(execFileSync('bash', [join(REPO_ROOT, 'scripts', 'llama-server.sh'), String(port), TINY_MODEL, String(threads)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    stop: () => {
      try {
        process.kill(pid);
      } catch {
        // Already gone.
      }
    },
  };
}
