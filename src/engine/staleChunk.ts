/**
 * A lazy chunk of the app that did not load, as Chromium, Firefox and Safari word it: after a new
 * deployment the old chunk names 404, so an old tab must reload, not blame the network.
 */
export const STALE_CODE = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;
