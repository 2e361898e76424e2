/// <reference types="vite-plugin-pwa/react" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Host origins an embedded app answers, comma-separated (the embed URL's ?origins= overrides it). */
  readonly VITE_EMBED_ORIGINS?: string;
}
