import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { coreJa } from './core.ja.ts';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'giellm-language';

/** The user's choice if they made one, else Japanese when the browser lists Japanese before English. */
export function detectLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === 'ja' || saved === 'en') return saved;
  for (const l of browser) {
    if (l.toLowerCase().startsWith('ja')) return 'ja';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

const saved = (() => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
})();

void i18next.use(initReactI18next).init({
  // `core`: Japanese for the core's English messages, by code (see coreMessages.ts); English falls back to the core's words.
  resources: { en: { translation: en }, ja: { translation: ja, core: coreJa } },
  lng: detectLanguage(saved, typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'en',
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  // The defaults, said out loud: i18next then takes every key as a path (ours all are) instead of testing
  // each one with regexes for looking like a sentence, ~30% of a streamed run's render (bench/cpu.ts).
  keySeparator: '.',
  nsSeparator: ':',
});
document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language) {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this visit.
  }
}

export { i18next };
