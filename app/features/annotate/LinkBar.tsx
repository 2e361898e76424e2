import { useTranslation } from 'react-i18next';
import { arcsOf, linkChoices, rangeText } from '../../../src/annotate/arcs.ts';
import type { TupleKind } from '../../../src/format/itemSchema.ts';
import { CommandButton } from '../../shared/commands/CommandButton.tsx';
import { labelChoices } from '../../shared/corpus/corpusStore.ts';
import type { CorpusState } from '../../shared/corpus/types.ts';
import type { AnnotateCommand, AnnotateCommandId } from './annotateCommands.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-40 dark:border-slate-700';

/**
 * What the arc keys act on, said in words: the arc being drawn (from, to, and the choices the number keys
 * give it), or the arc selected (relabel, delete). Every control is one of the editor's commands.
 */
export function LinkBar({ kind, state, command, labelCommand }: { kind: TupleKind; state: CorpusState; command(id: AnnotateCommandId): AnnotateCommand; labelCommand(choice: string, i: number): AnnotateCommand | undefined }) {
  const { t } = useTranslation();
  const { linking, arc, current: x, editorText: text, editorTask } = state;
  const choices = linkChoices(kind, labelChoices(editorTask));
  const shown = (choice: string) => (kind === 'events' ? t(`result.${choice}` as 'result.subject') : choice);
  const picks = choices.map((c, i) => {
    const pick = labelCommand(c, i);
    return pick && <CommandButton key={c} command={pick} state={state} className={button} label={shown(c)} />;
  });
  const cancel = <CommandButton command={command('cancel')} state={state} className={button} />;
  if (linking) {
    return (
      <div role="status" className="flex flex-wrap items-center gap-1 text-sm" data-testid="link-bar" lang="ja">
        {linking.to ? (
          <>
            <span>{t('annotate.linkFromTo', { from: rangeText(text, linking.from), to: rangeText(text, linking.to) })}</span>
            {picks}
          </>
        ) : (
          <span>{t('annotate.linkNoTarget', { from: rangeText(text, linking.from) })}</span>
        )}
        {cancel}
      </div>
    );
  }
  const a = arc && x ? arcsOf(x).find((o) => o.kind === arc.kind && o.item === arc.item && o.role === arc.role) : undefined;
  if (!a) return null;
  return (
    <div role="status" className="flex flex-wrap items-center gap-1 text-sm" data-testid="arc-bar" lang="ja">
      <span>{t('annotate.arcSelected', { from: rangeText(text, a.from), to: rangeText(text, a.to), label: shown(a.label) })}</span>
      <span>{t('annotate.arcRelabel')}</span>
      {picks}
      <CommandButton command={command('deleteSpan')} state={state} className={button} label={t('annotate.deleteArc')} />
      {cancel}
    </div>
  );
}
