import { describe, expect, it } from 'vitest';
import { ariaShortcut, commandFor, formatShortcut, lift, type Command, type KeyLike } from './commands.ts';

const key = (k: string, o: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, ...o });
const ran: string[] = [];
type State = { off: boolean };
const cmd = (id: string, shortcut: Command<State>['shortcut'], enabled = true): Command<State> => ({ id, label: 'commands.run', shortcut, enabled: (s) => enabled && !s.off, run: () => void ran.push(id) });
const COMMANDS = [cmd('run', { key: 'Enter', mod: true, inTextFields: true }), cmd('help', { key: '?', shift: true }), cmd('off', { key: 'x' }, false)];
const ON: State = { off: false };

describe('commandFor', () => {
  it('finds the command of a shortcut, Ctrl on Linux and ⌘ on a Mac', () => {
    expect(commandFor(key('Enter', { ctrlKey: true }), COMMANDS, ON, false, false)?.id).toBe('run');
    expect(commandFor(key('Enter', { metaKey: true }), COMMANDS, ON, false, true)?.id).toBe('run');
    expect(commandFor(key('Enter', { metaKey: true }), COMMANDS, ON, false, false)).toBeNull();
    expect(commandFor(key('?', { shiftKey: true }), COMMANDS, ON, false, false)?.id).toBe('help');
  });

  it('never fires while an IME is composing', () => {
    expect(commandFor(key('Enter', { ctrlKey: true, isComposing: true }), COMMANDS, ON, true, false)).toBeNull();
    expect(commandFor(key('Process', { ctrlKey: true, keyCode: 229 }), COMMANDS, ON, true, false)).toBeNull();
  });

  it('keeps plain keys for typing in text fields, and skips disabled commands', () => {
    expect(commandFor(key('?', { shiftKey: true }), COMMANDS, ON, true, false)).toBeNull();
    expect(commandFor(key('Enter', { ctrlKey: true }), COMMANDS, ON, true, false)?.id).toBe('run');
    expect(commandFor(key('x'), COMMANDS, ON, false, false)).toBeNull();
  });

  it('gives a key shared by two commands to the first one enabled in this state', () => {
    const shared = [cmd('stop', { key: 'Escape' }, false), cmd('cancel', { key: 'Escape' })];
    expect(commandFor(key('Escape'), shared, ON, false, false)?.id).toBe('cancel');
    expect(commandFor(key('Escape'), shared, { off: true }, false, false)).toBeNull();
  });

  it('fires a scoped key (Tab) only inside its scope, so elsewhere the key keeps its own meaning', () => {
    const tab = [cmd('cycle', { key: 'Tab', within: '[data-testid="annotated-text"]' })];
    expect(commandFor(key('Tab'), tab, ON, false, false, (sel) => sel === '[data-testid="annotated-text"]')?.id).toBe('cycle');
    expect(commandFor(key('Tab'), tab, ON, false, false, () => false)).toBeNull();
  });

  it('asks each command with the state it is given, also when lifted into a wider state', () => {
    expect(commandFor(key('Enter', { ctrlKey: true }), COMMANDS, { off: true }, false, false)).toBeNull();
    const wide = COMMANDS.map((c) => lift(c, (s: { inner: State }) => s.inner));
    expect(commandFor(key('?', { shiftKey: true }), wide, { inner: ON }, false, false)?.id).toBe('help');
    expect(commandFor(key('?', { shiftKey: true }), wide, { inner: { off: true } }, false, false)).toBeNull();
  });

  it('formats shortcuts per platform', () => {
    expect(formatShortcut({ key: 'Enter', mod: true }, false)).toBe('Ctrl+Enter');
    expect(ariaShortcut({ key: 'z', mod: true, shift: true }, false)).toBe('Control+Shift+Z');
    expect(ariaShortcut({ key: 'z', mod: true }, true)).toBe('Meta+Z');
    expect(formatShortcut({ key: 'c', mod: true, shift: true }, true)).toBe('⌘ShiftC');
  });
});
