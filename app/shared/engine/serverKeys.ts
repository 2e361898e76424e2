// API keys of server models, by model id: kept in this browser's localStorage only, apart from the model
// list, so that no export, share or embed message ever carries them.
const KEY = 'giellm-server-keys';

const read = (): Record<string, string> => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
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
