import { absoluteUrl, type ModelInfo } from '../../../src/index.ts';
import type { CacheInfo } from './modelCache.ts';
import { appBase } from '../appBase.ts';

/**
 * wllama's cache, read where it keeps it (its src/cache-manager.ts and src/storage/opfs.ts, v3.13): the OPFS
 * folder `cache`, one file per downloaded URL named `<sha1(url)>_<file name>`, and beside it
 * `__metadata__<that name>`, JSON with `originalURL` and `originalSize`. A file whose size differs from
 * `originalSize` is an interrupted download (wllama re-downloads it): it does not count as downloaded.
 * Read here, not through wllama, so listing the cache never loads the engine into the page.
 */
const METADATA = '__metadata__';

interface Entry {
  key: string;
  url: string;
  size: number;
  originalSize: number;
  complete: boolean;
}

async function cacheDir(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await (await navigator.storage.getDirectory()).getDirectoryHandle('cache');
  } catch {
    return null;
  }
}

async function entries(): Promise<Entry[]> {
  const dir = await cacheDir();
  if (!dir) return [];
  const files = new Map<string, File>();
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind === 'file') files.set(name, await (handle as FileSystemFileHandle).getFile());
  }
  const out: Entry[] = [];
  for (const [key, file] of files) {
    if (key.startsWith(METADATA)) continue;
    const meta = files.get(METADATA + key);
    let url = '';
    let originalSize = -1;
    try {
      const m = meta ? (JSON.parse(await meta.text()) as { originalURL?: unknown; originalSize?: unknown }) : {};
      url = typeof m.originalURL === 'string' ? m.originalURL : '';
      originalSize = typeof m.originalSize === 'number' ? m.originalSize : -1;
    } catch {
      // Unreadable metadata: wllama downloads the file again; here it is an unfinished file of no model.
    }
    out.push({ key, url, size: file.size, originalSize, complete: url !== '' && file.size === originalSize });
  }
  return out;
}

const partsOf = (m: ModelInfo) => (m.gguf?.urls ?? []).map((u) => absoluteUrl(u, appBase()));

export async function ggufCacheInfo(m: ModelInfo): Promise<CacheInfo> {
  const urls = partsOf(m);
  if (urls.length === 0) return { bytes: 0, weights: false };
  const mine = (await entries()).filter((e) => urls.includes(e.url));
  const expected = mine.every((e) => e.originalSize > 0) && mine.length === urls.length ? mine.reduce((n, e) => n + e.originalSize, 0) : 0;
  return { bytes: mine.reduce((n, e) => n + e.size, 0), weights: urls.every((u) => mine.some((e) => e.url === u && e.complete)), ...(expected ? { expectedBytes: expected } : {}) };
}

export async function deleteCachedGguf(m: ModelInfo): Promise<void> {
  const dir = await cacheDir();
  if (!dir) return;
  const urls = partsOf(m);
  for (const e of await entries()) {
    if (!urls.includes(e.url)) continue;
    for (const name of [e.key, METADATA + e.key]) await dir.removeEntry(name).catch(() => undefined);
  }
}
