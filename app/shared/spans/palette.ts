// The label colours are the core's (exports carry them); the app draws with them.
export { colourContrast, contrast, spanPalette, tint, type ColourKey } from '../../../src/format/labelPalette.ts';
