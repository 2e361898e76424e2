import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localizeFailure, localizeFieldProblem, localizeIssue } from '../../shared/i18n/coreMessages.ts';
import { assessModel, cpuThreads, engineOf, localGgufModel, speedClassOf, validateCustomModel, validateGgufModel, type Capabilities, type ModelInfo, type PromptMode } from '../../../src/index.ts';
import { validateServerModel } from '../../../src/models/catalog.ts';
import type { FieldProblem } from '../../../src/models/fieldErrors.ts';
import { rememberPickedFiles } from '../../shared/engine/pickedFiles.ts';
import { BUILD_EXTRA_HOSTS, unreachableOrigins } from '../../shared/engine/buildHosts.ts';
import { setServerKey } from '../../shared/engine/serverKeys.ts';
import { TYPICAL_GPU_MB, gpuMemoryMB } from '../../../src/models/memoryBudget.ts';
import { engine } from '../../shared/engine/engine.ts';
import { allModels, useModelsStore } from './modelsStore.ts';
import type { CacheInfo } from '../../shared/engine/modelCache.ts';
import { useEngine } from '../../shared/engine/useEngine.ts';
import { LoadProgress } from './LoadProgress.tsx';
import { ErrorList } from '../../shared/ErrorList.tsx';

/** A model whose URLs this build's CSP blocks is refused by name, with the fix (the download would fail silently). */
function blockedHosts(t: TFunction, m: ModelInfo): string[] | null {
  const origins = unreachableOrigins([m.weightsUrl, m.libUrl, ...(m.gguf?.urls ?? [])]);
  return origins.length ? origins.map((origin) => t('models.hostBlocked', { origin })) : null;
}

/** The add step of the URL forms: the form's own checks, then whether this build can reach the model's hosts. */
function useCheckedAdd(validate: (data: Record<string, string>) => { ok: true; model: ModelInfo } | { ok: false; problems: FieldProblem[] }) {
  const { t } = useTranslation();
  const addCustom = useModelsStore((s) => s.addCustom);
  return (data: Record<string, string>) => {
    const result = validate(data);
    if (!result.ok) return result.problems.map(localizeFieldProblem);
    const blocked = blockedHosts(t, result.model);
    if (blocked) return blocked;
    addCustom(result.model);
    return null;
  };
}

function HostsHint() {
  const { t } = useTranslation();
  return <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">{t('models.hostsHint', { extra: BUILD_EXTRA_HOSTS.length ? BUILD_EXTRA_HOSTS.join(', ') : t('models.hostsNone') })}</p>;
}

const size = (t: TFunction, mb: number) => (mb <= 0 ? t('models.sizeUnknown') : mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`);
const button = 'rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700';

/**
 * Pick a model, see whether it can run here and why not, download and load it, manage the cache.
 * `confirmDownloads` (the embed): a download asks again, in words and at another place, so a host page
 * cannot get one out of a single click on a frame it hides.
 */
export function ModelPanel({ confirmDownloads = false }: { confirmDownloads?: boolean } = {}) {
  const { t } = useTranslation();
  const gb = (mb: number) => size(t, mb);
  const { selectedId, customModels, capabilities: caps, cached, pickedCpu } = useModelsStore();
  const { select, probe, refreshCache, deleteCached, removeCustom } = useModelsStore.getState();
  const status = useEngine((s) => s.status);
  const loaded = useEngine((s) => s.model);
  const load = useEngine((s) => s.load);
  const failure = useEngine((s) => s.failure);
  const notice = useEngine((s) => s.notice);
  const persisted = useEngine((s) => s.storagePersisted);
  const server = useEngine((s) => s.server);
  const cpu = useEngine((s) => s.cpu);

  useEffect(() => {
    void probe();
    void refreshCache();
  }, [probe, refreshCache]);

  const models = allModels(customModels);
  const model = models.find((m) => m.id === selectedId) ?? models[0]!;
  const isCached = cached[model.id]?.weights ?? false;
  const verdict = caps ? assessModel(model, caps, isCached) : null;

  const [confirming, setConfirming] = useState(false);
  const loadSelected = async () => {
    setConfirming(false);
    await engine.loadModel(model);
    await refreshCache();
  };

  const folded = useModelsStore((s) => s.folded);
  const statusText = status === 'ready' && loaded ? t('models.ready', { name: loaded.displayName }) : status === 'loading' ? t('models.loading') : status === 'generating' ? t('models.running') : t('models.noModel');
  const heading = (
    <div className="flex flex-wrap items-center gap-2">
      <h2 id="models-heading" className="font-medium">
        {t('models.heading')}
      </h2>
      <button type="button" className="rounded px-1 text-sm text-slate-600 underline dark:text-slate-400" aria-expanded={!folded} aria-controls={folded ? undefined : "models-body"} onClick={() => useModelsStore.getState().setFolded(!folded)} data-testid="models-fold">
        {folded ? t('models.unfold') : t('models.fold')}
      </button>
      {folded && (
        <span className="text-sm" data-testid="engine-status">
          {statusText}
        </span>
      )}
    </div>
  );
  // Folded, the panel is its status line; a load in progress and a failure still show.
  if (folded)
    return (
      <section className="grid grid-cols-1 gap-2 rounded border border-slate-200 p-3 dark:border-slate-800" aria-labelledby="models-heading" data-testid="models" data-folded="true">
        {heading}
        {load && status === 'loading' && <LoadProgress load={load} onCancel={() => engine.cancelLoad()} />}
        {failure && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-200" data-testid="engine-failure">
            {localizeFailure(failure).message}
          </p>
        )}
      </section>
    );

  return (
    <section id="models-body" className="grid grid-cols-1 gap-2 rounded border border-slate-200 p-3 dark:border-slate-800" aria-labelledby="models-heading" data-testid="models">
      {heading}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="capabilities">
        {caps === null
          ? t('models.checking')
          : t('models.caps', { webgpu: caps.webgpu ? t('models.yes') : t('models.no'), adapter: caps.adapter ? (caps.adapterDescription ?? t('models.yes')) : t('models.none'), f16: caps.shaderF16 ? t('models.yes') : t('models.no') }) +
            (caps.storageFreeMB !== null ? t('models.freeStorage', { size: gb(caps.storageFreeMB) }) : '') +
            t('models.cpuCaps', { threads: cpuThreadsText(t, caps) })}
      </p>
      {pickedCpu && (
        <p className="text-sm" role="status" data-testid="picked-cpu">
          {t('models.pickedCpu')}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <select className="max-w-full rounded border border-slate-300 bg-white p-1 text-sm dark:border-slate-700 dark:bg-slate-900" value={model.id} onChange={(e) => select(e.target.value)} aria-label={t('models.model')} disabled={status === 'loading' || status === 'generating'}>
          {(['giellm', 'prompted'] as const).map((mode) => (
            <optgroup key={mode} label={mode === 'giellm' ? t('models.giellmGroup') : t('models.promptedGroup')}>
              {models
                .filter((m) => m.mode === mode)
                .map((m) => {
                  const ok = caps ? assessModel(m, caps, cached[m.id]?.weights ?? false).runnable : true;
                  return (
                    <option key={m.id} value={m.id}>
                      {ok ? '' : '⚠ '}
                      {m.displayName} · {m.server ? t('models.onServer') : m.gguf?.local ? t('models.localFile') : gb(m.downloadMB)}
                      {engineOf(m) === 'wllama' ? ` · ${t('models.cpuTag')}` : ''}
                      {cached[m.id]?.weights ? ` · ${t('models.downloaded')}` : ''}
                    </option>
                  );
                })}
            </optgroup>
          ))}
        </select>
        {status === 'ready' && loaded?.id === model.id ? (
          <button type="button" className={button} onClick={() => void engine.unload()}>
            {t('models.unload')}
          </button>
        ) : (
          <button
            type="button"
            className={button}
            disabled={!verdict?.runnable || status === 'loading' || status === 'generating'}
            onClick={() => (!isCached && !model.server && !model.gguf?.local && (confirmDownloads || bigForGpu(model)) ? setConfirming(true) : void loadSelected())}
          >
            {model.server ? t('models.connect') : isCached || model.gguf?.local ? t('models.load') : t('models.downloadAndLoad', { size: gb(model.downloadMB) })}
          </button>
        )}
        {model.custom && loaded?.id !== model.id && (
          <button type="button" className={button} disabled={status === 'loading' || status === 'generating'} onClick={() => void removeCustom(model.id)}>
            {t('models.remove')}
          </button>
        )}
        <span className="text-sm" data-testid="engine-status">
          {statusText}
        </span>
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={t('embed.confirmDownload', { size: gb(model.downloadMB), name: model.displayName })} className="rounded border border-amber-400 p-2 text-sm" data-testid="confirm-download">
          <p>{t('embed.confirmDownload', { size: gb(model.downloadMB), name: model.displayName })}</p>
          {bigForGpu(model) && <p data-testid="memory-warning">{t('models.memoryWarning', { need: gb(gpuMemoryMB(model)), typical: gb(TYPICAL_GPU_MB) })}</p>}
          <div className="mt-1 flex gap-2">
            <button type="button" className={button} onClick={() => setConfirming(false)}>
              {t('embed.cancel')}
            </button>
            <button type="button" className={button} onClick={() => void loadSelected()}>
              {t('embed.download')}
            </button>
          </div>
        </div>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="model-details">
        {t('models.engineLine', { engine: t(`models.engineName.${engineOf(model)}`) })}
        {model.gguf?.cpuTokensPerS
          ? t('models.speedLine', { class: t(`models.speed.${speedClassOf(model.gguf.cpuTokensPerS.value)}`), rate: model.gguf.cpuTokensPerS.value, how: t(model.gguf.cpuTokensPerS.measured ? 'models.measured' : 'models.estimated') })
          : ''}
        {' · '}
        {model.mode === 'giellm' ? t('models.giellmMode') : t('models.promptedMode')}{' '}
        {model.server
          ? t('models.serverMode', { url: model.server.url })
          : engineOf(model) === 'wllama'
            ? `${model.quantization} · ${model.license}`
            : `${model.quantization} · ${model.vramMB > 0 ? t('models.vram', { size: gb(gpuMemoryMB(model)) }) : t('models.vramUnknown')} · ${model.license}`}
        {model.notes ? ` · ${model.notes}` : ''}
      </p>
      {cpu && status !== 'idle' && loaded && engineOf(loaded) === 'wllama' && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="cpu-info">
          {t('models.cpuInfo', {
            threads: cpu.multiThread ? t('models.cpuThreadsMulti', { count: cpu.threads }) : t('models.cpuThreadsSingle'),
            source: t(`models.cpuSource.${cpu.source}`),
            template: cpu.chatTemplate ? t('models.cpuTemplate') : t('models.cpuNoTemplate'),
          })}
        </p>
      )}
      {server && status !== 'idle' && loaded?.server && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="server-info">
          {t('models.serverInfo', { kind: server.kind, version: server.version ?? '', grammar: server.grammar })}
        </p>
      )}
      {verdict && !verdict.runnable && (
        <ul className="text-sm text-amber-800 dark:text-amber-200" data-testid="model-reasons">
          {verdict.issues.map((issue, i) => (
            <li key={issue.code}>⚠ {localizeIssue(issue, verdict.reasons[i]!)}</li>
          ))}
          {verdict.issues.some((i) => i.code === 'no-webgpu' || i.code === 'no-adapter') && <li>{t('models.tryCpu')}</li>}
        </ul>
      )}
      {load && status === 'loading' && <LoadProgress load={load} onCancel={() => engine.cancelLoad()} />}
      {failure && (
        <div role="alert" className="rounded border border-red-400 bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="engine-failure">
          <p className="font-medium">{localizeFailure(failure).message}</p>
          <p>{localizeFailure(failure).nextStep}</p>
          <button type="button" className={`${button} mt-1`} onClick={() => void loadSelected()} disabled={!verdict?.runnable}>
            {t('models.retry')}
          </button>
        </div>
      )}
      {notice && (
        <p className="text-sm" role="status">
          {t(`models.notice.${notice}`)}
        </p>
      )}
      {persisted === false && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="not-persisted">
          {t('models.notPersisted')}
        </p>
      )}
      <CachedModels models={models} cached={cached} onDelete={(id) => void deleteCached(id)} gb={gb} />
      <GgufModelForm existing={models.map((m) => m.id)} />
      <ServerModelForm existing={models.map((m) => m.id)} />
      <CustomModelForm existing={models.map((m) => m.id)} />
    </section>
  );
}

/**
 * The GPU memory a model needs beyond which a download asks first. WebGPU does not tell a page how much
 * memory its GPU has, so the rule is stated instead: most laptop GPUs (and integrated ones, which share
 * system memory) give a tab about 4 GB; a model over that loses the device mid-load on them.
 */
const bigForGpu = (m: ModelInfo) => engineOf(m) === 'webllm' && gpuMemoryMB(m) > TYPICAL_GPU_MB;

function cpuThreadsText(t: TFunction, caps: Capabilities): string {
  if (caps.wasm && !caps.wasm.memory64) return t('models.cpuNoWasm64');
  const n = cpuThreads(caps);
  return caps.wasm?.crossOriginIsolated ? t('models.cpuThreadsMulti', { count: n }) : t('models.cpuThreadsSingle');
}

function CachedModels({ models, cached, onDelete, gb }: { models: ModelInfo[]; cached: Record<string, CacheInfo>; onDelete(id: string): void; gb(mb: number): string }) {
  const { t } = useTranslation();
  const list = models.filter((m) => (cached[m.id]?.bytes ?? 0) > 0);
  if (list.length === 0) return null;
  return (
    <details className="text-sm" data-testid="cached-models">
      <summary>
        {t('models.stored', { count: list.length, size: gb(list.reduce((n, m) => n + cached[m.id]!.bytes / 2 ** 20, 0)) })}
      </summary>
      <ul className="mt-1 grid gap-1">
        {list.map((m) => (
          <li key={m.id} className="flex items-center gap-2">
            <span>
              {m.displayName}: {cached[m.id]!.weights || !cached[m.id]!.expectedBytes ? gb(cached[m.id]!.bytes / 2 ** 20) : t('models.partOf', { have: gb(cached[m.id]!.bytes / 2 ** 20), of: gb(cached[m.id]!.expectedBytes! / 2 ** 20) })}
              {cached[m.id]!.weights ? '' : t('models.partial')}
            </span>
            <button type="button" className={button} onClick={() => onDelete(m.id)} aria-label={t('models.deleteNamed', { name: m.displayName })}>
              {t('models.delete')}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className={button} onClick={() => list.forEach((m) => onDelete(m.id))}>
            {t('models.deleteAll')}
          </button>
        </li>
      </ul>
    </details>
  );
}

const field = 'rounded border border-slate-300 bg-white p-1 dark:border-slate-700 dark:bg-slate-900';

function ModeSelect() {
  const { t } = useTranslation();
  return (
    <label className="grid">
      {t('models.mode')}
      <select name="mode" className={field} defaultValue="giellm" aria-label={t('models.mode')}>
        <option value="giellm">{t('models.modeGiellm')}</option>
        <option value="prompted">{t('models.modePrompted')}</option>
      </select>
    </label>
  );
}

/** A folded form that adds a model: `add` returns the problems with the fields, or null when it added one. */
function AddModelForm({ title, testId, add, children, after }: { title: 'models.addServer' | 'models.addCustom' | 'models.addGguf'; after?: ReactNode; testId: string; add(data: Record<string, string>): string[] | null; children: ReactNode }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<string[]>([]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const problems = add(Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>);
    setErrors(problems ?? []);
    if (!problems) e.currentTarget.reset();
  };
  return (
    <details className="text-sm" data-testid={testId}>
      <summary>{t(title)}</summary>
      <form className="mt-2 grid gap-1 sm:grid-cols-2" onSubmit={submit} aria-label={t(title)}>
        {children}
        <button type="submit" className={`${button} justify-self-start`}>
          {t('models.add')}
        </button>
        <ErrorList errors={errors} className="sm:col-span-2" testId={`${testId}-errors`} />
      </form>
      {after}
    </details>
  );
}

/**
 * A GGUF model for the CPU engine: by URL (saved), or files picked or dropped here (read in place by wllama,
 * never uploaded; a File cannot be saved, so such a model lasts until the page reloads).
 */
function GgufModelForm({ existing }: { existing: string[] }) {
  const { t } = useTranslation();
  const addCustom = useModelsStore((s) => s.addCustom);
  const [fileMode, setFileMode] = useState<PromptMode>('giellm');
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const add = useCheckedAdd((data) => validateGgufModel(data, existing));
  const addFiles = (files: File[]) => {
    const result = localGgufModel(files, fileMode, existing);
    if (!result.ok) return setFileErrors(result.problems.map(localizeFieldProblem));
    setFileErrors([]);
    rememberPickedFiles(result.model.id, files.filter((f) => result.model.gguf!.local!.names.includes(f.name)));
    addCustom(result.model);
  };
  const picker = (
    <div
      className="mt-2 grid gap-1 rounded border border-dashed border-slate-400 p-2"
      data-testid="gguf-drop"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        addFiles([...e.dataTransfer.files]);
      }}
    >
      <label className="grid">
        {t('models.ggufFileMode')}
        <select className={field} value={fileMode} onChange={(e) => setFileMode(e.target.value as PromptMode)}>
          <option value="giellm">{t('models.modeGiellm')}</option>
          <option value="prompted">{t('models.modePrompted')}</option>
        </select>
      </label>
      <label className="grid">
        {t('models.ggufPick')}
        <input type="file" accept=".gguf" multiple onChange={(e) => addFiles([...(e.target.files ?? [])])} />
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('models.ggufDrop')}</p>
      <ErrorList errors={fileErrors} testId="gguf-file-errors" />
    </div>
  );
  return (
    <AddModelForm title="models.addGguf" testId="gguf-model" add={add} after={picker}>
      <label className="grid sm:col-span-2">{t('models.ggufUrl')}<input name="url" className={field} placeholder="https://huggingface.co/…/resolve/main/model-q4_k_m.gguf" /></label>
      <ModeSelect />
      <label className="grid">{t('models.contextWindow')}<input name="contextWindow" className={field} inputMode="numeric" placeholder="2048" /></label>
      <HostsHint />
    </AddModelForm>
  );
}

/** A model on an OpenAI-compatible server: its URL, its name there, the prompt mode and an optional key. */
function ServerModelForm({ existing }: { existing: string[] }) {
  const { t } = useTranslation();
  const addCustom = useModelsStore((s) => s.addCustom);
  const add = (data: Record<string, string>) => {
    const result = validateServerModel(data, existing);
    if (!result.ok) return result.problems.map(localizeFieldProblem);
    setServerKey(result.model.id, data.apiKey ?? '');
    addCustom(result.model);
    return null;
  };
  return (
    <AddModelForm title="models.addServer" testId="server-model" add={add}>
      <label className="grid">{t('models.serverUrl')}<input name="url" className={field} placeholder="http://127.0.0.1:8080" /></label>
      <label className="grid">{t('models.serverModel')}<input name="model" className={field} placeholder="ganchengguang/GIELLM-13b" /></label>
      <ModeSelect />
      <label className="grid">{t('models.contextWindow')}<input name="contextWindow" className={field} inputMode="numeric" placeholder="4096" /></label>
      <label className="grid">{t('models.concurrency')}<input name="concurrency" className={field} inputMode="numeric" placeholder="4" /></label>
      <label className="grid">{t('models.apiKey')}<input name="apiKey" type="password" autoComplete="off" className={field} /></label>
      <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">{t('models.serverHint')}</p>
    </AddModelForm>
  );
}

function CustomModelForm({ existing }: { existing: string[] }) {
  const { t } = useTranslation();
  const add = useCheckedAdd((data) => validateCustomModel(data, existing));
  return (
    <AddModelForm title="models.addCustom" testId="custom-model" add={add}>
      <label className="grid">{t('models.id')}<input name="id" className={field} placeholder="GIELLM-13B-q4f16_1-MLC" /></label>
      <label className="grid">{t('models.displayName')}<input name="displayName" className={field} /></label>
      <label className="grid">{t('models.weightsUrl')}<input name="weightsUrl" className={field} placeholder="https://huggingface.co/you/model or /models/<id>" /></label>
      <label className="grid">{t('models.libUrl')}<input name="libUrl" className={field} /></label>
      <ModeSelect />
      <label className="grid">{t('models.quantization')}<input name="quantization" className={field} placeholder="q4f16_1" /></label>
      <label className="grid">{t('models.contextWindow')}<input name="contextWindow" className={field} inputMode="numeric" placeholder="4096" /></label>
      <label className="grid">{t('models.downloadMB')}<input name="downloadMB" className={field} inputMode="numeric" /></label>
      <fieldset className="grid min-w-0 gap-1 rounded border border-slate-300 p-2 sm:col-span-2 sm:grid-cols-3 dark:border-slate-600">
        <legend className="px-1 text-sm">{t('models.giellmTemplate')}</legend>
        <select name="template" className={`${field} min-w-0 self-end`} defaultValue="lm" aria-label={t('models.giellmTemplate')}>
          <option value="lm">{t('models.templateLm')}</option>
          <option value="own">{t('models.templateOwn')}</option>
        </select>
        <label className="grid min-w-0">{t('models.bos')}<input name="bos" className={`${field} min-w-0`} placeholder="1" /></label>
        <label className="grid min-w-0">{t('models.eos')}<input name="eos" className={`${field} min-w-0`} inputMode="numeric" placeholder="2" /></label>
      </fieldset>
      <label className="grid content-start">{t('models.modelManifest')}<input name="modelManifest" className={field} placeholder="mlc-model-manifest.json" /></label>
      <label className="grid content-start">{t('models.recordOverrides')}<textarea name="overrides" className={field} rows={2} placeholder='{"max_history_size": 1}' /></label>
      <HostsHint />
    </AddModelForm>
  );
}
