import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASKS, type TaskId } from '../../../src/index.ts';
import { useProfileStore } from '../../shared/profile/profileStore.ts';
import { colourContrast, spanPalette } from '../../shared/spans/palette.ts';
import { ErrorList } from '../../shared/ErrorList.tsx';
import { localizeProfileProblem } from '../../shared/i18n/coreMessages.ts';
import { keysTaken } from './annotateCommands.ts';

const TAKEN = keysTaken();

const button = 'rounded border border-slate-300 px-1.5 text-xs disabled:opacity-40 dark:border-slate-700';
const input = 'min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900';

/**
 * A task's word labels (entity types, relations, triggers, polarities) as a list to edit: add, rename,
 * reorder (the number keys and the palette follow the order) and colour, each colour checked for contrast
 * in light and dark. Saved in the format profile, which every edit is validated by; the Label Studio and
 * brat exports carry the colours.
 */
export function LabelSchemaEditor({ task }: { task: TaskId }) {
  const { t } = useTranslation();
  const profile = useProfileStore((s) => s.profile);
  const errors = useProfileStore((s) => s.errors).filter((e) => e.path.startsWith('wordLabels') || e.path.startsWith('labelColours') || e.path.startsWith('labelKeys'));
  const [taken, setTaken] = useState<string | null>(null);
  const labels = profile.wordLabels[task];
  const colourOf = spanPalette(profile.wordLabels, profile.labelColours);
  const keyOf = (label: string) => (TASKS[task].shape === 'triple' ? { relation: label } : { label });
  const [draft, setDraft] = useState('');
  const { update, setLabelColour, setLabelKey } = useProfileStore.getState();
  const save = (next: string[], colours = profile.labelColours, keys = profile.labelKeys) => update({ wordLabels: { ...profile.wordLabels, [task]: next }, labelColours: colours, labelKeys: keys });
  /** `table` with `old`'s entry under `name` (or dropped, for null). */
  const moved = (table: Record<string, string>, old: string, name: string | null) => {
    const out = { ...table };
    if (out[old] !== undefined && name !== null) out[name] = out[old];
    delete out[old];
    return out;
  };
  const rename = (i: number, name: string) => {
    const old = labels[i]!;
    if (name === old) return;
    // The label's chosen colour and key go with its new name.
    save(
      labels.map((l, j) => (j === i ? name : l)),
      moved(profile.labelColours, old, name),
      moved(profile.labelKeys, old, name),
    );
  };
  const remove = (i: number) => save(labels.filter((_, j) => j !== i), profile.labelColours, moved(profile.labelKeys, labels[i]!, null));
  const chooseKey = (label: string, typed: string) => {
    // A Japanese IME types full-width letters (ｐ): the key is the letter.
    const key = typed.normalize('NFKC').trim().toLowerCase();
    const command = TAKEN.get(key);
    if (command) {
      setTaken(t('schema.keyTaken', { key, label, command: t(command) }));
      return;
    }
    setTaken(null);
    setLabelKey(label, key === '' ? null : key);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...labels];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    save(next);
  };
  return (
    <details className="text-sm" data-testid="label-schema">
      <summary>{t('schema.heading', { count: labels.length })}</summary>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('schema.hint')}</p>
      <ol className="mt-1 grid gap-1">
        {labels.map((l, i) => {
          const colour = colourOf(keyOf(l));
          const weak = profile.labelColours[l] ? colourContrast(colour).filter((c) => !c.ok) : [];
          return (
            <li key={`${i}:${l}`} className="flex flex-wrap items-center gap-1" data-testid="schema-label">
              <kbd className="w-4 text-center font-mono text-xs text-slate-600 dark:text-slate-400">{i < 9 ? i + 1 : ''}</kbd>
              <input
                className={`${input} w-40`}
                defaultValue={l}
                lang="ja"
                aria-label={t('schema.name', { n: i + 1 })}
                onBlur={(e) => rename(i, e.target.value.trim())}
                onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && rename(i, e.currentTarget.value.trim())}
              />
              <input
                className={`${input} w-8 text-center font-mono`}
                value={profile.labelKeys[l] ?? ''}
                aria-label={t('schema.key', { label: l })}
                data-testid="schema-key"
                onChange={(e) => !(e.nativeEvent as InputEvent).isComposing && chooseKey(l, e.target.value.slice(-1))}
                // A letter typed through an IME arrives when the conversion is confirmed.
                onCompositionEnd={(e) => chooseKey(l, e.currentTarget.value.slice(-1))}
              />
              <input type="color" className="h-6 w-8" value={colour} aria-label={t('schema.colour', { label: l })} onChange={(e) => setLabelColour(l, e.target.value)} />
              {profile.labelColours[l] && (
                <button type="button" className={button} aria-label={t('schema.resetColourFor', { label: l })} onClick={() => setLabelColour(l, null)}>
                  {t('schema.resetColour')}
                </button>
              )}
              <button type="button" className={button} disabled={i === 0} aria-label={t('schema.up', { label: l })} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className={button} disabled={i === labels.length - 1} aria-label={t('schema.down', { label: l })} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className={button} aria-label={t('schema.remove', { label: l })} onClick={() => remove(i)}>
                ×
              </button>
              {weak.map((c) => (
                <span key={c.scheme} role="status" className="text-xs text-amber-800 dark:text-amber-300" data-testid="low-contrast">
                  {t('schema.lowContrast', { scheme: t(`schema.scheme.${c.scheme}`), text: c.text.toFixed(1), bar: c.bar.toFixed(1) })}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      <form
        className="mt-1 flex flex-wrap items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() === '') return;
          save([...labels, draft.trim()]);
          setDraft('');
        }}
      >
        <input className={`${input} w-40`} value={draft} lang="ja" aria-label={t('schema.newLabel')} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className={button}>
          {t('schema.add')}
        </button>
      </form>
      <ErrorList errors={[...errors.map(localizeProfileProblem), ...(taken ? [taken] : [])]} className="mt-1" testId="schema-errors" />
    </details>
  );
}
