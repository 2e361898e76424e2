import type { Page } from '@playwright/test';

export interface Script {
  /** Output per sentence (matched by the sentence text inside the last user message). */
  outputs: Record<string, string>;
  /** Output for sentences not in `outputs`. */
  fallback: string;
  /** Milliseconds between streamed characters. */
  delayMs: number;
  /** Sentences (matched as `outputs` are) whose generation throws this message, as a failing engine would. */
  errors?: Record<string, string>;
  /** Sentences (matched as `outputs` are) whose output ends at the token limit: web-llm's `finish_reason: "length"`. */
  truncated?: string[];
  /** Distinct grammars one backend takes before the engine must make it anew (WebLLM's is GRAMMAR_BUDGET). */
  grammarBudget?: number;
}

declare global {
  interface Window {
    /** The start of each prompt the scripted backend answered, in order: tests count what ran. */
    __SCRIPTED_CALLS__?: string[];
    /** Loads, one per backend the engine made and loaded: tests count refreshes. */
    __SCRIPTED_LOADS__?: number;
  }
}

/**
 * Installs the test seam (see e2e/README.md): a backend standing in for WebLLM that streams scripted
 * outputs a character at a time. Everything else (preflight, Engine, stores, UI) is the production code.
 */
export async function installScriptedBackend(page: Page, script: Script) {
  await page.addInitScript((s: Script) => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    window.__GIELLM_TEST_BACKEND__ = () => {
      let interrupted = false;
      return {
        name: 'scripted',
        ...(s.grammarBudget !== undefined ? { grammarBudget: s.grammarBudget } : {}),
        async load(_model, onProgress) {
          window.__SCRIPTED_LOADS__ = (window.__SCRIPTED_LOADS__ ?? 0) + 1;
          for (const p of [0.25, 0.5, 1]) {
            onProgress({ progress: p, timeElapsed: 1, text: `Fetching param cache[${p * 4}/4]: ${p * 100}MB fetched. ${p * 100}% completed, 1 secs elapsed.` });
            await sleep(20);
          }
        },
        async generate(req, onText) {
          interrupted = false;
          const last = req.messages[req.messages.length - 1]!.content;
          (window.__SCRIPTED_CALLS__ ??= []).push(last.slice(0, 20));
          const failure = Object.entries(s.errors ?? {}).find(([k]) => last.startsWith(k));
          if (failure) {
            await sleep(s.delayMs);
            throw new Error(failure[1]);
          }
          const key = Object.keys(s.outputs).find((k) => last.startsWith(k));
          const full = key === undefined ? s.fallback : s.outputs[key]!;
          let out = '';
          for (const c of full) {
            if (interrupted) return { text: out, finishReason: 'abort' as const, usage: null };
            out += c;
            onText(out);
            await sleep(s.delayMs);
          }
          const cut = (s.truncated ?? []).some((k) => last.startsWith(k));
          return { text: out, finishReason: cut ? ('length' as const) : ('stop' as const), usage: { promptTokens: last.length, completionTokens: out.length, prefillTokensPerS: 500, decodeTokensPerS: 25, timeToFirstTokenS: 0.2, e2eLatencyS: 1 } };
        },
        interrupt() {
          interrupted = true;
        },
        async unload() {},
        dispose() {},
        onCrash() {},
      };
    };
  }, script);
}
