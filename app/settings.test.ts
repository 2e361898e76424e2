// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL_ID, DEFAULT_PROFILE } from '../src/index.ts';

// Each saved setting corrupted the ways the attack found (null, a list of null, the wrong types, not
// JSON): the stores load with their defaults, keep what is still good, and the page is told which reset.

const fresh = async () => {
  vi.resetModules();
  const [models, profile, theme, keys, notices] = await Promise.all([
    import('./features/models/modelsStore.ts'),
    import('./shared/profile/profileStore.ts'),
    import('./shared/theme.ts'),
    import('./shared/engine/serverKeys.ts'),
    import('./shared/storage/settings.ts'),
  ]);
  return { models: models.useModelsStore.getState(), profile: profile.useProfileStore.getState(), theme: theme.useThemeStore.getState(), keys, reset: () => notices.useSettingsNotices.getState().reset };
};

const saved = (key: string, value: unknown) => localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify({ state: value, version: 1 }));

const custom = { id: 'my-model-q4f16_1', displayName: 'mine', mode: 'prompted', weightsUrl: 'https://e.example/w/', libUrl: 'https://e.example/l.wasm', quantization: 'q4f16_1', downloadMB: 1, vramMB: 1, needsShaderF16: true, contextWindow: 4096, license: 'x', languages: ['ja'], lowResource: true, custom: true };

describe('saved settings are checked when read', () => {
  beforeEach(() => localStorage.clear());

  it('nothing saved: defaults, no notice', async () => {
    const s = await fresh();
    expect(s.models.customModels).toEqual([]);
    expect(s.reset()).toEqual([]);
  });

  for (const [name, value] of [
    ['customModels: null', { selectedId: DEFAULT_MODEL_ID, customModels: null }],
    ['customModels: [null]', { selectedId: DEFAULT_MODEL_ID, customModels: [null] }],
    ['customModels: a string', { customModels: 'x' }],
    ['a model with a field of the wrong type', { customModels: [{ ...custom, contextWindow: '4096' }] }],
    ['a selected model that does not exist', { selectedId: 'gone', customModels: [] }],
    ['state: null', null],
    ['not JSON', '{oops'],
  ] as const) {
    it(`giellm-models, ${name}`, async () => {
      saved('giellm-models', value);
      const s = await fresh();
      expect(s.models.customModels).toEqual([]);
      expect(s.models.selectedId).toBe(DEFAULT_MODEL_ID);
      expect(s.reset()).toEqual(['giellm-models']);
    });
  }

  it('giellm-models keeps the good custom models beside a bad one', async () => {
    saved('giellm-models', { selectedId: custom.id, customModels: [null, custom] });
    const s = await fresh();
    expect(s.models.customModels.map((m) => m.id)).toEqual([custom.id]);
    expect(s.models.selectedId).toBe(custom.id);
    expect(s.reset()).toEqual(['giellm-models']);
  });

  for (const [name, value] of [
    ['profile: null', { profile: null }],
    ['categories not lists', { profile: { ...DEFAULT_PROFILE, categories: { ner: 'x' } } }],
    ['not JSON', '[[['],
  ] as const) {
    it(`giellm-profile, ${name}`, async () => {
      saved('giellm-profile', value);
      const s = await fresh();
      expect(s.profile.profile).toEqual(DEFAULT_PROFILE);
      expect(s.reset()).toEqual(['giellm-profile']);
    });
  }

  it('giellm-theme that is not a theme, and server keys that are not an object of strings', async () => {
    saved('giellm-theme', { theme: 'neon' });
    localStorage.setItem('giellm-server-keys', JSON.stringify({ a: 'k', b: 5 }));
    const s = await fresh();
    expect(s.theme.theme).toBe('system');
    expect(s.keys.serverKeyOf('a')).toBe('k');
    expect(s.keys.serverKeyOf('b')).toBeUndefined();
    expect(s.reset()).toEqual(['giellm-theme', 'giellm-server-keys']);
    localStorage.setItem('giellm-server-keys', 'null');
    expect(s.keys.serverKeyOf('a')).toBeUndefined();
  });

  it('a change another tab saves is read before this tab writes', async () => {
    const profile = (await import('./shared/profile/profileStore.ts')).useProfileStore;
    const other = { state: { profile: { ...DEFAULT_PROFILE, id: 'user', name: 'My format', categories: { ...DEFAULT_PROFILE.categories, ner: ['社外'] } } }, version: 1 };
    localStorage.setItem('giellm-profile', JSON.stringify(other));
    window.dispatchEvent(new StorageEvent('storage', { key: 'giellm-profile' }));
    await vi.waitFor(() => expect(profile.getState().profile.categories.ner).toEqual(['社外']));
    profile.getState().setIw('ner', '固有表現');
    expect(JSON.parse(localStorage.getItem('giellm-profile')!).state.profile).toMatchObject({ categories: { ner: ['社外'] }, iw: { ner: '固有表現' } });
  });
});
