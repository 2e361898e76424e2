import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkspacePage } from './features/workspace/WorkspacePage.tsx';
import { ModelPanel } from './features/models/ModelPanel.tsx';
import { CorpusPanel } from './features/corpus/CorpusPanel.tsx';
import { BatchPanel } from './features/batch/BatchPanel.tsx';
import { HelpSheet } from './shared/commands/HelpSheet.tsx';
import { useShortcuts } from './shared/commands/useShortcuts.ts';
import { LANGUAGES, setLanguage, type Language } from './shared/i18n/i18n.ts';
import { useThemeStore, type Theme } from './shared/theme.ts';
import { appCommands, appCommandState } from './commands.ts';
import { keepWorkspaceOnOpenDocument, openDocument, suggestFromRun, workspaceRunOptions, workspaceTask } from './workflows.ts';
import { useCorpusStore } from './shared/corpus/corpusStore.ts';
import { useProfileStore } from './shared/profile/profileStore.ts';
import { PwaStatus } from './shared/PwaStatus.tsx';
import { SettingsNotice } from './shared/storage/SettingsNotice.tsx';
import { LazyBoundary } from './shared/LazyBoundary.tsx';

// Evaluation is for researchers at the end of a job: its code loads after the page, not with it.
// The editor is needed once a document is opened: its code loads then (the first open waits for it once).
const AnnotationEditor = lazy(() => import('./features/annotate/AnnotationEditor.tsx').then((m) => ({ default: m.AnnotationEditor })));
const EvaluationPanel = lazy(() => import('./features/evaluation/EvaluationPanel.tsx').then((m) => ({ default: m.EvaluationPanel })));

const control = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';

export function App() {
  const { t, i18n } = useTranslation();
  const [help, setHelp] = useState(false);
  const theme = useThemeStore((s) => s.theme);
  // A label's own key is a command too: the list follows the profile's keys.
  const labelKeys = useProfileStore((s) => s.profile.labelKeys);
  const commands = useMemo(() => appCommands(() => setHelp(true), labelKeys), [labelKeys]);
  useShortcuts(useCallback(() => commands, [commands]), appCommandState);
  useEffect(() => keepWorkspaceOnOpenDocument(), []);
  // The document open in the editor is the workspace's too: one document, shown once.
  const docId = useCorpusStore((s) => s.docId);
  const editorText = useCorpusStore((s) => s.editorText);
  const doc = useCorpusStore((s) => (s.docId === null ? undefined : s.documents.find((d) => d.id === s.docId)));
  const open = useMemo(
    () => (docId === null || !doc ? null : { text: editorText, label: `${doc.source}${doc.line === null ? '' : `:${doc.line}`}`, close: () => useCorpusStore.getState().closeEditor(), suggest: suggestFromRun }),
    [docId, doc, editorText],
  );

  return (
    // Wide screens, with a document open: the list beside the document and its items, not a column with
    // 600 px to spare.
    <div className={`mx-auto max-w-5xl p-3 sm:p-4 ${open ? '2xl:max-w-[110rem]' : ''}`}>
      <header className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">{t('app.title')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('app.subtitle')}</p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <PwaStatus />
          <select className={control} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('app.language')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'ja' ? '日本語' : 'English'}
              </option>
            ))}
          </select>
          <select className={control} value={theme} onChange={(e) => useThemeStore.getState().setTheme(e.target.value as Theme)} aria-label={t('app.theme')}>
            <option value="system">{t('app.themeSystem')}</option>
            <option value="light">{t('app.themeLight')}</option>
            <option value="dark">{t('app.themeDark')}</option>
          </select>
          <button type="button" className={control} onClick={() => setHelp(true)} aria-label={t('app.help')} title={t('app.help')}>
            ?
          </button>
        </div>
      </header>
      <SettingsNotice />
      <main className="grid grid-cols-1 gap-4">
        <ModelPanel />
        <div className={open ? 'grid grid-cols-1 items-start gap-4 2xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]' : 'grid grid-cols-1 gap-4'} data-testid="corpus-and-editor">
          <CorpusPanel importTask={workspaceTask} onOpen={openDocument} batch={(ids) => <BatchPanel ids={ids} optionsFor={workspaceRunOptions} />} />
          {docId !== null && (
            <LazyPanel>
              <AnnotationEditor />
            </LazyPanel>
          )}
        </div>
        <LazyPanel>
          <EvaluationPanel />
        </LazyPanel>
        <WorkspacePage openDocument={open} />
      </main>
      {help && <HelpSheet commands={commands} onClose={() => setHelp(false)} />}
    </div>
  );
}

/** A panel whose code loads after the page: nothing while it loads, and a message if it cannot (a new deployment). */
function LazyPanel({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LazyBoundary
      fallback={
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="panel-unavailable">
          {t('app.panelUnavailable')}
        </p>
      }
    >
      <Suspense fallback={null}>{children}</Suspense>
    </LazyBoundary>
  );
}
