import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PendingActions } from './PendingActions.tsx';
import { TASK_IDS, TASKS, type TaskId } from '../../../src/index.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import type { PendingImport } from '../../shared/corpus/types.ts';
import { CsvMappingForm } from './CsvMappingForm.tsx';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700';
const box = 'mt-2 grid gap-2 rounded border border-slate-300 p-2 text-sm dark:border-slate-700';

/** The question a file of an import waits on: its CSV columns, its task, or its duplicates. */
export function PendingImportForm({ pending, defaultTask }: { pending: PendingImport; defaultTask: TaskId }) {
  const { t } = useTranslation();
  const store = useCorpusStore.getState();
  if (pending.kind === 'csv') return <CsvMappingForm key={pending.name} pending={pending} />;
  if (pending.kind === 'task') return <TaskForm key={pending.name} pending={pending} defaultTask={defaultTask} />;
  if (pending.kind === 'category') return <CategoryForm key={pending.name} pending={pending} />;
  return (
    <div className={box} role="group" aria-label={t('corpus.duplicatesHeading', { name: pending.name, count: pending.duplicates })} data-testid="duplicates">
      <p className="font-medium">{t('corpus.duplicatesHeading', { name: pending.name, count: pending.duplicates })}</p>
      <div className="flex flex-wrap gap-2">
        {(['skip', 'replace', 'keep'] as const).map((c) => (
          <button key={c} type="button" className={button} onClick={() => void store.confirmDuplicates(c)}>
            {t(`corpus.duplicates${c === 'skip' ? 'Skip' : c === 'replace' ? 'Replace' : 'Keep'}`)}
          </button>
        ))}
        <button type="button" className={button} onClick={() => store.cancelPending()}>
          {t('corpus.cancel')}
        </button>
      </div>
    </div>
  );
}

function TaskForm({ pending, defaultTask }: { pending: Extract<PendingImport, { kind: 'task' }>; defaultTask: TaskId }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const offered = pending.candidates.length ? pending.candidates : TASK_IDS;
  const [task, setTask] = useState<TaskId>(offered.includes(defaultTask) ? defaultTask : offered[0]!);
  const heading = t('corpus.taskHeading', { name: pending.name, count: pending.count });
  return (
    <form
      className={box}
      aria-label={heading}
      data-testid="task-choice"
      onSubmit={(e) => {
        e.preventDefault();
        void useCorpusStore.getState().confirmTask(task);
      }}
    >
      <p className="font-medium">{heading}</p>
      <select className={button} value={task} onChange={(e) => setTask(e.target.value as TaskId)} aria-label={t('corpus.filterTask')}>
        {offered.map((id) => (
          <option key={id} value={id}>
            {TASKS[id].name[lang]}
          </option>
        ))}
      </select>
      <PendingActions submitLabel={t('corpus.taskImport')} />
    </form>
  );
}

const NONE = '';

function CategoryForm({ pending }: { pending: Extract<PendingImport, { kind: 'category' }> }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState(NONE);
  const heading = t('corpus.categoryHeading', { name: pending.name });
  return (
    <form
      className={box}
      aria-label={heading}
      data-testid="category-choice"
      onSubmit={(e) => {
        e.preventDefault();
        void useCorpusStore.getState().confirmCategory(category === NONE ? null : category);
      }}
    >
      <p className="font-medium">{heading}</p>
      <select className={button} value={category} onChange={(e) => setCategory(e.target.value)} aria-label={t('corpus.categoryChoice')}>
        <option value={NONE}>{t('corpus.categoryNone')}</option>
        {pending.categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <PendingActions submitLabel={t('corpus.categoryImport')} />
    </form>
  );
}
