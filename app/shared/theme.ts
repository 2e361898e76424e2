import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Theme = 'system' | 'light' | 'dark';

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
  cycle(): void;
}

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
    { name: 'giellm-theme', version: 1, onRehydrateStorage: () => (s) => applyTheme(s?.theme ?? 'system') },
  ),
);
