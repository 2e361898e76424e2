import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../src/index.ts';
import { CommandButton } from '../../shared/commands/CommandButton.tsx';
import type { CorpusState } from '../../shared/corpus/types.ts';
import type { AnnotateCommand, AnnotateCommandId } from './annotateCommands.ts';

/**
 * Who made an item, in a word: a model's suggestion (with ✓ and ✗, the same commands as Y and X, run on
 * this item), a model's item someone accepted, a person's change to one, or a person's. Nothing when not known.
 */
export function ProvenanceTag({ provenance: p, item, state, command }: { provenance: Provenance | undefined; item: string; state: CorpusState; command(id: AnnotateCommandId): AnnotateCommand }) {
  const { t } = useTranslation();
  if (!p) return null;
  const name = (n: string) => n || t('annotate.someone');
  if (p.suggestion)
    return (
      <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="suggestion-tag">
        <span className="rounded border border-dashed border-slate-500 px-1">{t('annotate.suggestedBy', { model: p.name })}</span>
        <CommandButton command={command('acceptSuggestion')} state={state} className="rounded border border-emerald-700 px-1 text-emerald-800 dark:text-emerald-300" ariaLabel={t('annotate.acceptItem', { item })}>
          ✓
        </CommandButton>
        <CommandButton command={command('rejectSuggestion')} state={state} className="rounded border border-red-700 px-1 text-red-800 dark:text-red-300" ariaLabel={t('annotate.rejectItem', { item })}>
          ✗
        </CommandButton>
      </span>
    );
  const text = p.by === 'model' || p.accepted ? t('annotate.acceptedBy', { model: p.name, name: name(p.accepted?.name ?? '') }) : p.from ? t('annotate.changedFrom', { name: name(p.name), model: p.from }) : t('annotate.person', { name: name(p.name) });
  const when = p.accepted?.at ?? p.at;
  return (
    <span className="text-xs text-slate-600 dark:text-slate-400" title={when ? new Date(when).toLocaleString() : undefined} data-testid="provenance">
      {text}
    </span>
  );
}
