import { createStore } from 'zustand/vanilla';
import {
  buildGrammar,
  buildInput,
  buildPromptedMessages,
  extract,
  absoluteUrl,
  mapEngineError,
  mapLoadError,
  readProgress,
  splitSentences,
  type ChatMessage,
  type EngineFailure,
  type FormatProfile,
  type GrammarOptions,
  type LoadStatus,
  type LocatedExtraction,
  type ModelInfo,
  type Sentence,
  type TaskId,
} from '../../../src/index.ts';
import { createBackend, type GenerateResult, type LlmBackend, type Usage } from './backend.ts';
import { requestPersistentStorage } from './capabilities.ts';
import { preflightModel } from './preflight.ts';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'generating';

export interface EngineState {
  status: EngineStatus;
  model: ModelInfo | null;
  load: LoadStatus | null;
  failure: EngineFailure | null;
  /** A one-line notice for the user (e.g. the engine restarted). */
  notice: string | null;
}

export interface RunOptions {
  task: TaskId;
  profile: FormatProfile;
  /** Examples for prompted models (0–5). */
  examples: number;
  /** Constrained decoding; null turns it off. */
  grammar: GrammarOptions | null;
  maxTokens: number;
}

export interface SentenceRun {
  index: number;
  sentence: Sentence;
  status: 'waiting' | 'running' | 'done' | 'stopped' | 'failed';
  messages: ChatMessage[];
  raw: string;
  extraction: LocatedExtraction | null;
  error: string | null;
  startedAt: number | null;
  ms: number | null;
  usage: Usage | null;
}

// LLaMA-family tokenizers spend up to about three tokens on a Japanese character; leave room to answer.
const TOKENS_PER_CHAR = 3;

/**
 * The one engine for the app's life, owned outside React's render cycle (StrictMode's double effects
 * would otherwise abort loads). UI reads `engine.store` through selectors.
 */
export class Engine {
  readonly store = createStore<EngineState>(() => ({ status: 'idle', model: null, load: null, failure: null, notice: null }));
  private backend: LlmBackend | null = null;
  private loadToken = 0;
  private stopRequested = false;

  constructor(
    private readonly makeBackend: () => Promise<LlmBackend> = createBackend,
    private readonly preflight: (m: ModelInfo) => Promise<EngineFailure | null> = preflightModel,
  ) {}

  private async ensureBackend(): Promise<LlmBackend> {
    if (this.backend) return this.backend;
    const b = await this.makeBackend();
    b.onCrash((reason) => {
      if (this.backend !== b) return;
      this.backend = null;
      b.dispose();
      this.store.setState({
        status: 'idle',
        model: null,
        load: null,
        failure: { kind: 'worker-crashed', params: { reason: String(reason) }, message: 'The engine stopped unexpectedly and was restarted.', nextStep: `Load the model again. (${reason})` },
      });
    });
    this.backend = b;
    return b;
  }

  async loadModel(model: ModelInfo): Promise<boolean> {
    const token = ++this.loadToken;
    this.store.setState({ status: 'loading', model, failure: null, notice: null, load: { phase: 'config', fraction: 0, mb: null, shard: null, elapsedS: 0, etaS: null } });
    try {
      const problem = await this.preflight(model);
      if (token !== this.loadToken) return false;
      if (problem) {
        this.store.setState({ status: 'idle', model: null, load: null, failure: problem });
        return false;
      }
      if (model.downloadMB > 1000) await requestPersistentStorage();
      const backend = await this.ensureBackend();
      await backend.load(model, (p) => {
        if (token === this.loadToken) this.store.setState({ load: readProgress(p) });
      });
      if (token !== this.loadToken) return false;
      this.store.setState({ status: 'ready', load: null });
      return true;
    } catch (e) {
      if (token !== this.loadToken) return false;
      const phase = this.store.getState().load?.phase ?? 'config';
      this.store.setState({ status: 'idle', model: null, load: null, failure: mapLoadError(e, phase, absoluteUrl(model.libUrl, globalThis.location?.origin ?? 'http://localhost')) });
      return false;
    }
  }

  /** Stops a download: the worker goes, what was cached stays, a retry resumes from there. */
  cancelLoad() {
    this.loadToken++;
    this.backend?.dispose();
    this.backend = null;
    this.store.setState({ status: 'idle', model: null, load: null, notice: 'Download cancelled. Files already downloaded are kept.' });
  }

  async unload() {
    this.loadToken++;
    await this.backend?.unload().catch(() => undefined);
    this.store.setState({ status: 'idle', model: null, load: null });
  }

  stop() {
    this.stopRequested = true;
    this.backend?.interrupt();
  }

  messagesFor(text: string, opts: RunOptions): ChatMessage[] {
    const model = this.store.getState().model;
    if (model?.mode === 'prompted') return buildPromptedMessages(text, opts.task, opts.profile, opts.examples);
    return [{ role: 'user', content: buildInput(text, opts.task, opts.profile) }];
  }

  /**
   * Runs the loaded model sentence by sentence, streaming each sentence's parsed result to `onUpdate`.
   * A sentence that fails (too long, an engine error) is marked and the rest go on; Stop ends the run.
   */
  async run(text: string, opts: RunOptions, onUpdate: (runs: SentenceRun[]) => void): Promise<SentenceRun[]> {
    const state = this.store.getState();
    const backend = this.backend;
    if (state.status !== 'ready' || !state.model || !backend) throw new Error('Load a model first.');
    const model = state.model;
    this.stopRequested = false;
    const runs: SentenceRun[] = splitSentences(text).map((sentence, index) => ({
      index,
      sentence,
      status: 'waiting',
      messages: this.messagesFor(sentence.text, opts),
      raw: '',
      extraction: null,
      error: null,
      startedAt: null,
      ms: null,
      usage: null,
    }));
    // Snapshots share every unchanged run with the previous one, so a UI can skip re-rendering them.
    let snapshot = runs.map((r) => ({ ...r }));
    const emit = (changed?: SentenceRun) => {
      snapshot = changed ? snapshot.map((r) => (r.index === changed.index ? { ...changed } : r)) : runs.map((r) => ({ ...r }));
      onUpdate(snapshot);
    };
    emit();
    this.store.setState({ status: 'generating' });
    try {
      for (const run of runs) {
        if (this.stopRequested) {
          run.status = 'stopped';
          continue;
        }
        const promptChars = run.messages.reduce((n, m) => n + m.content.length, 0);
        if (promptChars * TOKENS_PER_CHAR + opts.maxTokens > model.contextWindow) {
          run.status = 'failed';
          run.error = `This sentence (${run.sentence.text.length} characters) may not fit the model’s context window of ${model.contextWindow} tokens: split it or use fewer examples.`;
          emit(run);
          continue;
        }
        run.status = 'running';
        run.startedAt = performance.now();
        emit(run);
        const parse = (raw: string, partial: boolean, truncated = false) => extract(raw, opts.task, opts.profile, run.sentence.text, partial, { truncated });
        let result: GenerateResult;
        try {
          result = await backend.generate(
            { messages: run.messages, grammar: opts.grammar ? buildGrammar(opts.task, opts.profile, run.sentence.text, opts.grammar) : null, maxTokens: opts.maxTokens },
            (soFar) => {
              run.raw = soFar;
              run.extraction = parse(soFar, true);
              emit(run);
            },
          );
        } catch (e) {
          const f = mapEngineError(e);
          run.status = 'failed';
          run.error = `${f.message} ${f.nextStep}`;
          run.ms = performance.now() - run.startedAt;
          emit(run);
          if (f.kind === 'device-lost') break;
          continue;
        }
        run.raw = result.text;
        // Cut at max_tokens: the last item may be cut short (東海 for 東海大), so it is dropped and marked.
        run.extraction = parse(result.text, false, result.finishReason === 'length');
        run.usage = result.usage;
        run.ms = performance.now() - run.startedAt;
        run.status = result.finishReason === 'abort' || this.stopRequested ? 'stopped' : 'done';
        emit(run);
      }
    } finally {
      emit(); // sentences skipped after Stop or a lost device get their final state too
      if (this.store.getState().status === 'generating') this.store.setState({ status: 'ready' });
    }
    return runs;
  }
}

/** The app's engine. Created on import, but its worker and web-llm load only with the first model. */
export const engine = new Engine();
