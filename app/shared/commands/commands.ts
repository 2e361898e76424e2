import type { MessageKey } from '../i18n/en.ts';

/** A keyboard shortcut: `key` as KeyboardEvent.key; `mod` is Ctrl, or ⌘ on a Mac. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Fires while typing in a text field too (e.g. Ctrl+Enter to run). */
  inTextFields?: boolean;
  /**
   * Fires only when the key goes to the page itself or to an element inside this selector: for a key
   * such as Tab, which everywhere else must keep moving the focus.
   */
  within?: string;
}

/**
 * Every user command is defined once: its typed id, its label, its shortcut, when it is enabled and its
 * effect. Menus, buttons, the shortcut handler, the help sheet and tests all read the same definitions.
 * `enabled` and `run` receive the state they read, so a button re-renders with the state it is given.
 */
export interface Command<S = never, Id extends string = string> {
  id: Id;
  label: MessageKey;
  /** What the label's message is filled with (a label's own key names the label). */
  labelParams?: Record<string, string>;
  shortcut?: Shortcut;
  enabled(state: S): boolean;
  run(state: S): void;
}

/** A command of one context (a slice of state) as a command of a wider one. */
export function lift<S, T, Id extends string>(c: Command<S, Id>, part: (state: T) => S): Command<T, Id> {
  return { ...c, enabled: (s) => c.enabled(part(s)), run: (s) => c.run(part(s)) };
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  keyCode?: number;
}

export function matches(e: KeyLike, s: Shortcut, isMac: boolean): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  return e.key.toLowerCase() === s.key.toLowerCase() && mod === Boolean(s.mod) && e.shiftKey === Boolean(s.shift) && e.altKey === Boolean(s.alt);
}

/**
 * The command a key press means, or null. Nothing fires while an IME is composing Japanese text (the Enter
 * that confirms a conversion must never run the model), nor in a text field unless the shortcut says so.
 * Commands sharing a key are asked in order; the first one enabled runs.
 */
export function commandFor<S, C extends Command<S>>(e: KeyLike, commands: readonly C[], state: S, inTextField: boolean, isMac: boolean, targetWithin: (selector: string) => boolean = () => true): C | null {
  if (e.isComposing || e.keyCode === 229) return null;
  for (const c of commands) {
    if (!c.shortcut || !matches(e, c.shortcut, isMac)) continue;
    if (inTextField && !c.shortcut.inTextFields) continue;
    if (c.shortcut.within !== undefined && !targetWithin(c.shortcut.within)) continue;
    // One key may mean different things in different states (Escape stops a run, or leaves an arc):
    // the first command it is enabled for.
    if (c.enabled(state)) return c;
  }
  return null;
}

export function formatShortcut(s: Shortcut, isMac: boolean): string {
  const parts: string[] = [];
  if (s.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (s.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (s.shift) parts.push('Shift');
  parts.push(s.key === ' ' ? 'Space' : s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return parts.join(isMac ? '' : '+');
}

/** The shortcut as `aria-keyshortcuts` spells it (Control, Meta, Alt, Shift), for assistive technology. */
export function ariaShortcut(s: Shortcut, isMac: boolean): string {
  const parts: string[] = [];
  if (s.mod) parts.push(isMac ? 'Meta' : 'Control');
  if (s.alt) parts.push('Alt');
  if (s.shift) parts.push('Shift');
  parts.push(s.key === ' ' ? 'Space' : s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return parts.join('+');
}
