import type { Command } from './shared/commands/commands.ts';
import { engine } from './shared/engine/engine.ts';
import { i18next, setLanguage } from './shared/i18n/i18n.ts';
import { useThemeStore } from './shared/theme.ts';
import { useInputStore } from './features/workspace/inputStore.ts';
import { annotateCommands } from './features/annotate/annotateCommands.ts';
import { canRun, canStop, copyResults, startRun } from './features/workspace/runActions.ts';

/** Every user command, defined once: the key handler, the help sheet and tests read these. */
export function appCommands(openHelp: () => void): Command[] {
  const always = () => true;
  return [
    { id: 'run', label: 'commands.run', shortcut: { key: 'Enter', mod: true, inTextFields: true }, enabled: canRun, run: () => void startRun() },
    { id: 'stop', label: 'commands.stop', shortcut: { key: 'Escape', inTextFields: true }, enabled: canStop, run: () => engine.stop() },
    { id: 'focusText', label: 'commands.focusText', shortcut: { key: 't', alt: true, inTextFields: true }, enabled: always, run: () => document.getElementById('source-text')?.focus() },
    { id: 'toggleInput', label: 'commands.toggleInput', shortcut: { key: 'i', alt: true, inTextFields: true }, enabled: always, run: () => useInputStore.getState().toggleInput() },
    { id: 'copyJson', label: 'commands.copyJson', shortcut: { key: 'j', alt: true, inTextFields: true }, enabled: always, run: copyResults },
    { id: 'nextSample', label: 'commands.nextSample', shortcut: { key: 'n', alt: true }, enabled: always, run: () => useInputStore.getState().nextSample() },
    { id: 'toggleLanguage', label: 'commands.toggleLanguage', shortcut: { key: 'l', alt: true }, enabled: always, run: () => setLanguage(i18next.language === 'ja' ? 'en' : 'ja') },
    { id: 'toggleTheme', label: 'commands.toggleTheme', shortcut: { key: 'd', alt: true }, enabled: always, run: () => useThemeStore.getState().cycle() },
    { id: 'help', label: 'commands.help', shortcut: { key: '?', shift: true }, enabled: always, run: openHelp },
    ...annotateCommands(),
  ];
}
