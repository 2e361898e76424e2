import type { Extraction } from '../domain/types.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import type { FormatProfile } from '../format/profile.ts';
import { codePointLength } from '../text/textIndex.ts';
import { lineCounter, problemAt, type DatasetRecord, type InputError, type ReadResult } from './records.ts';
import { quoted, type Problem } from './inputErrors.ts';

/**
 * Converts stockmark ner-wikipedia JSON (an array of {curid, text, entities: [{name, span, type}]}) into
 * NER dataset records with gold outputs. Its SCNM text labels are not in the file: pass `category` to write
 * one, else outputs carry no `<category>`. Entries are checked (span inside the text and matching the name);
 * a bad entry is reported by its index and curid, and the rest still convert.
 */
export function convertStockmark(content: string, file: string, profile: FormatProfile, category: string | null = null): ReadResult<DatasetRecord> {
  const errors: InputError[] = [];
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    return { records: [], errors: [problemAt(file, m ? lineCounter(content)(Number(m[1])) : 1, { code: 'not-json', params: { detail: (e as Error).message } })] };
  }
  if (!Array.isArray(data)) return { records: [], errors: [problemAt(file, 1, { code: 'stockmark-not-array', params: {} })] };

  const records: DatasetRecord[] = [];
  // curid names the article, repeated for each of its sentences: a sentence's id is curid-n (n its place in
  // the article), unique in the file, and curid is kept beside it.
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, i) => {
    const entry1 = i + 1;
    const fail = (problem: Problem) => errors.push(problemAt(file, null, problem));
    const o = entry as { curid?: unknown; text?: unknown; entities?: unknown };
    if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || !Array.isArray(o.entities)) {
      fail({ code: 'stockmark-entry', params: { entry: entry1 } });
      return;
    }
    const text = o.text;
    const length = codePointLength(text);
    const chars = Array.from(text);
    const x: Extraction = { task: 'ner', category, entities: [], relations: [], events: [], warnings: [] };
    for (const [k, ent] of (o.entities as unknown[]).entries()) {
      const e = ent as { name?: unknown; span?: unknown; type?: unknown };
      const span = e?.span as unknown[];
      const ok =
        typeof e?.name === 'string' &&
        typeof e.type === 'string' &&
        Array.isArray(span) &&
        span.length === 2 &&
        span.every((n) => Number.isInteger(n)) &&
        (span[0] as number) >= 0 &&
        (span[0] as number) < (span[1] as number) &&
        (span[1] as number) <= length;
      if (!ok) {
        fail({ code: 'stockmark-entity', params: { entry: entry1, curid: String(o.curid), k: k + 1 } });
        return;
      }
      const [s, t] = span as [number, number];
      if (chars.slice(s, t).join('') !== e.name) {
        fail({ code: 'stockmark-entity-text', params: { entry: entry1, curid: String(o.curid), name: quoted(e.name), start: s, end: t } });
        return;
      }
      x.entities.push({ label: e.type as string, text: e.name as string });
    }
    const record: DatasetRecord = { text, task: 'ner', output: serializeOutput(x, 'ner', profile), line: i + 1 };
    if (o.curid !== undefined) {
      const curid = String(o.curid);
      const n = (seen.get(curid) ?? 0) + 1;
      seen.set(curid, n);
      record.id = `${curid}-${n}`;
      record.sourceId = curid;
    }
    records.push(record);
  });
  return { records, errors };
}
