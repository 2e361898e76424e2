import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { checkedMerge, keepInStep, noteReset } from './storage/settings.ts';

export type Theme = 'system' | 'light' | 'dark';

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
  cycle(): void;
}

const THEME_KEY = 'giellm-theme';
const ORDER: Theme[] = ['system', 'light', 'dark'];

export function applyTheme(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export const useThemeStore = create<ThemeState>()(
  persist(
    (set, get) => ({
      theme: 'system',
      setTheme: (theme) => {
        applyTheme(theme);
        set({ theme });
      },
      cycle: () => get().setTheme(ORDER[(ORDER.indexOf(get().theme) + 1) % ORDER.length]!),
    }),
    {
      name: THEME_KEY,
      version: 1,
      onRehydrateStorage: () => (s, error) => {
        if (error) noteReset(THEME_KEY);
        applyTheme(s?.theme ?? 'system');
      },
      merge: checkedMerge<ThemeState>(THEME_KEY, (saved) => (ORDER.includes(saved.theme as Theme) ? { take: { theme: saved.theme as Theme }, refused: false } : { take: {}, refused: true })),
    },
  ),
);

keepInStep(THEME_KEY, useThemeStore);
