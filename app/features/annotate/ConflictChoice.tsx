import { useTranslation } from 'react-i18next';
import type { LocatedExtraction } from '../../../src/index.ts';
import { currentExtraction } from '../../../src/corpus/document.ts';
import { useCorpusStore } from '../../shared/corpus/corpusStore.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700';

/** One version of a document in a few words: its category and its first items. */
function Version({ x, testId }: { x: LocatedExtraction; testId: string }) {
  const { t } = useTranslation();
  const items = [...x.entities.map((e) => `${e.label}:${e.text}`), ...x.relations.map((r) => `${r.head};${r.relation};${r.tail}`), ...x.events.map((q) => `${q.subject};${q.trigger};${q.object ?? ''};${q.time}`)];
  return (
    <p className="text-xs" data-testid={testId}>
      {t('annotate.conflictVersion', { category: x.category ?? t('result.noCategory'), count: items.length })}
      {items.length > 0 && `: ${items.slice(0, 8).join(' · ')}${items.length > 8 ? ' …' : ''}`}
    </p>
  );
}

/** Both versions of a document two tabs corrected at once, and the choice of which to keep. */
export function ConflictChoice({ mine }: { mine: LocatedExtraction }) {
  const { t } = useTranslation();
  const conflict = useCorpusStore((s) => s.conflict);
  if (!conflict) return null;
  const theirs = conflict.theirs && currentExtraction(conflict.theirs, useProfileStore.getState().profile);
  return (
    <div role="alertdialog" aria-label={t('annotate.conflictTitle')} className="grid gap-1 rounded border border-amber-400 p-2 text-sm" data-testid="conflict">
      <p className="font-medium">{t(theirs ? 'annotate.conflictChanged' : 'annotate.conflictDeleted')}</p>
      <p className="text-xs font-medium">{t('annotate.conflictMine')}</p>
      <Version x={mine} testId="conflict-mine" />
      <p className="text-xs font-medium">{t('annotate.conflictTheirs')}</p>
      {theirs ? <Version x={theirs} testId="conflict-theirs" /> : <p className="text-xs">{t('annotate.conflictGone')}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={button} onClick={() => void useCorpusStore.getState().resolveConflict('mine')}>
          {t(theirs ? 'annotate.keepMine' : 'annotate.restoreMine')}
        </button>
        <button type="button" className={button} onClick={() => void useCorpusStore.getState().resolveConflict('theirs')}>
          {t(theirs ? 'annotate.keepTheirs' : 'annotate.dropMine')}
        </button>
      </div>
    </div>
  );
}
