import type { Command } from '../../shared/commands/commands.ts';
import { engine, type EngineStatus } from '../../shared/engine/engine.ts';
import { useEngine } from '../../shared/engine/useEngine.ts';
import { copyResults, startRun } from './runActions.ts';
import { useInputStore, type InputState } from './inputStore.ts';

/** What the workspace's commands read: the engine's status, whether there is text, and the input's actions. */
export interface WorkspaceCommandState {
  status: EngineStatus;
  hasText: boolean;
  input: Pick<InputState, 'toggleInput' | 'nextSample'>;
}

export type WorkspaceCommandId = 'run' | 'stop' | 'focusText' | 'toggleInput' | 'copyJson' | 'nextSample';
export type WorkspaceCommand = Command<WorkspaceCommandState, WorkspaceCommandId>;

export const canRun = (s: WorkspaceCommandState) => s.status === 'ready' && s.hasText;
export const canStop = (s: WorkspaceCommandState) => s.status === 'generating';

const hasText = (s: InputState) => s.text.trim() !== '';

/** The workspace's state now, for a key press or a test. */
export const workspaceCommandState = (): WorkspaceCommandState => ({ status: engine.store.getState().status, hasText: hasText(useInputStore.getState()), input: useInputStore.getState() });

/** The same, for a component: it re-renders when the status or the text's emptiness changes. */
export function useWorkspaceCommandState(): WorkspaceCommandState {
  const status = useEngine((s) => s.status);
  const text = useInputStore(hasText);
  const input = useInputStore.getState();
  return { status, hasText: text, input };
}

/** The workspace commands: run and stop the model, and move around the text and its results. */
export function workspaceCommands(): WorkspaceCommand[] {
  const always = () => true;
  return [
    { id: 'run', label: 'commands.run', shortcut: { key: 'Enter', mod: true, inTextFields: true }, enabled: canRun, run: () => void startRun() },
    { id: 'stop', label: 'commands.stop', shortcut: { key: 'Escape', inTextFields: true }, enabled: canStop, run: () => engine.stop() },
    { id: 'focusText', label: 'commands.focusText', shortcut: { key: 't', alt: true, inTextFields: true }, enabled: always, run: () => document.getElementById('source-text')?.focus() },
    { id: 'toggleInput', label: 'commands.toggleInput', shortcut: { key: 'i', alt: true, inTextFields: true }, enabled: always, run: (s) => s.input.toggleInput() },
    { id: 'copyJson', label: 'commands.copyJson', shortcut: { key: 'j', alt: true, inTextFields: true }, enabled: always, run: copyResults },
    { id: 'nextSample', label: 'commands.nextSample', shortcut: { key: 'n', alt: true }, enabled: always, run: (s) => s.input.nextSample() },
  ];
}
