/**
 * Styles that thousands of elements share (a span's tint and bars), as one class each in a constructed
 * style sheet, so the browser parses each distinct look once instead of once per element: a 5,000-span
 * article spent a third of its first render parsing the same `background` inline styles (bench/render.ts).
 * The page's CSP (`style-src 'self'`) forbids `<style>` elements and style attributes set from markup,
 * not CSSOM rules, so this stays within it. Where there is no constructed style sheet (an old browser),
 * callers fall back to inline styles.
 */
let sheet: CSSStyleSheet | null | undefined;
const classes = new Map<string, string>();

function theSheet(): CSSStyleSheet | null {
  if (sheet !== undefined) return sheet;
  sheet = null;
  if (typeof document === 'undefined' || typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return sheet;
  try {
    const s = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
    sheet = s;
  } catch {
    // A browser without constructable sheets: inline styles it is.
  }
  return sheet;
}

/** The class whose rule is `declarations` (keyed by `key`, which names the look), or null where none can be made. */
export function sharedClass(key: string, declarations: string): string | null {
  const known = classes.get(key);
  if (known !== undefined) return known;
  const s = theSheet();
  // Declarations only, never a rule of their own: anything that could close this rule or open another (a
  // colour that is not one) is left to an inline style, which the CSSOM sets property by property.
  if (s === null || /[{}@<>\\]/.test(declarations)) return null;
  const name = `gl-${classes.size.toString(36)}`;
  try {
    s.insertRule(`.${name}{${declarations}}`, s.cssRules.length);
  } catch {
    return null;
  }
  classes.set(key, name);
  return name;
}
