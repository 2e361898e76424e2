/// <reference types="vite-plugin-pwa/react" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Host origins an embedded app answers, comma-separated (the embed URL's ?origins= overrides it). */
  readonly VITE_EMBED_ORIGINS?: string;
  /** GIELLM_MODEL_HOSTS at build time: the origins the CSP lets the page connect to (a server model's URL is checked against them). */
  readonly VITE_GIELLM_MODEL_HOSTS?: string;
}
