import type { FormatProfile } from '../format/profile.ts';
import { problemAt, type InputError, type ReadResult } from '../data/records.ts';
import { quoted, type Problem } from '../data/inputErrors.ts';
import { TextIndex } from '../text/textIndex.ts';
import type { AnnotatedDocument, Origin } from './document.ts';
import { withInferredTask } from './inferTask.ts';
import type { Loss } from './losses.ts';
import { spanFromUnits, toUnit } from './offsetUnits.ts';
import { fromSpanGraph, toSpanGraph, type GraphLink, type GraphSpan } from './spanGraph.ts';
import { addSuggestions, asSuggestions, onlySuggestions, suggestingModels, withoutSuggestions } from '../annotate/provenance.ts';
import { emptyExtraction, type LocatedExtraction, type Provenance } from '../domain/types.ts';
import { spanPalette } from '../format/labelPalette.ts';

// Label Studio's JSON tasks: {data: {text}, annotations: [{result}], predictions: [{model_version, result}]}
// (labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks, /guide/predictions). Regions are
// `labels` results with value.start/end in code points: its NER test
// (web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts, "Should calculate offsets by code points in
// text") expects "test" after an emoji at start 21, and PR #1559 made code points the rule. Relations are
// `relation` results between region ids; the category is a `choices` result.

const FROM = { labels: 'label', category: 'category', to: 'text' } as const;

interface Result {
  id?: string;
  type?: string;
  from_name?: string;
  to_name?: string;
  value?: { start?: unknown; end?: unknown; text?: unknown; labels?: unknown; choices?: unknown };
  from_id?: string;
  to_id?: string;
  direction?: string;
  labels?: unknown;
  /** Whether a model made the region: Label Studio's own field (label-studio-frontend src/mixins/Regions.js, `origin`). */
  origin?: 'prediction' | 'prediction-changed' | 'manual';
}

/** A region's `origin` from who made its item: a model's (accepted or not), a person's change to one, or a person's. */
const originOf = (p: Provenance | undefined): Result['origin'] => (!p ? undefined : p.by === 'model' ? 'prediction' : p.from ? 'prediction-changed' : 'manual');

function resultOf(d: AnnotatedDocument, doc: string, losses: Loss[]): Result[] {
  const idx = new TextIndex(d.text);
  const g = toSpanGraph(d.extraction, doc, losses);
  const result: Result[] = g.spans.map((s) => ({
    id: s.key,
    from_name: FROM.labels,
    to_name: FROM.to,
    type: 'labels',
    value: { start: toUnit(idx, s.start, 'code-point'), end: toUnit(idx, s.end, 'code-point'), text: idx.slice(s.start, s.end), labels: [s.label] },
    ...(originOf(s.provenance) ? { origin: originOf(s.provenance) } : {}),
  }));
  for (const l of g.links) result.push({ from_id: l.from, to_id: l.to, type: 'relation', direction: 'right', labels: [l.type] });
  if (d.extraction.category !== null) result.push({ id: 'category', from_name: FROM.category, to_name: FROM.to, type: 'choices', value: { choices: [d.extraction.category] } });
  return result;
}

/**
 * Label Studio tasks: a person's work (and the suggestions they accepted) as `annotations`, each region's
 * `origin` saying whether a model made it; the suggestions nobody accepted as `predictions`, one per model
 * with its `model_version`, so Label Studio shows them as pre-annotations to accept or correct.
 */
export function toLabelStudio(docs: readonly AnnotatedDocument[], losses: Loss[]): string {
  const tasks = docs.map((d, i) => {
    const doc = d.id ?? String(i + 1);
    const x = d.extraction;
    const byModel = d.origin?.kind === 'model';
    // The category goes with the model's prediction where the whole document is one, else with the person's annotation.
    const decided = withoutSuggestions(x);
    const models = suggestingModels(x);
    // A model's document with no items still says which model it was (and its category).
    if (byModel && models.length === 0) models.push(d.origin!.kind === 'model' ? d.origin!.model : '');
    const data = { text: d.text, ...(d.id === null ? {} : { ref_id: d.id }) };
    const predictions = models.map((model, k) => ({
      model_version: model,
      result: resultOf({ ...d, extraction: { ...onlySuggestions(x, model), category: byModel && k === 0 ? x.category : null } }, doc, losses),
    }));
    const annotation = byModel && decided.entities.length + decided.relations.length + decided.events.length === 0 ? null : { result: resultOf({ ...d, extraction: { ...decided, category: byModel && models.length ? null : x.category } }, doc, losses) };
    return { id: i + 1, data, ...(annotation ? { annotations: [annotation] } : {}), ...(predictions.length ? { predictions } : {}) };
  });
  return JSON.stringify(tasks, null, 2) + '\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The labeling config the exported tasks fit: the names (`label`, `text`, `category`) the results use, and
 * every label, relation type and category they hold, plus the profile's for this corpus's tasks.
 */
export function labelStudioConfig(docs: readonly AnnotatedDocument[], profile: FormatProfile): string {
  const labels = new Set<string>();
  const relations = new Set<string>();
  const choices = new Set<string>();
  for (const d of docs) {
    const g = toSpanGraph(d.extraction, '', []);
    for (const s of g.spans) labels.add(s.label);
    for (const l of g.links) relations.add(l.type);
    for (const c of profile.categories[d.extraction.task]) choices.add(c);
    if (d.extraction.category !== null) choices.add(d.extraction.category);
  }
  // The label schema's colours, as Label Studio's <Label background> takes them.
  const colourOf = spanPalette(profile.wordLabels, profile.labelColours);
  // A label's own key as <Label hotkey> (labelstud.io/tags/label: "hotkey: Hotkey to use for the label").
  const hotkey = (v: string) => (profile.labelKeys[v] ? ` hotkey="${profile.labelKeys[v]}"` : '');
  const tags = (tag: string, values: Set<string>) =>
    [...values].map((v) => (tag === 'Label' ? `    <${tag} value="${xml(v)}" background="${colourOf({ label: v })}"${hotkey(v)}/>` : `    <${tag} value="${xml(v)}"/>`));
  return [
    '<View>',
    `  <Labels name="${FROM.labels}" toName="${FROM.to}">`,
    ...tags('Label', labels),
    '  </Labels>',
    `  <Text name="${FROM.to}" value="$text"/>`,
    '  <Relations>',
    ...tags('Relation', relations),
    '  </Relations>',
    `  <Choices name="${FROM.category}" toName="${FROM.to}" choice="single">`,
    ...tags('Choice', choices),
    '  </Choices>',
    '</View>',
    '',
  ].join('\n');
}

type Task = { id?: unknown; data?: Record<string, unknown>; annotations?: unknown; predictions?: unknown };
type Completion = { result?: unknown; was_cancelled?: unknown; model_version?: unknown; created_at?: unknown; updated_at?: unknown };

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const time = (c: Completion) => Date.parse(String(c.updated_at ?? c.created_at ?? '')) || 0;

/** The completion a task is read from: its latest annotation not cancelled, else its latest prediction. */
function pick(t: Task): { c: Completion; origin: Origin } | null {
  const latest = (cs: Completion[]) => cs.reduce<Completion | null>((best, c) => (best === null || time(c) >= time(best) ? c : best), null);
  const a = latest(list(t.annotations).filter((c): c is Completion => !!c && typeof c === 'object' && (c as Completion).was_cancelled !== true));
  if (a) return { c: a, origin: { kind: 'human' } };
  const p = latestPrediction(t);
  return p ? { c: p.c, origin: { kind: 'model', model: p.model } } : null;
}

function latestPrediction(t: Task): { c: Completion; model: string } | null {
  const p = list(t.predictions)
    .filter((c): c is Completion => !!c && typeof c === 'object')
    .reduce<Completion | null>((best, c) => (best === null || time(c) >= time(best) ? c : best), null);
  return p ? { c: p, model: typeof p.model_version === 'string' ? p.model_version : 'Label Studio prediction' } : null;
}


/**
 * Reads Label Studio JSON tasks: the latest annotation of each (with the latest prediction's other items as
 * suggestions), else its latest prediction (kept as a model's, to review), with any `from_name`. Each region's `value.text` is checked against the text at its
 * offsets: a region that does not match is reported with its task and region id and left out, never moved.
 */
export function fromLabelStudio(content: string, file: string, profile: FormatProfile, losses: Loss[]): ReadResult<AnnotatedDocument> {
  const errors: InputError[] = [];
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { records: [], errors: [problemAt(file, null, { code: 'not-json', params: { detail: (e as Error).message } })] };
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'data' in data) data = [data];
  if (!Array.isArray(data)) return { records: [], errors: [problemAt(file, null, { code: 'ls-not-list', params: {} })] };
  const fail = (problem: Problem) => errors.push(problemAt(file, null, problem));
  const records: AnnotatedDocument[] = [];
  data.forEach((raw: unknown, i) => {
    const t = (raw && typeof raw === 'object' ? raw : {}) as Task;
    const task = t.id === undefined ? String(i + 1) : String(t.id);
    const name = `task ${task}`;
    const text = typeof t.data?.text === 'string' ? t.data.text : Object.values(t.data ?? {}).find((v) => typeof v === 'string');
    if (typeof text !== 'string') return void fail({ code: 'ls-no-text', params: { task } });
    const notList = (['annotations', 'predictions'] as const).find((k) => t[k] !== undefined && t[k] !== null && !Array.isArray(t[k]));
    if (notList) return void fail({ code: 'ls-not-completions', params: { task, field: notList } });
    const idx = new TextIndex(text);
    const picked = pick(t);
    if (picked && picked.c.result !== undefined && !Array.isArray(picked.c.result)) return void fail({ code: 'ls-result-not-list', params: { task } });
    /** One completion's regions as items and categories; a refused region is reported and left out. */
    const readCompletion = (result: unknown) => {
      const spans: GraphSpan[] = [];
      const links: GraphLink[] = [];
      const categories: string[] = [];
      list(result).forEach((entry, k) => {
        const r = (entry && typeof entry === 'object' ? entry : {}) as Result;
        const regionId = String(r.id ?? k + 1);
        const region = `region ${regionId}`;
        if (!entry || typeof entry !== 'object') return void fail({ code: 'ls-region-not-object', params: { task, region: regionId, value: quoted(entry) } });
        if (r.type === 'choices') return void categories.push(...list(r.value?.choices).filter((c): c is string => typeof c === 'string'));
        if (r.type === 'relation') {
          const type = list(r.labels).find((l): l is string => typeof l === 'string') ?? '';
          const [from, to] = r.direction === 'left' ? [r.to_id, r.from_id] : [r.from_id, r.to_id];
          return void links.push({ from: String(from), to: String(to), type });
        }
        const labels = list(r.value?.labels).filter((l): l is string => typeof l === 'string');
        if (labels.length === 0) return void losses.push({ code: 'unknown-item', doc: name, item: `${region} (${String(r.type)})` });
        const o = spanFromUnits(idx, r.value?.start, r.value?.end, 'code-point');
        if (!o) return void fail({ code: 'ls-region-outside', params: { task, region: regionId, offsets: quoted([r.value?.start, r.value?.end]) } });
        if (typeof r.value?.text === 'string' && r.value.text !== idx.slice(...o)) {
          return void fail({ code: 'ls-region-text', params: { task, region: regionId, text: quoted(r.value.text), start: o[0], end: o[1], found: quoted(idx.slice(...o)) } });
        }
        labels.forEach((label, j) => spans.push({ key: j === 0 ? String(r.id) : `${String(r.id)}#${j}`, start: o[0], end: o[1], label }));
      });
      return { items: fromSpanGraph(text, { spans, links }, name, losses), categories };
    };
    const { items, categories } = readCompletion(picked?.c.result);
    // A person's annotation with a model's prediction beside it: the prediction's items not in the annotation
    // are its suggestions, still to be accepted or rejected (as this app exports them).
    const beside = picked?.origin.kind === 'human' ? latestPrediction(t) : null;
    if (beside && Array.isArray(beside.c.result)) {
      const theirs = asSuggestions({ ...emptyExtraction('ner'), ...readCompletion(beside.c.result).items } as LocatedExtraction, beside.model);
      const merged = addSuggestions({ ...emptyExtraction('ner'), ...items } as LocatedExtraction, theirs);
      Object.assign(items, { entities: merged.entities, relations: merged.relations, events: merged.events });
    }
    for (const extra of categories.slice(1)) losses.push({ code: 'extra-category', doc: name, item: extra });
    const id = typeof t.data?.ref_id === 'string' ? t.data.ref_id : null;
    records.push(withInferredTask({ id, text, ...(picked?.origin.kind === 'model' ? { origin: picked.origin } : {}) }, { category: categories[0] ?? null, ...items }, profile));
  });
  return { records, errors };
}
