import { createStore } from 'zustand/vanilla';
import { absoluteUrl, mapEngineError, mapLoadError, readProgress, type EngineFailure, type LoadStatus, type ModelInfo } from '../../../src/index.ts';
import { createServerBackend } from './serverBackend.ts';
import { serverKeyOf } from './serverKeys.ts';
import { planRuns, runSentences, type RunOptions, type SentenceRun } from '../../../src/engine/run.ts';
import { eachConcurrently } from '../../../src/engine/pool.ts';
import { createBackend, type LlmBackend } from './backend.ts';
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
  /** For a server model: what answered (kind, version) and how decoding is constrained there. */
  server: { kind: string; version: string | null; grammar: string } | null;
}

export type { RunOptions, SentenceRun } from '../../../src/engine/run.ts';

/**
 * The one engine for the app's life, owned outside React's render cycle (StrictMode's double effects
 * would otherwise abort loads). UI reads `engine.store` through selectors.
 */
export class Engine {
  readonly store = createStore<EngineState>(() => ({ status: 'idle', model: null, load: null, failure: null, notice: null, server: null }));
  private backend: LlmBackend | null = null;
  private loadToken = 0;
  private stopRequested = false;

  constructor(
    private readonly makeBackend: () => Promise<LlmBackend> = createBackend,
    private readonly preflight: (m: ModelInfo) => Promise<EngineFailure | null> = preflightModel,
    /** The API key of a server model, kept in this browser only. */
    private readonly serverKey: (m: ModelInfo) => string | undefined = (m) => serverKeyOf(m.id),
  ) {}

  private async ensureBackend(model: ModelInfo): Promise<LlmBackend> {
    // A server model talks to its server from the page; the others run in the WebLLM worker.
    const kind = model.server ? 'server' : 'local';
    if (this.backend && (this.backend.name === 'server') === (kind === 'server')) return this.backend;
    this.backend?.dispose();
    this.backend = null;
    const b =
      kind === 'server'
        ? createServerBackend(
            () => this.serverKey(model),
            (info, grammar) => this.store.setState({ server: { kind: info.kind, version: info.version, grammar } }),
            model.server?.concurrency,
          )
        : await this.makeBackend();
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
    this.store.setState({ status: 'loading', model, failure: null, notice: null, server: null, load: { phase: 'config', fraction: 0, mb: null, shard: null, elapsedS: 0, etaS: null } });
    try {
      const problem = model.server ? null : await this.preflight(model);
      if (token !== this.loadToken) return false;
      if (problem) {
        this.store.setState({ status: 'idle', model: null, load: null, failure: problem });
        return false;
      }
      if (model.downloadMB > 1000) await requestPersistentStorage();
      const backend = await this.ensureBackend(model);
      await backend.load(model, (p) => {
        if (token === this.loadToken) this.store.setState({ load: readProgress(p) });
      });
      if (token !== this.loadToken) return false;
      this.store.setState({ status: 'ready', load: null });
      return true;
    } catch (e) {
      if (token !== this.loadToken) return false;
      const phase = this.store.getState().load?.phase ?? 'config';
      const failure = model.server ? mapEngineError(e) : mapLoadError(e, phase, absoluteUrl(model.libUrl, globalThis.location?.origin ?? 'http://localhost'));
      this.store.setState({ status: 'idle', model: null, load: null, failure });
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
    this.store.setState({ status: 'idle', model: null, load: null, server: null });
  }

  stop() {
    this.stopRequested = true;
    this.backend?.interrupt();
  }

  /**
   * Runs the loaded model sentence by sentence, streaming each sentence's parsed result to `onUpdate`.
   * A sentence that fails (too long, an engine error) is marked and the rest go on; Stop ends the run.
   */
  async run(text: string, opts: RunOptions, onUpdate: (runs: SentenceRun[]) => void): Promise<SentenceRun[]> {
    const { backend, model } = this.startGenerating();
    const runs = planRuns(text, opts, model.mode);
    // Snapshots share every unchanged run with the previous one, so a UI can skip re-rendering them.
    let snapshot = runs.map((r) => ({ ...r }));
    const emit = (changed?: SentenceRun) => {
      snapshot = changed ? snapshot.map((r) => (r.index === changed.index ? { ...changed } : r)) : runs.map((r) => ({ ...r }));
      onUpdate(snapshot);
    };
    try {
      emit();
      await runSentences(runs, opts, model, (req, onText) => backend.generate(req, onText), { changed: emit, stopRequested: () => this.stopRequested, now: () => performance.now() });
    } finally {
      emit(); // sentences skipped after Stop or a lost device get their final state too
      this.stopGenerating();
    }
    return runs;
  }

  /**
   * Runs several documents, as many at once as the backend takes (a server's parallel slots; one for
   * WebLLM), each sentence by sentence. `onDone` hears of each document as it finishes; Stop ends them all.
   */
  async runMany(items: readonly { text: string; opts: RunOptions }[], onDone: (index: number, runs: SentenceRun[]) => void = () => undefined): Promise<SentenceRun[][]> {
    const { backend, model } = this.startGenerating();
    const results: SentenceRun[][] = [];
    try {
      await eachConcurrently(items, Math.min(backend.concurrency ?? 1, items.length), async ({ text, opts }, i) => {
        const runs = planRuns(text, opts, model.mode);
        await runSentences(runs, opts, model, (req, onText) => backend.generate(req, onText), { changed: () => undefined, partials: false, stopRequested: () => this.stopRequested, now: () => performance.now() });
        results[i] = runs;
        onDone(i, runs);
      });
    } finally {
      this.stopGenerating();
    }
    return results;
  }

  /** The loaded model and its backend, now generating; throws when nothing is loaded. */
  private startGenerating(): { backend: LlmBackend; model: ModelInfo } {
    const state = this.store.getState();
    const backend = this.backend;
    if (state.status !== 'ready' || !state.model || !backend) throw new Error('Load a model first.');
    this.stopRequested = false;
    this.store.setState({ status: 'generating' });
    return { backend, model: state.model };
  }

  private stopGenerating() {
    if (this.store.getState().status === 'generating') this.store.setState({ status: 'ready' });
  }

  /** How many documents a batch should hand over at once. */
  get concurrency(): number {
    return this.backend?.concurrency ?? 1;
  }
}

/** The app's engine. Created on import, but its worker and web-llm load only with the first model. */
export const engine = new Engine();
