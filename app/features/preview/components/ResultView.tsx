import type { LocatedExtraction, Offsets } from '../../../../src/index.ts';
import { ItemTable, type Column } from './ItemTable.tsx';
import { labelHue, segmentText, type LabeledRange } from '../../../shared/segments.ts';

const range = (o: Offsets | undefined, label: string, item: number): LabeledRange[] => (o ? [{ start: o[0], end: o[1], label, item }] : []);

function rangesOf(x: LocatedExtraction): LabeledRange[] {
  return [
    ...x.entities.flatMap((e, i) => (e.start != null && e.end != null ? [{ start: e.start, end: e.end, label: e.label, item: i }] : [])),
    ...x.relations.flatMap((r, i) => [...range(r.offsets?.head, 'head', i), ...range(r.offsets?.tail, 'tail', i)]),
    ...x.events.flatMap((e, i) => [
      ...range(e.offsets?.subject, 'subject', i),
      ...range(e.offsets?.trigger, 'trigger', i),
      ...range(e.offsets?.object, 'object', i),
      ...range(e.offsets?.time, 'time', i),
    ]),
  ];
}

type Row<K extends 'entities' | 'relations' | 'events'> = LocatedExtraction[K][number];
const ENTITY_COLUMNS: Column<Row<'entities'>>[] = [
  { header: 'Label', value: (e) => e.label },
  { header: 'Span', value: (e) => e.text },
  { header: 'Offsets', value: (e) => (e.start == null ? 'not found' : `${e.start}–${e.end}`) },
];
const RELATION_COLUMNS: Column<Row<'relations'>>[] = [
  { header: 'Head', value: (r) => r.head },
  { header: 'Relation', value: (r) => r.relation },
  { header: 'Tail', value: (r) => r.tail },
];
const EVENT_COLUMNS: Column<Row<'events'>>[] = [
  { header: 'Subject', value: (e) => e.subject },
  { header: 'Trigger', value: (e) => e.trigger },
  { header: 'Object', value: (e) => e.object ?? '—' },
  { header: 'Time', value: (e) => e.time },
];

const chip = (label: string) => ({ backgroundColor: `hsl(${labelHue(label)} 80% 75% / 0.55)` });

/** The category, the text with every located span highlighted, and the items as tables. Text is never HTML. */
export function ResultView({ text, extraction: x }: { text: string; extraction: LocatedExtraction }) {
  const ranges = rangesOf(x);
  const labels = [...new Set(ranges.map((r) => r.label))];
  return (
    <section className="grid gap-3" aria-labelledby="result-heading">
      <div className="flex items-center gap-2">
        <h2 id="result-heading" className="font-medium">
          結果 <span className="text-slate-500">Result</span>
        </h2>
        <span className="rounded-full bg-indigo-600 px-3 py-0.5 text-sm text-white" data-testid="category">
          {x.category ?? '—'}
        </span>
      </div>

      <p className="text-lg leading-9" lang="ja" data-testid="highlighted">
        {segmentText(text, ranges).map((s) =>
          s.ranges.length === 0 ? (
            <span key={s.start}>{s.text}</span>
          ) : (
            <mark key={s.start} className="rounded px-0.5 text-inherit" style={chip(s.ranges[0]!.label)} title={s.ranges.map((r) => r.label).join(', ')} data-labels={s.ranges.map((r) => r.label).join(' ')}>
              {s.text}
            </mark>
          ),
        )}
      </p>
      {labels.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Legend">
          {labels.map((l) => (
            <li key={l} className="rounded px-1.5" style={chip(l)}>
              {l}
            </li>
          ))}
        </ul>
      )}

      <ItemTable items={x.entities} columns={ENTITY_COLUMNS} testId="entities" />
      <ItemTable items={x.relations} columns={RELATION_COLUMNS} testId="relations" />
      <ItemTable items={x.events} columns={EVENT_COLUMNS} testId="events" />

      {x.warnings.length > 0 && (
        <ul role="status" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="warnings">
          {x.warnings.map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
