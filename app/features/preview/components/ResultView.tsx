import type { Extraction, Offsets } from '../../../../src/index.ts';
import { labelHue, segmentText, type LabeledRange } from '../../../shared/segments.ts';

const range = (o: Offsets | undefined, label: string, item: number): LabeledRange[] => (o ? [{ start: o[0], end: o[1], label, item }] : []);

function rangesOf(x: Extraction): LabeledRange[] {
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

const chip = (label: string) => ({ backgroundColor: `hsl(${labelHue(label)} 80% 75% / 0.55)` });

/** The category, the text with every located span highlighted, and the items as tables. Text is never HTML. */
export function ResultView({ text, extraction: x }: { text: string; extraction: Extraction }) {
  const ranges = rangesOf(x);
  const labels = [...new Set(ranges.map((r) => r.label))];
  const cell = 'border-b border-slate-200 px-2 py-1 text-left dark:border-slate-800';
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

      {x.entities.length > 0 && (
        <table className="text-sm" data-testid="entities">
          <thead>
            <tr><th className={cell}>Label</th><th className={cell}>Span</th><th className={cell}>Offsets</th></tr>
          </thead>
          <tbody>
            {x.entities.map((e, i) => (
              <tr key={i}><td className={cell}>{e.label}</td><td className={cell}>{e.text}</td><td className={cell}>{e.start == null ? 'not found' : `${e.start}–${e.end}`}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {x.relations.length > 0 && (
        <table className="text-sm" data-testid="relations">
          <thead>
            <tr><th className={cell}>Head</th><th className={cell}>Relation</th><th className={cell}>Tail</th></tr>
          </thead>
          <tbody>
            {x.relations.map((r, i) => (
              <tr key={i}><td className={cell}>{r.head}</td><td className={cell}>{r.relation}</td><td className={cell}>{r.tail}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {x.events.length > 0 && (
        <table className="text-sm" data-testid="events">
          <thead>
            <tr><th className={cell}>Subject</th><th className={cell}>Trigger</th><th className={cell}>Object</th><th className={cell}>Time</th></tr>
          </thead>
          <tbody>
            {x.events.map((e, i) => (
              <tr key={i}><td className={cell}>{e.subject}</td><td className={cell}>{e.trigger}</td><td className={cell}>{e.object ?? '—'}</td><td className={cell}>{e.time}</td></tr>
            ))}
          </tbody>
        </table>
      )}

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
