import { useTranslation } from 'react-i18next';
import { itemOfNotice } from '../../../src/annotate/noticeItems.ts';
import { noticesOf } from '../../../src/format/warnings.ts';
import type { LocatedExtraction } from '../../../src/index.ts';
import { localizeNotice } from '../../shared/i18n/coreMessages.ts';
import type { CorpusState } from '../../shared/corpus/types.ts';

/**
 * The document's parse warnings, each that is about one item a button to it (the span selected, or the
 * tuple's row lit), so a warning leads to what it concerns. A warning whose item was corrected away is
 * no longer listed; one about no single item (an unreadable piece of the output) is listed as it is.
 */
export function EditorIssues({ x, state }: { x: LocatedExtraction; state: CorpusState }) {
  const { t } = useTranslation();
  const notices = noticesOf(x);
  if (!notices || notices.length === 0) return null;
  const shown = notices.map((n) => ({ n, item: itemOfNotice(x, n) })).filter(({ n, item }) => item !== null || n.code !== 'not-found');
  if (shown.length === 0) return null;
  return (
    <div role="status" aria-label={t('result.warnings')} className="rounded border border-amber-500 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="editor-warnings">
    <ul className="grid gap-1">
      {shown.map(({ n, item }, k) => (
        <li key={k} className="flex flex-wrap items-center gap-2">
          <span lang="ja">⚠ {localizeNotice(n)}</span>
          {item && (
            <button
              type="button"
              className="rounded border border-amber-700 px-1 text-xs"
              onClick={() => (item.list === 'entities' ? state.select(item.index) : state.selectArc({ kind: item.list, item: item.index, role: item.field }))}
            >
              {t('annotate.showItem')}
            </button>
          )}
        </li>
      ))}
    </ul>
    </div>
  );
}
