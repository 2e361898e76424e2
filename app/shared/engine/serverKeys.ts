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
  const keys = saved && typeof saved === 'object' && !Array.isArray(saved) ? Object.fromEntries(Object.entries(saved).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  if (!saved || typeof saved !== 'object' || Array.isArray(saved) || Object.keys(keys).length !== Object.keys(saved).length) {
    // Said once, and the good keys written back, so it is not said again.
    noteReset(KEY);
    write(keys);
  }
  return keys;
};

export const serverKeyOf = (id: string): string | undefined => read()[id] || undefined;

export function setServerKey(id: string, key: string) {
  const keys = read();
  if (key) keys[id] = key;
  else delete keys[id];
  write(keys);
}

function write(keys: Record<string, string>) {
  try {
    localStorage.setItem(KEY, JSON.stringify(keys));
  } catch {
    // A private window may refuse storage: the key then lasts for this visit only, in memory.
  }
}
