import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { assessModel, DEFAULT_CPU_MODEL_ID, DEFAULT_MODEL_ID, MODEL_CATALOG, type Capabilities, type ModelInfo } from '../../../src/index.ts';
import { probeCapabilities } from '../../shared/engine/capabilities.ts';
import { readStoredModels } from '../../../src/models/storedModel.ts';
import { checkedMerge, keepInStep, noteUnreadable } from '../../shared/storage/settings.ts';
import { cacheInfo, deleteCachedModel, type CacheInfo } from '../../shared/engine/modelCache.ts';

interface ModelsState {
  selectedId: string;
  customModels: ModelInfo[];
  capabilities: Capabilities | null;
  /** The default could not run here (no WebGPU), so the CPU engine's default was picked instead. */
  pickedCpu: boolean;
  /** What each model has in the browser's caches; filled by refreshCache. */
  cached: Record<string, CacheInfo>;
  /** The panel is folded to its one status line (kept: once a model is set up, it is out of the way). */
  folded: boolean;
  setFolded(folded: boolean): void;
  select(id: string): void;
  addCustom(model: ModelInfo): void;
  /** Forgets a custom model and deletes what it has in the caches. */
  removeCustom(id: string): Promise<void>;
  probe(): Promise<void>;
  refreshCache(): Promise<void>;
  deleteCached(id: string): Promise<void>;
}

const MODELS_KEY = 'giellm-models';

export const allModels = (custom: readonly ModelInfo[]): ModelInfo[] => [...MODEL_CATALOG, ...custom];

export const useModelsStore = create<ModelsState>()(
  persist(
    (set, get) => ({
      selectedId: DEFAULT_MODEL_ID,
      customModels: [],
      folded: false,
      setFolded: (folded) => set({ folded }),
      capabilities: null,
      pickedCpu: false,
      cached: {},
      select: (selectedId) => set({ selectedId, pickedCpu: false }),
      addCustom: (model) => set((s) => ({ customModels: [...s.customModels.filter((m) => m.id !== model.id), model], selectedId: model.id, pickedCpu: false })),
      removeCustom: async (id) => {
        const m = get().customModels.find((x) => x.id === id);
        if (m) await deleteCachedModel(m).catch(() => undefined);
        set((s) => ({ customModels: s.customModels.filter((x) => x.id !== id), selectedId: s.selectedId === id ? DEFAULT_MODEL_ID : s.selectedId }));
        await get().refreshCache();
      },
      probe: async () => {
        const capabilities = await probeCapabilities();
        set({ capabilities });
        // The engine follows what this browser has: without WebGPU the first pick is a model for the CPU.
        const byId = (id: string) => MODEL_CATALOG.find((m) => m.id === id)!;
        const gpuMissing = assessModel(byId(DEFAULT_MODEL_ID), capabilities).issues.some((i) => i.code === 'no-webgpu' || i.code === 'no-adapter');
        if (get().selectedId === DEFAULT_MODEL_ID && gpuMissing && assessModel(byId(DEFAULT_CPU_MODEL_ID), capabilities).runnable) set({ selectedId: DEFAULT_CPU_MODEL_ID, pickedCpu: true });
      },
      refreshCache: async () => {
        const entries = await Promise.all(allModels(get().customModels).map(async (m) => [m.id, await cacheInfo(m).catch(() => ({ bytes: 0, weights: false }))] as const));
        set({ cached: Object.fromEntries(entries) });
      },
      deleteCached: async (id) => {
        const m = allModels(get().customModels).find((x) => x.id === id);
        if (m) await deleteCachedModel(m);
        await get().refreshCache();
      },
    }),
    {
      name: MODELS_KEY,
      version: 1,
      // A model read from a picked file cannot outlive the page (a File is not stored): it is not saved.
      partialize: (s) => ({
        selectedId: s.customModels.some((m) => m.id === s.selectedId && m.gguf?.local) ? DEFAULT_MODEL_ID : s.selectedId,
        customModels: s.customModels.filter((m) => !m.gguf?.local),
        folded: s.folded,
      }),
      onRehydrateStorage: noteUnreadable(MODELS_KEY),
      merge: checkedMerge<ModelsState>(MODELS_KEY, (saved) => {
        const { models, refused } = readStoredModels(saved.customModels);
        const known = typeof saved.selectedId === 'string' && allModels(models).some((m) => m.id === saved.selectedId);
        const folded = typeof saved.folded === 'boolean' ? { folded: saved.folded } : {};
        const badFold = saved.folded !== undefined && typeof saved.folded !== 'boolean';
        return { take: { customModels: models, ...(known ? { selectedId: saved.selectedId as string } : {}), ...folded }, refused: refused > 0 || (saved.selectedId !== undefined && !known) || badFold };
      }),
    },
  ),
);

keepInStep(MODELS_KEY, useModelsStore);
