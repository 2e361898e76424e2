import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { newDocument, type CorpusDocument, type ImportedDocument } from '../corpus/document.ts';
import { exportDocuments, formatById, type FormatId } from './formats.ts';
import { readFileBytes } from './readFile.ts';
import { lossCounts, type LossCode } from './losses.ts';

// Random corpora of every task, with astral characters, overlapping and repeated spans and line breaks,
// through every format that holds offsets: what comes back is what went out, less exactly what the
// format's losses list says it could not hold.

type Span = readonly [number, number];
const CHARS = ['東', '京', 'あ', '𠮷', '😀', 'A', ' ', '\n', '。'];

const spanIn = (n: number) => fc.tuple(fc.nat(n - 1), fc.integer({ min: 1, max: 4 })).map(([s, len]): Span => [s, Math.min(n, s + len)]);

const docArb = fc
  .tuple(fc.array(fc.constantFrom(...CHARS), { minLength: 4, maxLength: 24 }), fc.constantFrom<TaskId>('ner', 'se-rw', 're', 'ee'), fc.option(fc.constant('社会'), { nil: null }))
  .chain(([chars, task, category]) => {
    const n = chars.length;
    const at = (o: Span) => chars.slice(o[0], o[1]).join('');
    const base = { task, category, entities: [], relations: [], events: [], warnings: [] } as LocatedExtraction;
    const labels = task === 'ner' ? ['人名', '地名', 'ORG'] : ['ポジティブ', '中立', 'ネガティブ'];
    const items =
      task === 'ner' || task === 'se-rw'
        ? fc.array(fc.tuple(spanIn(n), fc.constantFrom(...labels)), { minLength: 1, maxLength: 4 }).map((es) => ({ ...base, entities: es.map(([o, label]) => ({ label, text: at(o), start: o[0], end: o[1] })) }))
        : task === 're'
          ? fc.array(fc.tuple(spanIn(n), fc.constantFrom('所属', '監督'), spanIn(n)), { minLength: 1, maxLength: 3 }).map((rs) => ({ ...base, relations: rs.map(([h, relation, t]) => ({ head: at(h), relation, tail: at(t), offsets: { head: h, tail: t } })) }))
          : fc
              .array(fc.tuple(spanIn(n), spanIn(n), fc.option(spanIn(n), { nil: null }), spanIn(n)), { minLength: 1, maxLength: 2 })
              .map((es) => ({ ...base, events: es.map(([s, t, o, tm]) => ({ subject: at(s), trigger: at(t), object: o ? at(o) : null, time: at(tm), offsets: { subject: s, trigger: t, object: o, time: tm } })) }));
    return items.map((x): ImportedDocument => ({ line: null, recordId: null, text: chars.join(''), task, output: null, annotation: x }));
  });

const corpusArb = fc.array(docArb, { minLength: 1, maxLength: 5 }).map((docs) => docs.map((d, i) => ({ ...newDocument({ ...d, recordId: `d${i + 1}` }, 'gen', 0, P), id: i + 1 }) as CorpusDocument));

/** A document's items as sorted signatures: labels and the text at the offsets, so the unit does not matter. */
function signature(text: string, x: LocatedExtraction, keep: { entities?: boolean; tuples?: boolean; category?: boolean } = {}) {
  const chars = [...text];
  const at = (o: Span | null) => (o ? `${o[0]}-${o[1]}:${chars.slice(o[0], o[1]).join('')}` : '-');
  return {
    category: keep.category === false ? null : x.category,
    entities: keep.entities === false ? [] : x.entities.map((e) => `${e.label}@${at([e.start!, e.end!])}`).sort(),
    relations: keep.tuples === false ? [] : x.relations.map((r) => `${at(r.offsets.head)}|${r.relation}|${at(r.offsets.tail)}`).sort(),
    events: keep.tuples === false ? [] : x.events.map((e) => [e.offsets.subject, e.offsets.trigger, e.offsets.object, e.offsets.time].map(at).join('|')).sort(),
  };
}

/** The spans BIO keeps of overlapping ones: by start, the longer first, then none that starts inside a kept one. */
function bioKept(x: LocatedExtraction) {
  let covered = 0;
  return [...x.entities]
    .sort((a, b) => a.start! - b.start! || b.end! - a.end!)
    .filter((e) => {
      if (e.start! < covered) return false;
      covered = e.end!;
      return true;
    });
}

async function roundTrip(id: FormatId, docs: CorpusDocument[]) {
  const out = await exportDocuments({ value: id, format: formatById(id)! }, docs, P);
  const bytes = typeof out.file.content === 'string' ? new TextEncoder().encode(out.file.content) : out.file.content;
  // Sentiment documents name no one SCPOS task by their items: the import's question is answered.
  const back = await readFileBytes(bytes, { file: out.file.name, profile: P, task: 'se-rw' });
  if (!('docs' in back)) throw new Error(`${id}: ${JSON.stringify(back)}`);
  expect(back.errors, id).toEqual([]);
  return { losses: lossCounts(out.losses), back: back.docs };
}

const annotationOf = (d: ImportedDocument) => (d.annotation ?? d.prediction?.extraction)!;

describe('random corpora through every format with offsets', () => {
  it('come back whole, less exactly what each format says it could not hold', async () => {
    await fc.assert(
      fc.asyncProperty(corpusArb, async (docs) => {
        const x = docs.map((d) => d.annotation!);
        const withCategory = x.filter((e) => e.category !== null).length;
        for (const id of ['extraction', 'label-studio'] as const) {
          const { losses, back } = await roundTrip(id, docs);
          expect(losses, id).toEqual({});
          expect(back.map((d) => [d.text, d.task, signature(d.text, annotationOf(d))]), id).toEqual(docs.map((d) => [d.text, d.task, signature(d.text, d.annotation!)]));
        }
        // brat: every item but those with a span of line breaks alone (it writes a span as its pieces between them).
        // Line breaks at a span's edge are left out (said once per written span: a shared argument once).
        const breaks = (o: Span | null, text: string) => o !== null && /^\n+$/.test([...text].slice(o[0], o[1]).join(''));
        const trim = (o: Span, text: string): Span => {
          const c = [...text];
          let [s, e] = o;
          while (c[s] === '\n') s++;
          while (c[e - 1] === '\n') e--;
          return [s, e];
        };
        let trimmed = 0;
        const bratKept = docs.map((d): LocatedExtraction => {
          const a = d.annotation!;
          const written = new Set<string>();
          const t = (o: Span | null, type: string, shared = true): Span | null => {
            if (!o) return null;
            const r = trim(o, d.text);
            const key = `${type} ${o[0]} ${o[1]}`;
            if ((r[0] !== o[0] || r[1] !== o[1]) && !(shared && written.has(key))) trimmed++;
            written.add(key);
            return r;
          };
          const entities = a.entities.filter((e) => !breaks([e.start!, e.end!], d.text)).map((e) => {
            const [start, end] = t([e.start!, e.end!], 'E', false)!;
            return { ...e, start, end };
          });
          const relations = a.relations.filter((r) => !breaks(r.offsets.head, d.text) && !breaks(r.offsets.tail, d.text)).map((r) => ({ ...r, offsets: { head: t(r.offsets.head, 'A'), tail: t(r.offsets.tail, 'A') } }));
          const events = a.events
            .filter((e) => ![e.offsets.subject, e.offsets.trigger, e.offsets.object, e.offsets.time].some((o) => breaks(o, d.text)))
            .map((e) => ({ ...e, offsets: { subject: t(e.offsets.subject, 'A'), trigger: t(e.offsets.trigger, 'T'), object: t(e.offsets.object, 'A'), time: t(e.offsets.time, 'A') } }));
          return { ...a, entities, relations, events };
        });
        const brat = await roundTrip('brat', docs);
        const dropped = x.reduce((n, e, i) => n + e.entities.length + e.relations.length + e.events.length - bratKept[i]!.entities.length - bratKept[i]!.relations.length - bratKept[i]!.events.length, 0);
        expect(brat.losses).toEqual({ ...(dropped ? { 'line-breaks-only': dropped } : {}), ...(trimmed ? { 'line-break-trimmed': trimmed } : {}) });
        // A document left with no item names no task: it comes back as the answer given for such documents.
        expect(brat.back.map((d) => [d.text, signature(d.text, annotationOf(d))])).toEqual(docs.map((d, i) => [d.text, signature(d.text, bratKept[i]!)]));
        // doccano: one relation project when any document has tuples, which holds no category.
        const relationProject = x.some((e) => e.relations.length || e.events.length);
        const doccano = await roundTrip('doccano', docs);
        expect(doccano.losses).toEqual(relationProject && withCategory ? { 'category-not-held': withCategory } : {});
        expect(doccano.back.map((d) => signature(d.text, annotationOf(d)))).toEqual(docs.map((d) => signature(d.text, d.annotation!, { category: !relationProject })));
        // CoNLL: spans only, one label a character, whitespace tokens as spaces.
        const conll = await roundTrip('conll', docs);
        const want: Partial<Record<LossCode, number>> = {};
        const add = (code: LossCode, n: number) => void (n && (want[code] = n));
        add('category-not-held', withCategory);
        add('relations-not-held', x.reduce((n, e) => n + e.relations.length, 0));
        add('events-not-held', x.reduce((n, e) => n + e.events.length, 0));
        add('overlap-not-held', x.reduce((n, e) => n + e.entities.length - bioKept(e).length, 0));
        add('whitespace-replaced', docs.filter((d) => /[\t\n]/.test(d.text)).length);
        expect(conll.losses).toEqual(want);
        expect(conll.back.map((d) => d.text)).toEqual(docs.map((d) => d.text.replace(/[\t\n]/g, ' ')));
        expect(conll.back.map((d) => signature(d.text, annotationOf(d)).entities)).toEqual(docs.map((d) => signature(d.text.replace(/[\t\n]/g, ' '), { ...d.annotation!, entities: bioKept(d.annotation!) }).entities));
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
