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

/** A question about a file answered by one choice from a list: the heading, the list, and the two answers. */
function ChoiceForm(props: { heading: string; testId: string; label: string; options: readonly (readonly [string, string])[]; initial: string; submitLabel: string; onSubmit(value: string): void }) {
  const [value, setValue] = useState(props.initial);
  return (
    <form
      className={box}
      aria-label={props.heading}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(value);
      }}
    >
      <p className="font-medium">{props.heading}</p>
      <select className={button} value={value} onChange={(e) => setValue(e.target.value)} aria-label={props.label}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <PendingActions submitLabel={props.submitLabel} />
    </form>
  );
}

function TaskForm({ pending, defaultTask }: { pending: Extract<PendingImport, { kind: 'task' }>; defaultTask: TaskId }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const offered = pending.candidates.length ? pending.candidates : TASK_IDS;
  return (
    <ChoiceForm
      heading={t('corpus.taskHeading', { name: pending.name, count: pending.count })}
      testId="task-choice"
      label={t('corpus.filterTask')}
      options={offered.map((id) => [id, TASKS[id].name[lang]] as const)}
      initial={offered.includes(defaultTask) ? defaultTask : offered[0]!}
      submitLabel={t('corpus.taskImport')}
      onSubmit={(task) => void useCorpusStore.getState().confirmTask(task as TaskId)}
    />
  );
}

const NONE = '';

function CategoryForm({ pending }: { pending: Extract<PendingImport, { kind: 'category' }> }) {
  const { t } = useTranslation();
  return (
    <ChoiceForm
      heading={t('corpus.categoryHeading', { name: pending.name })}
      testId="category-choice"
      label={t('corpus.categoryChoice')}
      options={[[NONE, t('corpus.categoryNone')], ...pending.categories.map((c) => [c, c] as const)]}
      initial={NONE}
      submitLabel={t('corpus.categoryImport')}
      onSubmit={(c) => void useCorpusStore.getState().confirmCategory(c === NONE ? null : c)}
    />
  );
}
