import { useEffect, useState, type FormEvent } from 'react';
import { assessModel, validateCustomModel, type ModelInfo } from '../../../src/index.ts';
import { engine } from '../../shared/engine/engine.ts';
import { allModels, useModelsStore } from './modelsStore.ts';
import type { CacheInfo } from '../../shared/engine/modelCache.ts';
import { useEngine } from './useEngine.ts';
import { LoadProgress } from './LoadProgress.tsx';

const gb = (mb: number) => (mb <= 0 ? 'size unknown' : mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`);
const button = 'rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700';

/** Pick a model, see whether it can run here and why not, download and load it, manage the cache. */
export function ModelPanel() {
  const { selectedId, customModels, capabilities: caps, cached } = useModelsStore();
  const { select, probe, refreshCache, deleteCached } = useModelsStore.getState();
  const status = useEngine((s) => s.status);
  const loaded = useEngine((s) => s.model);
  const load = useEngine((s) => s.load);
  const failure = useEngine((s) => s.failure);
  const notice = useEngine((s) => s.notice);

  useEffect(() => {
    void probe();
    void refreshCache();
  }, [probe, refreshCache]);

  const models = allModels(customModels);
  const model = models.find((m) => m.id === selectedId) ?? models[0]!;
  const isCached = cached[model.id]?.weights ?? false;
  const verdict = caps ? assessModel(model, caps, isCached) : null;

  const loadSelected = async () => {
    await engine.loadModel(model);
    await refreshCache();
  };

  return (
    <section className="grid gap-2 rounded border border-slate-200 p-3 dark:border-slate-800" aria-labelledby="models-heading">
      <h2 id="models-heading" className="font-medium">
        モデル <span className="text-slate-500">Model</span>
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="capabilities">
        {caps === null
          ? 'Checking this browser’s GPU…'
          : `WebGPU: ${caps.webgpu ? 'yes' : 'no'} · GPU adapter: ${caps.adapter ? (caps.adapterDescription ?? 'yes') : 'none'} · shader-f16: ${caps.shaderF16 ? 'yes' : 'no'}${caps.storageFreeMB !== null ? ` · free storage: ${gb(caps.storageFreeMB)}` : ''}`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <select className="rounded border border-slate-300 bg-transparent p-1 text-sm dark:border-slate-700" value={model.id} onChange={(e) => select(e.target.value)} aria-label="Model" disabled={status === 'loading' || status === 'generating'}>
          {(['giellm', 'prompted'] as const).map((mode) => (
            <optgroup key={mode} label={mode === 'giellm' ? 'GIELLM (fine-tuned)' : 'Instruction models (prompted)'}>
              {models
                .filter((m) => m.mode === mode)
                .map((m) => {
                  const ok = caps ? assessModel(m, caps, cached[m.id]?.weights ?? false).runnable : true;
                  return (
                    <option key={m.id} value={m.id}>
                      {ok ? '' : '⚠ '}
                      {m.displayName} · {gb(m.downloadMB)}
                      {cached[m.id]?.weights ? ' · downloaded' : ''}
                    </option>
                  );
                })}
            </optgroup>
          ))}
        </select>
        {status === 'ready' && loaded?.id === model.id ? (
          <button type="button" className={button} onClick={() => void engine.unload()}>
            Unload
          </button>
        ) : (
          <button type="button" className={button} disabled={!verdict?.runnable || status === 'loading' || status === 'generating'} onClick={() => void loadSelected()}>
            {isCached ? 'Load' : `Download and load (${gb(model.downloadMB)})`}
          </button>
        )}
        <span className="text-sm" data-testid="engine-status">
          {status === 'ready' && loaded ? `Ready: ${loaded.displayName}` : status === 'loading' ? 'Loading…' : status === 'generating' ? 'Running…' : 'No model loaded'}
        </span>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {model.mode === 'giellm' ? 'Raw GIELLM prompt, greedy decoding.' : 'Instructions and worked examples, answers in the GIELLM format.'} {model.quantization} · {model.vramMB > 0 ? `needs about ${gb(model.vramMB)} of GPU memory` : 'GPU memory need unknown'} · {model.license}
        {model.notes ? ` · ${model.notes}` : ''}
      </p>
      {verdict && !verdict.runnable && (
        <ul className="text-sm text-amber-800 dark:text-amber-200" data-testid="model-reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>⚠ {r}</li>
          ))}
        </ul>
      )}
      {load && status === 'loading' && <LoadProgress load={load} onCancel={() => engine.cancelLoad()} />}
      {failure && (
        <div role="alert" className="rounded border border-red-400 bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="engine-failure">
          <p className="font-medium">{failure.message}</p>
          <p>{failure.nextStep}</p>
          <button type="button" className={`${button} mt-1`} onClick={() => void loadSelected()} disabled={!verdict?.runnable}>
            Retry
          </button>
        </div>
      )}
      {notice && <p className="text-sm" role="status">{notice}</p>}
      <CachedModels models={models} cached={cached} onDelete={(id) => void deleteCached(id)} />
      <CustomModelForm existing={models.map((m) => m.id)} />
    </section>
  );
}

function CachedModels({ models, cached, onDelete }: { models: ModelInfo[]; cached: Record<string, CacheInfo>; onDelete(id: string): void }) {
  const list = models.filter((m) => (cached[m.id]?.bytes ?? 0) > 0);
  if (list.length === 0) return null;
  return (
    <details className="text-sm" data-testid="cached-models">
      <summary>
        Stored models ({list.length}, {gb(list.reduce((n, m) => n + cached[m.id]!.bytes / 2 ** 20, 0))})
      </summary>
      <ul className="mt-1 grid gap-1">
        {list.map((m) => (
          <li key={m.id} className="flex items-center gap-2">
            <span>
              {m.displayName}: {gb(cached[m.id]!.bytes / 2 ** 20)}{cached[m.id]!.weights ? '' : ' (partial)'}
            </span>
            <button type="button" className={button} onClick={() => onDelete(m.id)} aria-label={`Delete ${m.displayName} from the cache`}>
              Delete
            </button>
          </li>
        ))}
        <li>
          <button type="button" className={button} onClick={() => list.forEach((m) => onDelete(m.id))}>
            Delete all
          </button>
        </li>
      </ul>
    </details>
  );
}

function CustomModelForm({ existing }: { existing: string[] }) {
  const [errors, setErrors] = useState<string[]>([]);
  const addCustom = useModelsStore((s) => s.addCustom);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget).entries());
    const result = validateCustomModel(data, existing);
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    addCustom(result.model);
    e.currentTarget.reset();
  };
  const input = 'rounded border border-slate-300 bg-transparent p-1 dark:border-slate-700';
  return (
    <details className="text-sm">
      <summary>Add a custom model</summary>
      <form className="mt-2 grid gap-1 sm:grid-cols-2" onSubmit={submit} aria-label="Add a custom model">
        <label className="grid">Id<input name="id" className={input} placeholder="GIELLM-13B-q4f16_1-MLC" /></label>
        <label className="grid">Display name<input name="displayName" className={input} /></label>
        <label className="grid">Weights URL<input name="weightsUrl" className={input} placeholder="https://huggingface.co/you/model or /models/<id>" /></label>
        <label className="grid">Model library URL (.wasm)<input name="libUrl" className={input} /></label>
        <label className="grid">
          Mode
          <select name="mode" className={input} defaultValue="giellm" aria-label="Mode">
            <option value="giellm">giellm (fine-tuned GIELLM, raw prompt)</option>
            <option value="prompted">prompted (instruction model)</option>
          </select>
        </label>
        <label className="grid">Quantization<input name="quantization" className={input} placeholder="q4f16_1" /></label>
        <label className="grid">Context window (tokens)<input name="contextWindow" className={input} inputMode="numeric" placeholder="4096" /></label>
        <label className="grid">Download size (MB)<input name="downloadMB" className={input} inputMode="numeric" /></label>
        <button type="submit" className={`${button} justify-self-start`}>
          Add
        </button>
        {errors.length > 0 && (
          <ul role="alert" className="text-red-700 sm:col-span-2 dark:text-red-300" data-testid="custom-model-errors">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </form>
    </details>
  );
}
