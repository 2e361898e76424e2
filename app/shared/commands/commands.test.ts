import { describe, expect, it } from 'vitest';
import { ariaShortcut, commandFor, formatShortcut, type Command, type KeyLike } from './commands.ts';

const key = (k: string, o: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, ...o });
const ran: string[] = [];
const cmd = (id: string, shortcut: Command['shortcut'], enabled = true): Command => ({ id, label: id, shortcut, enabled: () => enabled, run: () => void ran.push(id) });
const COMMANDS = [cmd('run', { key: 'Enter', mod: true, inTextFields: true }), cmd('help', { key: '?', shift: true }), cmd('off', { key: 'x' }, false)];

describe('commandFor', () => {
  it('finds the command of a shortcut, Ctrl on Linux and ⌘ on a Mac', () => {
    expect(commandFor(key('Enter', { ctrlKey: true }), COMMANDS, false, false)?.id).toBe('run');
    expect(commandFor(key('Enter', { metaKey: true }), COMMANDS, false, true)?.id).toBe('run');
    expect(commandFor(key('Enter', { metaKey: true }), COMMANDS, false, false)).toBeNull();
    expect(commandFor(key('?', { shiftKey: true }), COMMANDS, false, false)?.id).toBe('help');
  });

  it('never fires while an IME is composing', () => {
    expect(commandFor(key('Enter', { ctrlKey: true, isComposing: true }), COMMANDS, true, false)).toBeNull();
    expect(commandFor(key('Process', { ctrlKey: true, keyCode: 229 }), COMMANDS, true, false)).toBeNull();
  });

  it('keeps plain keys for typing in text fields, and skips disabled commands', () => {
    expect(commandFor(key('?', { shiftKey: true }), COMMANDS, true, false)).toBeNull();
    expect(commandFor(key('Enter', { ctrlKey: true }), COMMANDS, true, false)?.id).toBe('run');
    expect(commandFor(key('x'), COMMANDS, false, false)).toBeNull();
  });

  it('formats shortcuts per platform', () => {
    expect(formatShortcut({ key: 'Enter', mod: true }, false)).toBe('Ctrl+Enter');
    expect(ariaShortcut({ key: 'z', mod: true, shift: true }, false)).toBe('Control+Shift+Z');
    expect(ariaShortcut({ key: 'z', mod: true }, true)).toBe('Meta+Z');
    expect(formatShortcut({ key: 'c', mod: true, shift: true }, true)).toBe('⌘ShiftC');
  });
});
