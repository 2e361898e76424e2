/**
 * The hosts a build may fetch models from: the catalog's, loopback, and those named at build time
 * (GIELLM_MODEL_HOSTS). scripts/csp.ts writes them into the Content-Security-Policy; the app checks a
 * custom model's URLs against the same list, so a URL the CSP would block silently is refused by name.
 */
export const CATALOG_MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co', // Hugging Face serves large files from its CDN and Xet storage hosts
  'https://raw.githubusercontent.com', // WebLLM's prebuilt model libraries
];

// (CSP source lists cannot name an IPv6 literal such as [::1]: Chromium ignores it with a warning.)
export const LOOPBACK_HOSTS = ['http://127.0.0.1:*', 'http://localhost:*'];

/** Whether `url` (absolute, or a path on `origin`) matches one of CSP-style `sources` or is same-origin. */
export function hostAllowed(url: string, origin: string, sources: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url, origin);
  } catch {
    return false;
  }
  if (u.origin === new URL(origin).origin) return true;
  return sources.some((src) => {
    const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\*|\d+))?$/.exec(src);
    if (!m) return false;
    const [, scheme, wildcard, host, port] = m;
    if (u.protocol !== `${scheme}:`) return false;
    if (wildcard ? !u.hostname.endsWith(`.${host}`) : u.hostname !== host) return false;
    return port === '*' || (port ?? '') === u.port;
  });
}
