import { noteReset } from '../storage/settings.ts';

// API keys of server models, by model id: kept in this browser's localStorage only, apart from the model
// list, so that no export, share or embed message ever carries them.
const KEY = 'giellm-server-keys';

/** The saved keys: an object of strings, whatever else was saved under the name left out (and said). */
const read = (): Record<string, string> => {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return {}; // a private window may refuse storage
  }
  if (raw === null) return {};
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    saved = null;
  }
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) {
    noteReset(KEY);
    return {};
  }
  const keys = Object.fromEntries(Object.entries(saved).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (Object.keys(keys).length !== Object.keys(saved).length) noteReset(KEY);
  return keys;
};

export const serverKeyOf = (id: string): string | undefined => read()[id] || undefined;

export function setServerKey(id: string, key: string) {
  const keys = read();
  if (key) keys[id] = key;
  else delete keys[id];
  try {
    localStorage.setItem(KEY, JSON.stringify(keys));
  } catch {
    // A private window may refuse storage: the key then lasts for this visit only, in memory.
  }
}
