import { CATALOG_MODEL_HOSTS, hostAllowed, LOOPBACK_HOSTS } from '../../../src/models/hosts.ts';

/** Origins this build's Content-Security-Policy lets the page reach besides the catalog's and loopback (GIELLM_MODEL_HOSTS). */
export const BUILD_EXTRA_HOSTS: readonly string[] = (import.meta.env.VITE_GIELLM_MODEL_HOSTS ?? '').split(/\s+/).filter(Boolean);

/** Whether this build's CSP lets the page (and the engine workers) fetch `url`; it would block it silently otherwise. */
export function buildAllows(url: string, extra: readonly string[] = BUILD_EXTRA_HOSTS): boolean {
  return hostAllowed(url, globalThis.location?.origin ?? 'http://invalid.invalid', [...CATALOG_MODEL_HOSTS, ...LOOPBACK_HOSTS, ...extra]);
}

/** The origins of `urls` this build cannot reach, once each (only a build has a CSP; the dev server has none). */
export function unreachableOrigins(urls: readonly string[]): string[] {
  if (!import.meta.env.PROD) return [];
  const out = new Set<string>();
  for (const u of urls) {
    if (!u || buildAllows(u)) continue;
    try {
      out.add(new URL(u).origin);
    } catch {
      // Not a URL: the form's own check names it.
    }
  }
  return [...out];
}
