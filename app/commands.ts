import { lift, type Command } from './shared/commands/commands.ts';
import { i18next, setLanguage } from './shared/i18n/i18n.ts';
import { useThemeStore } from './shared/theme.ts';
import { useCorpusStore, type CorpusState } from './shared/corpus/corpusStore.ts';
import { annotateCommands, type AnnotateCommandId } from './features/annotate/annotateCommands.ts';
import { workspaceCommandState, workspaceCommands, type WorkspaceCommandId, type WorkspaceCommandState } from './features/workspace/workspaceCommands.ts';

/** What every command may read: each feature's commands are lifted from their own part of it. */
export interface AppCommandState {
  workspace: WorkspaceCommandState;
  corpus: CorpusState;
}

export type AppCommandId = WorkspaceCommandId | AnnotateCommandId | 'toggleLanguage' | 'toggleTheme' | 'help';
export type AppCommand = Command<AppCommandState, AppCommandId>;

export const appCommandState = (): AppCommandState => ({ workspace: workspaceCommandState(), corpus: useCorpusStore.getState() });

/** Every user command, defined once: the key handler, the help sheet and tests read these. */
export function appCommands(openHelp: () => void, labelKeys: Readonly<Record<string, string>> = {}): AppCommand[] {
  const always = () => true;
  return [
    ...workspaceCommands().map((c) => lift(c, (s: AppCommandState) => s.workspace)),
    { id: 'toggleLanguage', label: 'commands.toggleLanguage', shortcut: { key: 'l', alt: true }, enabled: always, run: () => setLanguage(i18next.language === 'ja' ? 'en' : 'ja') },
    { id: 'toggleTheme', label: 'commands.toggleTheme', shortcut: { key: 'd', alt: true }, enabled: always, run: () => useThemeStore.getState().cycle() },
    { id: 'help', label: 'commands.help', shortcut: { key: '?', shift: true }, enabled: always, run: openHelp },
    ...annotateCommands(labelKeys).map((c) => lift(c, (s: AppCommandState) => s.corpus)),
  ];
}
