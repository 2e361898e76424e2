import { createStore } from 'zustand/vanilla';
import { absoluteUrl, engineOf, mapEngineError, mapLoadError, mapWllamaError, readProgress, type EngineFailure, type EngineKind, type LoadStatus, type ModelInfo } from '../../../src/index.ts';
import { createServerBackend } from './serverBackend.ts';
import { serverKeyOf } from './serverKeys.ts';
import { planRuns, runSentences, type RunOptions, type SentenceRun } from '../../../src/engine/run.ts';
import { eachConcurrently } from '../../../src/engine/pool.ts';
import { createBackend, type LlmBackend } from './backend.ts';
import type { Generate } from './llmBackend.ts';
import { requestPersistentStorage } from './capabilities.ts';
import { preflightModel } from './preflight.ts';
import type { WllamaLoaded } from './wllamaProtocol.ts';
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

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'generating';

/** Why the engine went idle without a failure: a cancelled download, or a Stop the engine did not answer. */
export type EngineNotice = 'cancelled' | 'stop-restarted';

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
}

export type { RunOptions, SentenceRun } from '../../../src/engine/run.ts';

/**
 * The one engine for the app's life, owned outside React's render cycle (StrictMode's double effects
 * would otherwise abort loads). UI reads `engine.store` through selectors.
 */
export class Engine {
  readonly store = createStore<EngineState>(() => ({ status: 'idle', model: null, load: null, failure: null, notice: null, server: null, cpu: null }));
  private backend: LlmBackend | null = null;
  private backendKind: EngineKind | null = null;
  /** Ends every pending call on `backend` when it crashes, stalls or ignores Stop. */
  private life: Lifeline | null = null;
  private loadToken = 0;
  private stopRequested = false;
  /** Runs started so far: tells a Stop's grace timer whether the run it was meant for is still the one going. */
  private runs = 0;

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
    return b;
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
    this.store.setState({ status: 'loading', model, failure: null, notice: null, server: null, cpu: null, load: { phase: 'config', fraction: 0, mb: null, shard: null, elapsedS: 0, etaS: null } });
    try {
      const problem = engineKind === 'server' ? null : await this.preflight(model);
      if (token !== this.loadToken) return false;
      if (problem) {
        this.store.setState({ status: 'idle', model: null, load: null, failure: problem });
        return false;
      }
      if (model.downloadMB > 1000) await requestPersistentStorage();
      const backend = await this.ensureBackend(model);
      // Cancelled while the engine's code was still loading: nothing may start downloading after that.
      if (token !== this.loadToken) return false;
      const life = this.life!;
      const dog = watchdog(LOAD_STALL_MS, () =>
        this.retire('stalled', `no progress for ${LOAD_STALL_MS / 1000} s`, { kind: 'worker-crashed', code: 'load-stalled', params: { seconds: String(LOAD_STALL_MS / 1000) }, message: `Loading made no progress for ${LOAD_STALL_MS / 1000} s and was stopped.`, nextStep: 'Retry: files already downloaded are kept.' }),
      );
      try {
        await life.guard(
          backend.load(model, (p) => {
            dog.poke();
            if (token === this.loadToken) this.store.setState({ load: readProgress(p) });
          }),
        );
      } finally {
        dog.stop();
      }
      if (token !== this.loadToken) return false;
      this.store.setState({ status: 'ready', load: null });
      return true;
    } catch (e) {
      // Retired (crash, stall): the failure is said already.
      if (token !== this.loadToken || e instanceof BackendGone) return false;
      const phase = this.store.getState().load?.phase ?? 'config';
      const failure = engineKind === 'server' ? mapEngineError(e) : engineKind === 'wllama' ? mapWllamaError(e) : mapLoadError(e, phase, absoluteUrl(model.libUrl, globalThis.location?.origin ?? 'http://localhost'));
      this.store.setState({ status: 'idle', model: null, load: null, failure });
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
    const { backend, model, life } = this.startGenerating();
    const generate = this.guardedGenerate(backend, life);
    const runs = planRuns(text, opts, model.mode, model.noSystemRole);
    // Snapshots share every unchanged run with the previous one, so a UI can skip re-rendering them.
    let snapshot = runs.map((r) => ({ ...r }));
    const emit = (changed?: SentenceRun) => {
      snapshot = changed ? snapshot.map((r) => (r.index === changed.index ? { ...changed } : r)) : runs.map((r) => ({ ...r }));
      onUpdate(snapshot);
    };
    try {
      emit();
      await runSentences(runs, opts, model, generate, { changed: emit, partialEveryMs: this.streamEveryMs, stopRequested: () => this.stopRequested || life.ended !== null, now: () => performance.now() });
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
    const { backend, model, life } = this.startGenerating();
    const generate = this.guardedGenerate(backend, life);
    const results: SentenceRun[][] = [];
    try {
      await eachConcurrently(items, Math.min(backend.concurrency ?? 1, items.length), async ({ text, opts }, i) => {
        const runs = planRuns(text, opts, model.mode, model.noSystemRole);
        await runSentences(runs, opts, model, generate, { changed: () => undefined, partials: false, stopRequested: () => this.stopRequested || life.ended !== null, now: () => performance.now() });
        // A document the engine's end cut short is not done: a batch runs it again after a new load.
        if (life.ended) throw life.ended;
        results[i] = runs;
        onDone(i, runs);
        // A lost device fails this document and ends the engine: the batch pauses with the rest still to do.
        this.retireIfDeviceLost(runs);
      });
      if (life.ended && results.filter(Boolean).length < items.length) throw life.ended;
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
  private startGenerating(): { backend: LlmBackend; model: ModelInfo; life: Lifeline } {
    const state = this.store.getState();
    const backend = this.backend;
    const life = this.life;
    if (state.status === 'generating') throw new EngineBusyError();
    if (state.status !== 'ready' || !state.model || !backend || !life) throw new Error('Load a model first.');
    this.stopRequested = false;
    this.runs++;
    this.store.setState({ status: 'generating' });
    return { backend, model: state.model, life };
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
