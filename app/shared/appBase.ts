/**
 * Where the app is served from, ending in "/": Vite's base (`GIELLM_BASE`, "./" by default) read against the
 * page, so same-origin model paths resolve where the build put public/ (absoluteUrl in src/models/catalog.ts).
 */
export function appBase(): string {
  const page = globalThis.document?.baseURI ?? globalThis.location?.href ?? 'http://localhost/';
  return new URL(import.meta.env.BASE_URL ?? './', page).href;
}
