import { createStore } from 'zustand/vanilla';
import { absoluteUrl, engineOf, mapEngineError, mapLoadError, mapWllamaError, readProgress, type EngineFailure, type EngineKind, type LoadStatus, type ModelInfo } from '../../../src/index.ts';
import { createServerBackend } from './serverBackend.ts';
import { serverKeyOf } from './serverKeys.ts';
import { planRuns, runSentences, type RunOptions, type SentenceRun } from '../../../src/engine/run.ts';
import { eachConcurrently } from '../../../src/engine/pool.ts';
import { createBackend, type LlmBackend } from './backend.ts';
import type { Generate } from './llmBackend.ts';
import { requestPersistentStorage } from './capabilities.ts';
import { appBase } from '../appBase.ts';
import { cacheInfo } from './modelCache.ts';
import { preflightModel } from './preflight.ts';
import type { WllamaLoaded } from './wllamaProtocol.ts';
import { grammarLedger, type GrammarLedger } from '../../../src/engine/grammarBudget.ts';
import { BackendGone, GENERATE_STALL_MS, LOAD_STALL_MS, STOP_GRACE_MS, lifeline, watchdog, type Lifeline } from '../../../src/engine/watchdog.ts';

/** A second run while one is going: said as such, never as "Load a model first". */
export class EngineBusyError extends Error {
  constructor() {
    super('The model is busy with another run: wait for it to finish, or stop it.');
    this.name = 'EngineBusyError';
  }
}

/** How often a run's streamed text is parsed and shown: ten times a second, reading speed (bench/cpu.ts). */
export const STREAM_EVERY_MS = 100;
/**
 * A sentence's first partial comes after this many intervals (250 ms): one finished sooner (a small model
 * on a CPU takes ~0.2 s a sentence) goes from running to its result, not through a half-answer first.
 */
const FIRST_PARTIAL_AFTER = 2.5;

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'generating';

/**
 * A one-line notice: a cancelled download, a Stop the engine did not answer (both leave it idle), or a
 * long batch's engine being made anew to free grammar memory (it goes on by itself).
 */
export type EngineNotice = 'cancelled' | 'stop-restarted' | 'grammar-refresh';

/** The backend a run is using: a grammar refresh puts a new one in its place mid-run. */
interface Live {
  backend: LlmBackend;
  life: Lifeline;
}

export interface EngineState {
  status: EngineStatus;
  model: ModelInfo | null;
  load: LoadStatus | null;
  failure: EngineFailure | null;
  /** A one-line notice for the user, by code (its words are in the catalogs under `models.notice`). */
  notice: EngineNotice | null;
  /** For a server model: what answered (kind, version) and how decoding is constrained there. */
  server: { kind: string; version: string | null; grammar: string } | null;
  /** For a CPU (wllama) model: how it runs here. */
  cpu: WllamaLoaded | null;
  /** Whether the browser keeps this site's storage under pressure, asked before a large download; null: not asked. */
  storagePersisted: boolean | null;
}

export type { RunOptions, SentenceRun } from '../../../src/engine/run.ts';
export { runEnded } from '../../../src/engine/run.ts';

/**
 * The one engine for the app's life, owned outside React's render cycle (StrictMode's double effects
 * would otherwise abort loads). UI reads `engine.store` through selectors.
 */
export class Engine {
  readonly store = createStore<EngineState>(() => ({ status: 'idle', model: null, load: null, failure: null, notice: null, server: null, cpu: null, storagePersisted: null }));
  private backend: LlmBackend | null = null;
  private backendKind: EngineKind | null = null;
  /** Ends every pending call on `backend` when it crashes, stalls or ignores Stop. */
  private life: Lifeline | null = null;
  private loadToken = 0;
  private stopRequested = false;
  /** Runs started so far: tells a Stop's grace timer whether the run it was meant for is still the one going. */
  private runs = 0;
  /** The distinct grammars the current backend has taken (its `grammarBudget` bounds them). */
  private grammars: GrammarLedger = grammarLedger(undefined);
  /** Backends made anew mid-run to free grammar memory, since the engine was created (for tests and the bench). */
  refreshes = 0;

  constructor(
    private readonly makeBackend: (kind: Exclude<EngineKind, 'server'>, onCpuInfo: (info: WllamaLoaded) => void) => Promise<LlmBackend> = createBackend,
    private readonly preflight: (m: ModelInfo) => Promise<EngineFailure | null> = preflightModel,
    /** The API key of a server model, kept in this browser only. */
    private readonly serverKey: (m: ModelInfo) => string | undefined = (m) => serverKeyOf(m.id),
    /** How often streamed text is parsed and reported (tests see every token with 0). */
    private readonly streamEveryMs = STREAM_EVERY_MS,
  ) {}

  private async ensureBackend(model: ModelInfo): Promise<LlmBackend> {
    // A server model talks to its server from the page; the others run in their engine's worker.
    const kind = engineOf(model);
    if (this.backend && this.backendKind === kind) return this.backend;
    this.backend?.dispose();
    this.backend = null;
    return this.newBackend(model);
  }

  private async newBackend(model: ModelInfo): Promise<LlmBackend> {
    const kind = engineOf(model);
    const b =
      kind === 'server'
        ? createServerBackend(
            () => this.serverKey(model),
            (info, grammar) => this.store.setState({ server: { kind: info.kind, version: info.version, grammar } }),
            model.server?.concurrency,
          )
        : await this.makeBackend(kind, (cpu) => this.store.setState({ cpu }));
    this.backendKind = kind;
    b.onCrash((reason) => {
      if (this.backend !== b) return;
      this.retire('crashed', String(reason), { kind: 'worker-crashed', params: { reason: String(reason) }, message: 'The engine stopped unexpectedly and was restarted.', nextStep: `Load the model again. (${reason})` });
    });
    this.backend = b;
    this.life = lifeline();
    this.grammars = grammarLedger(b.grammarBudget);
    return b;
  }

  /** Loads `model` into `backend`, failing when it goes or makes no progress for LOAD_STALL_MS. */
  private async loadWatched(backend: LlmBackend, life: Lifeline, model: ModelInfo, onProgress: Parameters<LlmBackend['load']>[1]): Promise<void> {
    const dog = watchdog(LOAD_STALL_MS, () =>
      this.retire('stalled', `no progress for ${LOAD_STALL_MS / 1000} s`, { kind: 'worker-crashed', code: 'load-stalled', params: { seconds: String(LOAD_STALL_MS / 1000) }, message: `Loading made no progress for ${LOAD_STALL_MS / 1000} s and was stopped.`, nextStep: 'Retry: files already downloaded are kept.' }),
    );
    try {
      await life.guard(
        backend.load(model, (p) => {
          dog.poke();
          onProgress(p);
        }),
      );
    } finally {
      dog.stop();
    }
  }

  /** The share of a WebLLM model's weights already in the cache: a download that broke off resumes from there. */
  private async cachedShare(model: ModelInfo): Promise<number> {
    const info = await cacheInfo(model).catch(() => null);
    return info?.expectedBytes ? (info.cachedWeightBytes ?? 0) / info.expectedBytes : 0;
  }

  /** What a failed load tells the user, in its engine's words. */
  private loadFailure(model: ModelInfo, e: unknown): EngineFailure {
    const kind = engineOf(model);
    const phase = this.store.getState().load?.phase ?? 'config';
    return kind === 'server' ? mapEngineError(e) : kind === 'wllama' ? mapWllamaError(e) : mapLoadError(e, phase, absoluteUrl(model.libUrl, appBase()));
  }

  /**
   * Between two sentences of a run: a backend whose grammar budget is spent is disposed and a new one loads
   * the same model (from the browser's cache), so a batch of any length keeps within its memory.
   */
  private async refresh(live: Live, model: ModelInfo): Promise<void> {
    const old = live.life;
    this.store.setState({ notice: 'grammar-refresh' });
    this.backend?.dispose();
    this.backend = null;
    this.life = null;
    try {
      const b = await this.newBackend(model);
      await this.loadWatched(b, this.life!, model, () => undefined);
    } catch (e) {
      const failure = e instanceof BackendGone ? this.store.getState().failure : this.loadFailure(model, e);
      const gone = new BackendGone('crashed', 'the engine could not be made anew');
      old.end(gone);
      if (this.backend) this.retire('crashed', gone.message, failure);
      else this.store.setState({ status: 'idle', model: null, load: null, failure, notice: null });
      throw gone;
    }
    this.refreshes++;
    live.backend = this.backend!;
    live.life = this.life!;
    if (this.store.getState().notice === 'grammar-refresh') this.store.setState({ notice: null });
  }

  /** A run's generate: each request through the live backend, made anew first when the grammar would overflow it. */
  private runGenerate(live: Live, model: ModelInfo): Generate {
    return async (req, onText) => {
      if (req.grammar !== null && this.grammars.wouldExceed(req.grammar)) {
        await this.refresh(live, model);
        if (this.stopRequested) return { text: '', finishReason: 'abort', usage: null };
      }
      if (req.grammar !== null) this.grammars.take(req.grammar);
      return this.guardedGenerate(live.backend, live.life)(req, onText);
    };
  }

  /**
   * Gives up on the backend: every call still waiting on it fails at once, its worker is terminated (the
   * next load makes a new one), and the user is told why. Never leaves the page waiting on a dead worker.
   */
  private retire(reason: BackendGone['reason'], detail: string, failure: EngineFailure | null, notice: EngineNotice | null = null) {
    const b = this.backend;
    this.life?.end(new BackendGone(reason, detail));
    this.backend = null;
    this.life = null;
    this.loadToken++;
    b?.dispose();
    this.store.setState({ status: 'idle', model: null, load: null, failure, notice });
  }

  /** One generation, failing at once when the backend goes, and the backend retired when it stalls. */
  private guardedGenerate(backend: LlmBackend, life: Lifeline): Generate {
    return (req, onText) => {
      const dog = watchdog(GENERATE_STALL_MS, () =>
        this.retire('stalled', `no token for ${GENERATE_STALL_MS / 1000} s`, { kind: 'worker-crashed', code: 'generate-stalled', params: { seconds: String(GENERATE_STALL_MS / 1000) }, message: `The engine produced nothing for ${GENERATE_STALL_MS / 1000} s and was restarted.`, nextStep: 'Load the model again; if it happens again, pick a smaller model.' }),
      );
      return life
        .guard(
          backend.generate(req, (t) => {
            dog.poke();
            onText(t);
          }),
        )
        .finally(() => dog.stop());
    };
  }

  async loadModel(model: ModelInfo): Promise<boolean> {
    const token = ++this.loadToken;
    const engineKind = engineOf(model);
    this.store.setState({ status: 'loading', model, failure: null, notice: null, server: null, cpu: null, storagePersisted: null, load: { phase: 'config', fraction: 0, mb: null, shard: null, elapsedS: 0, etaS: null } });
    try {
      const problem = engineKind === 'server' ? null : await this.preflight(model);
      if (token !== this.loadToken) return false;
      if (problem) {
        this.store.setState({ status: 'idle', model: null, load: null, failure: problem });
        return false;
      }
      if (model.downloadMB > 1000) this.store.setState({ storagePersisted: await requestPersistentStorage() });
      const backend = await this.ensureBackend(model);
      // Cancelled while the engine's code was still loading: nothing may start downloading after that.
      if (token !== this.loadToken) return false;
      const resumedFrom = engineKind === 'webllm' ? await this.cachedShare(model) : 0;
      await this.loadWatched(backend, this.life!, model, (p) => {
        if (token === this.loadToken) this.store.setState({ load: readProgress(p, resumedFrom) });
      });
      if (token !== this.loadToken) return false;
      this.store.setState({ status: 'ready', load: null });
      return true;
    } catch (e) {
      // Retired (crash, stall): the failure is said already.
      if (token !== this.loadToken || e instanceof BackendGone) return false;
      this.store.setState({ status: 'idle', model: null, load: null, failure: this.loadFailure(model, e) });
      return false;
    }
  }

  /** Stops a download: the worker goes, what was cached stays, a retry resumes from there. */
  cancelLoad() {
    this.retire('disposed', 'cancelled', null, 'cancelled');
  }

  async unload() {
    this.loadToken++;
    await this.backend?.unload().catch(() => undefined);
    this.store.setState({ status: 'idle', model: null, load: null, server: null, cpu: null });
  }

  /** Stops a run. An engine that does not end its generation within STOP_GRACE_MS is restarted: Stop always works. */
  stop() {
    this.stopRequested = true;
    const life = this.life;
    // The run Stop was pressed in: a later run (Resume right after a pause) is not this Stop's to end.
    const run = this.runs;
    this.backend?.interrupt();
    setTimeout(() => {
      if (this.life === life && life && this.runs === run && this.store.getState().status === 'generating') {
        this.retire('stopped', 'the engine did not answer Stop', null, 'stop-restarted');
      }
    }, STOP_GRACE_MS);
  }

  /**
   * Runs the loaded model sentence by sentence, streaming each sentence's parsed result to `onUpdate`.
   * A sentence that fails (too long, an engine error) is marked and the rest go on; Stop ends the run.
   */
  async run(text: string, opts: RunOptions, onUpdate: (runs: SentenceRun[]) => void): Promise<SentenceRun[]> {
    const { live, model } = this.startGenerating();
    const generate = this.runGenerate(live, model);
    const runs = planRuns(text, opts, model.mode, model.noSystemRole);
    // Snapshots share every unchanged run with the previous one, so a UI can skip re-rendering them.
    let snapshot = runs.map((r) => ({ ...r }));
    const emit = (changed?: SentenceRun) => {
      snapshot = changed ? snapshot.map((r) => (r.index === changed.index ? { ...changed } : r)) : runs.map((r) => ({ ...r }));
      onUpdate(snapshot);
    };
    try {
      emit();
      await runSentences(runs, opts, model, generate, { changed: emit, partialEveryMs: this.streamEveryMs, firstPartialAfterMs: this.streamEveryMs * FIRST_PARTIAL_AFTER, stopRequested: () => this.stopRequested || live.life.ended !== null, now: () => performance.now() });
    } finally {
      emit(); // sentences skipped after Stop or a lost device get their final state too
      this.stopGenerating();
      this.retireIfDeviceLost(runs);
    }
    return runs;
  }

  /**
   * Runs several documents, as many at once as the backend takes (a server's parallel slots; one for
   * WebLLM), each sentence by sentence. `onDone` hears of each document as it finishes; Stop ends them all.
   */
  async runMany(items: readonly { text: string; opts: RunOptions }[], onDone: (index: number, runs: SentenceRun[]) => void = () => undefined): Promise<SentenceRun[][]> {
    const { live, model } = this.startGenerating();
    const generate = this.runGenerate(live, model);
    const results: SentenceRun[][] = [];
    try {
      await eachConcurrently(items, Math.min(live.backend.concurrency ?? 1, items.length), async ({ text, opts }, i) => {
        const runs = planRuns(text, opts, model.mode, model.noSystemRole);
        await runSentences(runs, opts, model, generate, { changed: () => undefined, partials: false, stopRequested: () => this.stopRequested || live.life.ended !== null, now: () => performance.now() });
        // A document the engine's end cut short is not done: a batch runs it again after a new load.
        if (live.life.ended) throw live.life.ended;
        results[i] = runs;
        onDone(i, runs);
        // A lost device fails this document and ends the engine: the batch pauses with the rest still to do.
        this.retireIfDeviceLost(runs);
      });
      if (live.life.ended && results.filter(Boolean).length < items.length) throw live.life.ended;
    } finally {
      this.stopGenerating();
    }
    return results;
  }

  /**
   * A lost GPU device leaves the model unloaded (web-llm drops it): the engine says so and goes idle with the
   * failure, and the next load makes a new worker. It never goes back to "ready" with every sentence failing.
   */
  private retireIfDeviceLost(runs: readonly SentenceRun[]) {
    const lost = runs.find((r) => r.failure?.kind === 'device-lost')?.failure;
    if (lost && this.backend) this.retire('crashed', lost.message, lost);
  }

  /** The loaded model and its backend, now generating; throws when nothing is loaded. */
  private startGenerating(): { live: Live; model: ModelInfo } {
    const state = this.store.getState();
    const backend = this.backend;
    const life = this.life;
    if (state.status === 'generating') throw new EngineBusyError();
    if (state.status !== 'ready' || !state.model || !backend || !life) throw new Error('Load a model first.');
    this.stopRequested = false;
    this.runs++;
    this.store.setState({ status: 'generating' });
    return { live: { backend, life }, model: state.model };
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
