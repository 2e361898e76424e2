import type { Extraction } from '../domain/types.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import type { FormatProfile } from '../format/profile.ts';
import { codePointLength } from '../text/textIndex.ts';
import { lineCounter, type DatasetRecord, type InputError, type ReadResult } from './records.ts';

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
    return { records: [], errors: [{ file, line: m ? lineCounter(content)(Number(m[1])) : 1, message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (!Array.isArray(data)) return { records: [], errors: [{ file, line: 1, message: 'expected a JSON array of {curid, text, entities}' }] };

  const records: DatasetRecord[] = [];
  // curid names the article, repeated for each of its sentences: a sentence's id is curid-n (n its place in
  // the article), unique in the file, and curid is kept beside it.
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, i) => {
    const where = `entry ${i + 1}`;
    const fail = (message: string) => errors.push({ file, line: null, message: `${where}: ${message}` });
    const o = entry as { curid?: unknown; text?: unknown; entities?: unknown };
    if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || !Array.isArray(o.entities)) {
      fail('expected {curid, text, entities: [...]}');
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
        fail(`curid ${String(o.curid)}: entity ${k + 1} needs name, type and a [start, end) span inside the text`);
        return;
      }
      const [s, t] = span as [number, number];
      if (chars.slice(s, t).join('') !== e.name) {
        fail(`curid ${String(o.curid)}: entity ${JSON.stringify(e.name)} does not match the text at [${s}, ${t})`);
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
