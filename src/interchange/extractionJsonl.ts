import { z } from 'zod';
import type { LocatedExtraction, TaskId } from '../domain/types.ts';
import { TASK_IDS } from '../format/taskCatalog.ts';
import { readJsonLines, type ReadResult, type ReadProgress } from '../data/records.ts';
import { mentionsOf } from '../format/itemSchema.ts';
import { TextIndex } from '../text/textIndex.ts';
import { nfkc } from '../text/nfkc.ts';
import type { AnnotatedDocument, Review } from './document.ts';

// The app's CSP forbids eval: keep zod from probing for it.
z.config({ jitless: true });

const offsets = z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable();
const time = z.number().finite();
const provenance = z
  .object({ by: z.enum(['model', 'person']), name: z.string(), at: time.optional(), suggestion: z.literal(true).optional(), accepted: z.object({ name: z.string(), at: time }).optional(), from: z.string().optional() })
  .optional();
const Extraction = z.object({
  task: z.enum(TASK_IDS as [TaskId, ...TaskId[]]),
  category: z.string().nullable(),
  entities: z.array(z.object({ label: z.string(), text: z.string(), start: z.number().int().min(0).nullable(), end: z.number().int().min(0).nullable(), provenance })),
  relations: z.array(z.object({ head: z.string(), relation: z.string(), tail: z.string(), offsets: z.object({ head: offsets, tail: offsets }), provenance })),
  events: z.array(
    z.object({ subject: z.string(), trigger: z.string(), object: z.string().nullable(), time: z.string(), offsets: z.object({ subject: offsets, trigger: offsets, object: offsets, time: offsets }), provenance }),
  ),
  warnings: z.array(z.string()).default([]),
});
const Review = z.object({ reviewed: z.literal(true).optional(), by: z.string().optional(), at: time.optional(), flagged: z.literal(true).optional(), skipped: z.literal(true).optional(), comment: z.string().optional() });
const Line = z.object({ id: z.union([z.string(), z.number()]).nullable().optional(), text: z.string(), extraction: Extraction, review: Review.optional() });

/**
 * Reads the Extraction export back, offsets and all. Offsets are checked against the text: a file whose
 * offsets do not hold the item's string there is reported, not silently re-aligned.
 */
export function fromExtractionJsonl(content: string, file: string, progress?: ReadProgress): ReadResult<AnnotatedDocument> {
  return readJsonLines<AnnotatedDocument>(content, file, (value, line) => {
    const parsed = Line.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { problem: { code: 'extraction-field', params: { field: issue.path.join('.'), detail: issue.message } } };
    }
    const { id, text, extraction, review } = parsed.data;
    const index = new TextIndex(text);
    const bad: { kind: 'entity' | 'relation' | 'event'; n: number; field: string; text: string; start: number; end: number }[] = [];
    const kind = { entities: 'entity', relations: 'relation', events: 'event' } as const;
    for (const m of mentionsOf(extraction as LocatedExtraction)) {
      const o = m.mention.offsets;
      const s = m.mention.text;
      // The string may be the model's spelling of the text there (aligned through width/NFKC, see TextIndex.find).
      if (o && (o[1] > index.length || o[0] >= o[1] || (index.slice(o[0], o[1]) !== s && nfkc(index.slice(o[0], o[1])) !== nfkc(s ?? ''))))
        bad.push({ kind: kind[m.list], n: m.item + 1, field: m.list === 'entities' ? '' : m.field, text: JSON.stringify(s), start: o[0], end: o[1] });
    }
    if (bad.length) return { problem: { code: 'extraction-offsets', params: { ...bad[0]!, more: bad.length - 1 } } };
    return { id: id === null || id === undefined ? null : String(id), text, extraction: extraction as LocatedExtraction, line, ...(review ? { review: review as Review } : {}) };
  }, undefined, progress);
}
