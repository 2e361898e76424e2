import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import type { FormatProfile } from '../format/profile.ts';
import { buildInput } from '../format/buildInput.ts';
import { extract } from '../extract.ts';
import { buildGrammar, type GrammarOptions } from '../grammar/buildGrammar.ts';
import { buildPromptedMessages, foldSystemIntoUser, type ChatMessage } from '../prompting/buildPrompted.ts';
import type { PromptMode } from '../models/catalog.ts';
import { splitSentences, type Sentence } from '../text/splitSentences.ts';
import { mapEngineError, type EngineFailure } from './errors.ts';
import type { Generate, GenerateResult, Usage } from './backend.ts';

// A document's run, engine-free: its sentences, each one's prompt and grammar, the streamed partial parse,
// and the bookkeeping of what is waiting, running, done, failed or stopped. The app's engine (WebLLM, a
// server) and `giellm annotate` run the same code.

export interface RunOptions {
  task: TaskId;
  profile: FormatProfile;
  /** Examples for prompted models (0–5). */
  examples: number;
  /** Constrained decoding; null turns it off. */
  grammar: GrammarOptions | null;
  maxTokens: number;
}

/** What a run needs to know of the model. */
export interface RunModel {
  mode: PromptMode;
  contextWindow: number;
}

export interface SentenceRun {
  index: number;
  sentence: Sentence;
  status: 'waiting' | 'running' | 'done' | 'stopped' | 'failed';
  messages: ChatMessage[];
  raw: string;
  extraction: LocatedExtraction | null;
  error: string | null;
  /** What failed, when the engine did: a lost device ends the run and the engine with it. */
  failure?: EngineFailure;
  startedAt: number | null;
  ms: number | null;
  usage: Usage | null;
  /** How the generation ended; null until it did. */
  finishReason: GenerateResult['finishReason'] | null;
}

/** Whether a sentence's run has ended, however it ended (done, stopped or failed). */
export const runEnded = (r: Pick<SentenceRun, 'status'>) => r.status === 'done' || r.status === 'stopped' || r.status === 'failed';

// LLaMA-family tokenizers spend up to about three tokens on a Japanese character; leave room to answer.
const TOKENS_PER_CHAR = 3;

/** The model's messages for one sentence: the raw GIELLM input, or the prompted-mode instruction and examples. */
export function messagesFor(text: string, opts: RunOptions, mode: PromptMode, noSystemRole = false): ChatMessage[] {
  if (mode === 'prompted') {
    const messages = buildPromptedMessages(text, opts.task, opts.profile, opts.examples);
    return noSystemRole ? foldSystemIntoUser(messages) : messages;
  }
  return [{ role: 'user', content: buildInput(text, opts.task, opts.profile) }];
}

/** A document's sentences, each waiting with its prompt. */
export function planRuns(text: string, opts: RunOptions, mode: PromptMode, noSystemRole = false): SentenceRun[] {
  return splitSentences(text).map((sentence, index) => ({
    index,
    sentence,
    status: 'waiting',
    messages: messagesFor(sentence.text, opts, mode, noSystemRole),
    raw: '',
    extraction: null,
    error: null,
    startedAt: null,
    ms: null,
    usage: null,
    finishReason: null,
  }));
}

export interface RunHooks {
  /** A run changed (streamed text, a new status). */
  changed(run: SentenceRun): void;
  /** Whether streamed text is parsed as it comes (for a UI that shows it); the CLI needs only the end. Default true. */
  partials?: boolean;
  /**
   * Parse and report streamed text at most this often (ms; default 0, every token): a model on a CPU streams
   * ~200 tokens/s, and parsing and showing each one costs more than decoding it (bench/cpu.ts).
   */
  partialEveryMs?: number;
  /**
   * No partial before a sentence has run this long (ms; default `partialEveryMs`): a sentence done sooner
   * shows its result at once, without a flash of half an answer first (and without its rendering cost).
   */
  firstPartialAfterMs?: number;
  /** Stop was asked for: the sentences not started yet are stopped. */
  stopRequested(): boolean;
  now(): number;
}

/**
 * Runs the sentences one by one through `generate`, streaming each one's partial parse. A sentence that
 * fails (too long, an engine error) is marked and the rest go on; a lost device ends the run.
 */
export async function runSentences(runs: SentenceRun[], opts: RunOptions, model: RunModel, generate: Generate, hooks: RunHooks): Promise<void> {
  for (const run of runs) {
    if (hooks.stopRequested()) {
      run.status = 'stopped';
      continue;
    }
    const promptChars = run.messages.reduce((n, m) => n + m.content.length, 0);
    if (promptChars * TOKENS_PER_CHAR + opts.maxTokens > model.contextWindow) {
      run.status = 'failed';
      run.error = `This sentence (${run.sentence.text.length} characters) may not fit the model’s context window of ${model.contextWindow} tokens: split it or use fewer examples.`;
      hooks.changed(run);
      continue;
    }
    run.status = 'running';
    run.startedAt = hooks.now();
    hooks.changed(run);
    const parse = (raw: string, partial: boolean, truncated = false) => extract(raw, opts.task, opts.profile, run.sentence.text, partial, { truncated });
    let result: GenerateResult;
    try {
      const request = {
        messages: run.messages,
        prompt: model.mode === 'giellm' ? run.messages[0]!.content : null,
        grammar: opts.grammar ? buildGrammar(opts.task, opts.profile, run.sentence.text, opts.grammar) : null,
        maxTokens: opts.maxTokens,
        stop: opts.profile.stopStrings,
      };
      const every = hooks.partialEveryMs ?? 0;
      // The first partial waits too: the sentence has just been shown as running.
      let lastPartial = run.startedAt + (hooks.firstPartialAfterMs ?? every) - every;
      result = await generate(request, (soFar) => {
        run.raw = soFar;
        if (hooks.partials === false) return;
        const now = hooks.now();
        if (now - lastPartial < every) return;
        lastPartial = now;
        run.extraction = parse(soFar, true);
        hooks.changed(run);
      });
    } catch (e) {
      const f = mapEngineError(e);
      run.status = 'failed';
      run.error = `${f.message} ${f.nextStep}`;
      run.failure = f;
      run.ms = hooks.now() - run.startedAt;
      hooks.changed(run);
      if (f.kind === 'device-lost') {
        // The engine is gone: the sentences after this one end as stopped, not waiting for ever.
        for (const r of runs) if (r.status === 'waiting') r.status = 'stopped';
        break;
      }
      continue;
    }
    run.raw = result.text;
    // Cut at max_tokens: the last item may be cut short (東海 for 東海大), so it is dropped and marked.
    run.extraction = parse(result.text, false, result.finishReason === 'length');
    run.usage = result.usage;
    run.finishReason = result.finishReason;
    run.ms = hooks.now() - run.startedAt;
    run.status = result.finishReason === 'abort' || hooks.stopRequested() ? 'stopped' : 'done';
    hooks.changed(run);
  }
}
