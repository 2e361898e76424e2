// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import { assessModel, checkConfig, checkGguf, checkLibrary, mapEngineError, mapLoadError, mapWllamaError, MODEL_CATALOG, type EngineFailure } from '../../../src/index.ts';
import { setLanguage } from './i18n.ts';
import { localizedWarnings, localizeFailure, localizeFieldProblem, localizeInputError, localizeIssue, localizeProfileProblem } from './coreMessages.ts';
import { PROFILE_ERROR_TEXT, validateProfile } from '../../../src/format/profile.ts';
import { FIELD_ERROR_TEXT } from '../../../src/models/fieldErrors.ts';
import { localGgufModel, validateCustomModel, validateGgufModel } from '../../../src/models/catalog.ts';
import { validateServerModel } from '../../../src/models/catalog.ts';
import { INPUT_ERROR_TEXT } from '../../../src/data/inputErrors.ts';
import { readRecords } from '../../../src/data/records.ts';
import { fromDoccano } from '../../../src/interchange/doccano.ts';
import { DEFAULT_PROFILE as P, extract, type TaskId } from '../../../src/index.ts';
import { WARNING_TEXT } from '../../../src/format/warnings.ts';
import { coreJa } from './core.ja.ts';
import { fromLabelStudio } from '../../../src/interchange/labelStudio.ts';
import { fromCsv } from '../../../src/interchange/csvImport.ts';
import { fromTcreeCsv } from '../../../src/interchange/tcreeCsv.ts';
import { fromConll } from '../../../src/interchange/conll.ts';
import { fromBrat } from '../../../src/interchange/brat.ts';
import { convertStockmark } from '../../../src/data/stockmark.ts';
import { fromExtractionJsonl } from '../../../src/interchange/extractionJsonl.ts';

const probe = (status: number, body: string, contentType = 'application/json') => ({ url: 'https://h/x', status, contentType, head: new TextEncoder().encode(body) });
/** One failure of every code the core and the app's engine produce. */
const failures: EngineFailure[] = [
  ...['WebGPUNotAvailable', 'no adapter', 'shader-f16', 'DeviceLost', 'QuotaExceededError', 'ContextWindowSizeExceeded', 'status 404', 'Unexpected token \'<\'', 'CompileError', 'Failed to fetch', '???'].map(mapEngineError),
  mapLoadError('???', 'config', 'https://h/lib.wasm'),
  checkConfig(probe(404, ''))!,
  checkLibrary(probe(404, ''))!,
  checkConfig(probe(500, ''))!,
  checkConfig(probe(200, '<!doctype html>', 'text/html'))!,
  checkLibrary(probe(200, '<!doctype html>', 'text/html'))!,
  checkConfig(probe(200, '{'))!,
  checkConfig(probe(200, '{}'))!,
  checkLibrary(probe(200, 'nope'))!,
  ...['ModelNotLoadedError: x', 'GrammarMatcherInitError: x', 'UnsupportedTokenizerFilesError: x', 'IntegrityError: x', 'FeatureSupportError: This model requires feature timestamp-query, which is not yet supported by this browser.', 'requested maxBufferSize exceeds limit', 'TypeError: Invalid URL'].map(mapEngineError),
  ...['Failed to fetch http://h/m.gguf: HTTP 404', 'invalid magic', 'Aborted(OOM)', 'version_mismatch'].map(mapWllamaError),
  { kind: 'memory', message: 'm', nextStep: 'n' },
  checkGguf(probe(200, '<!doctype html>', 'text/html'))!,
  checkGguf(probe(200, 'nope'))!,
];

describe('core messages in the UI language', () => {
  afterAll(() => setLanguage('en'));

  it('every failure code has Japanese, with its variable parts filled in', () => {
    setLanguage('ja');
    for (const f of failures) {
      const code = f.code ?? f.kind;
      expect(coreJa.failure, code).toHaveProperty([code]);
      const ja = localizeFailure(f);
      expect(ja.message, code).not.toBe(f.message);
      expect(ja.message + ja.nextStep, code).not.toMatch(/\{\{/);
    }
    expect(localizeFailure(checkLibrary(probe(200, 'nope'))!).message).toBe('https://h/x のモデルライブラリはWebAssemblyのファイルではありません。');
  });

  it('capability issues read in Japanese, and in English as the core words them', () => {
    const model = MODEL_CATALOG.find((m) => m.needsShaderF16)!;
    const v = assessModel(model, { webgpu: true, adapter: true, shaderF16: false, maxBufferSize: null, adapterDescription: null, storageFreeMB: 100 });
    setLanguage('ja');
    expect(v.issues.map((issue, i) => localizeIssue(issue, v.reasons[i]!))).toEqual([
      `このGPUは ${model.quantization} に必要な16ビットシェーダ（shader-f16）に対応していません。q4f32のモデルを選んでください。`,
      expect.stringMatching(/^ダウンロードには約[\d.]+ GBの保存領域が必要ですが、このサイトに使えるのは0\.1 GBだけです。/),
    ]);
    setLanguage('en');
    expect(v.issues.map((issue, i) => localizeIssue(issue, v.reasons[i]!))).toEqual(v.reasons);
    expect(localizeFailure(failures[0]!)).toEqual({ message: failures[0]!.message, nextStep: failures[0]!.nextStep });
  });

  // Outputs that between them raise every parse warning the core has (each case names the codes it raises).
  const broken: [TaskId, string, string][] = [
    ['ner', '<社会>固有表現抽出:人名;松友:壊れた:;空:未知;山田\n余計な行', '松友の話'],
    ['ner', '<社会', '松友の話'],
    ['ner', '<>関係抽出:人名;松友', '松友の話'],
    ['ner', '社会>固有表現抽出:人名;松友', '松友の話'],
    ['ner', '固有表現抽出:人名;松友', '松友の話'],
    ['ner', '<不明>固有表現抽出:人名;松友', '松友の話'],
    ['ner', '', '松友の話'],
    ['re', '<スポーツ>関係抽出:a;b:c;;d;e', 'abc'],
    ['re', '<スポーツ>関係抽出:山田;;阪神', '山田'],
    ['ee', '<スポーツ>イベント抽出:山田;引退;昨日', '山田'],
  ];

  it('every parse warning has Japanese, and a broken output reads in Japanese with nothing left in English', () => {
    setLanguage('ja');
    const seen = new Set<string>();
    for (const [task, output, text] of broken) {
      const x = extract(output, task, P, text);
      for (const n of x.notices ?? []) seen.add(n.code);
      const ja = localizedWarnings(x);
      expect(ja).toHaveLength(x.warnings.length);
      for (const [i, w] of ja.entries()) {
        expect(w, x.warnings[i]).not.toBe(x.warnings[i]);
        expect(w, w).not.toMatch(/\{\{|[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}/);
      }
    }
    const cut = extract('<社会>固有表現抽出:人名;松友:人名;山', 'ner', P, '松友の話', false, { truncated: true });
    for (const n of cut.notices ?? []) seen.add(n.code);
    const cutAll = extract('<社会>固有表現抽出:人名;松友:', 'ner', P, '松友の話', false, { truncated: true });
    for (const n of cutAll.notices ?? []) seen.add(n.code);
    expect(localizedWarnings(cut).concat(localizedWarnings(cutAll)).join('\n')).not.toMatch(/[A-Za-z]{3,}/);
    expect(localizedWarnings(extract('<社会>固有表現抽出:人名;大阪', 'ner', P, '松友の話'))).toEqual(['人名のスパン「大阪」が本文に見つかりません。']);
    expect(localizedWarnings(extract('<スポーツ>関係抽出:山田;所属;阪神', 're', P, '山田'))).toEqual(['目的語「阪神」が本文に見つかりません。']);
    // The codes these outputs did not raise are the two about input that is not a string.
    expect(Object.keys(WARNING_TEXT).filter((c) => !seen.has(c)).sort()).toEqual(['output-not-text', 'text-not-text']);
    expect(Object.keys(coreJa.warning).sort()).toEqual([...Object.keys(WARNING_TEXT), 'not-found-span'].sort());
  });

  it('warnings without codes (from another tool, or an older version) are shown as they were written', () => {
    setLanguage('ja');
    expect(localizedWarnings({ warnings: ['imported text'], notices: [] })).toEqual(['imported text']);
    setLanguage('en');
    const x = extract('<社会>固有表現抽出:人名;大阪', 'ner', P, '松友の話');
    expect(localizedWarnings(x)).toEqual(x.warnings);
  });

  it('import errors read in Japanese, where the JSON broke included, and English stays the core’s', () => {
    const lines = ['{"id":"b",', '{"id":"c","task":"ner"}', '{"text":"大阪","task":"未知"}', '{"text":"大阪","task":"ner","output":1}', '{"text":"x","iw":"謎"}', '[1]'];
    const { errors } = readRecords(lines.join('\n'), 'bad.jsonl', P);
    setLanguage('ja');
    expect(errors.map(localizeInputError)).toEqual([
      'bad.jsonl:1: 11文字目付近でJSONとして読めません。',
      'bad.jsonl:2: "text" がないか、文字列ではありません。',
      'bad.jsonl:3: 不明なタスク "未知" です（ner, re, ee, se-rw, se-n, se-adj, se-nadj のどれか）。',
      'bad.jsonl:4: "output" が文字列ではありません。',
      expect.stringMatching(/^bad\.jsonl:5: 不明なIW "謎" です（タスクID .*、またはIW 固有表現抽出, /),
      'bad.jsonl:6: {"text": "…", "task": "ner"} のようなJSONオブジェクトが必要です。',
    ]);
    expect(Object.keys(coreJa.input).sort()).toEqual([...Object.keys(INPUT_ERROR_TEXT), 'not-json-at', 'extraction-offsets-more'].sort());
    setLanguage('en');
    expect(errors.map(localizeInputError)).toEqual(errors.map((e) => `${e.file}:${e.line}: ${e.message}`));
    expect(errors[0]!.message).toMatch(/^not valid JSON \(/);
  });

  it('the Extraction JSONL reader refuses in Japanese: the field out of shape, the item not at its offsets', () => {
    const x = (o: object) => JSON.stringify({ id: 'a', text: '東京で山田が会見', extraction: { task: 're', category: null, entities: [], relations: [], events: [], warnings: [], ...o } });
    const relation = { head: '山田', relation: '所属', tail: '東京', offsets: { head: [3, 5], tail: [1, 3] } };
    const lines = [x({ task: 'xx' }), x({ entities: [{ label: '地名', text: '東京', start: 2, end: 4 }] }), x({ relations: [relation, relation] })];
    const { errors } = fromExtractionJsonl(lines.join('\n'), 'x.jsonl');
    expect(errors.map((e) => e.problem?.code)).toEqual(['extraction-field', 'extraction-offsets', 'extraction-offsets']);
    setLanguage('ja');
    expect(errors.map(localizeInputError)).toEqual([
      'x.jsonl:1: "extraction.task" がExtraction JSONLの形ではありません。',
      'x.jsonl:2: エンティティ 1の語句 "東京" が本文の 2–4 にありません。',
      'x.jsonl:3: 関係 1 の目的語の語句 "東京" が本文の 1–3 にありません（ほかに1件）。',
    ]);
    setLanguage('en');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^extraction\.task: /),
      'entity 1 "東京" is not at 2–4 in the text',
      'relation 1\'s tail "東京" is not at 1–3 in the text (and 1 more)',
    ]);
  });

  it('the other importers (Label Studio, CSV, TCREE CSV, CoNLL, brat, stockmark) refuse in Japanese too; English is the core’s', () => {
    const region = (id: string, start: number, end: number, text?: string) => ({ id, type: 'labels', value: { start, end, text, labels: ['地名'] } });
    const ls = [
      { id: 1, data: {} },
      { id: 2, data: { text: '東京' }, annotations: {} },
      { id: 3, data: { text: '東京' }, annotations: [{ result: 'x' }] },
      { id: 4, data: { text: '東京' }, annotations: [{ result: [null, region('r', 0, 9), region('s', 0, 2, '大阪')] }] },
    ];
    const csv = { text: 'text', output: 'gold', id: null, task: null };
    const errors = [
      ...fromLabelStudio('5', 'ls.json', P, []).errors,
      ...fromLabelStudio(JSON.stringify(ls), 'ls.json', P, []).errors,
      ...fromCsv('text,gold\n東京,x\n', 'a.csv', { ...csv, output: 'nope' }, 'ner', P).errors,
      ...fromCsv('text,gold\n,x\n"東京,x\n', 'b.csv', csv, 'ner', P).errors,
      ...fromTcreeCsv('a,b\n今月8日,,スポーツ,,x:\n今月8日,スポーツ\n今月8日,,スポーツ,,イベント抽出x\nイベント抽出,,スポーツ,,イベント抽出:吉田秀彦;引退;今月8日:\n', 't.csv', P).errors,
      ...fromConll('東京\n\n東\tX-地名\n', 'c.conll', P).errors,
      ...fromBrat(new Map([['a.txt', '東京'], ['a.ann', 'T1\tbad\nT2\t地名 0 9\t東京\nT3\t地名 0 2\t大阪\nR1\tbad\nE1\tbad\n']]), 'b.zip', P, []).errors,
      ...fromBrat(new Map(), 'empty.zip', P, []).errors,
      ...convertStockmark('{}', 's.json', P).errors,
      ...convertStockmark(JSON.stringify([5, { curid: 9, text: '東京', entities: [{ name: '東京' }] }, { curid: 9, text: '東京', entities: [{ name: '大阪', type: '地名', span: [0, 2] }] }]), 's.json', P).errors,
    ];
    const codes = new Set(errors.map((e) => e.problem?.code));
    const theirs = Object.keys(INPUT_ERROR_TEXT).filter((c) => /^(ls|csv|tcree|conll|brat|stockmark)-/.test(c));
    expect(theirs.filter((c) => !codes.has(c as never))).toEqual([]);
    expect(errors.filter((e) => !e.problem)).toEqual([]);
    setLanguage('ja');
    const ja = errors.map(localizeInputError);
    for (const line of ja) expect(line, line).not.toMatch(/[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}|\{\{/);
    expect(ja).toContain('ls.json: タスク 4、領域 s：語句 "大阪" が 0–2 の本文（"東京"）と違います。この領域は読み込みませんでした。');
    expect(ja).toContain('a.csv:1: 出力の列 "nope" が見出し行にありません（text, gold）。');
    expect(ja.find((l) => l.startsWith('b.csv:3'))).toBe('b.csv:3: CSVとして読めません（引用符が閉じていません）。');
    setLanguage('en');
    expect(errors.map(localizeInputError)).toEqual(errors.map((e) => (e.line === null ? `${e.file}: ${e.message}` : `${e.file}:${e.line}: ${e.message}`)));
    expect(errors.map((e) => e.message)).toContain('task 4, region s: its text "大阪" is not the text at 0–2 ("東京"); the region was left out');
  });

  it('model form problems name the field as the form labels it, in Japanese, with no field id or English left', () => {
    const bad = [
      validateCustomModel({ id: 'my model', weightsUrl: '', libUrl: 'ftp://x/lib.js', mode: 'x', contextWindow: '-1', template: 'x', overrides: '{"x": 1.5, "max_history_size": 0.5}', modelManifest: '../a' }, []),
      validateCustomModel({ id: 'a-q4f16_1', weightsUrl: 'https://h/m', libUrl: 'https://h/lib.js', mode: 'giellm', bos: 'x', eos: '-3', overrides: '[' }, []),
      validateCustomModel({ id: 'b-q4f16_1', weightsUrl: 'https://h/m', libUrl: 'https://h/l.wasm', mode: 'giellm', template: 'x' }, []),
      validateCustomModel({ id: 'taken-q4f16_1', weightsUrl: 'https://h/m', libUrl: 'https://h/l.wasm', mode: 'prompted', overrides: '[1]' }, ['taken-q4f16_1']),
      validateServerModel({ url: 'nope', mode: '', contextWindow: 'x', concurrency: '99' }, []),
      validateGgufModel({ url: 'ftp://x' }, []),
      validateGgufModel({ url: 'https://h/m.bin', mode: 'giellm' }, []),
      localGgufModel([{ name: 'notes.txt', size: 1 }], 'giellm', []),
      localGgufModel([{ name: 'm-00001-of-00002.gguf', size: 1 }], 'giellm', []),
    ];
    const problems = bad.flatMap((r) => (r.ok ? [] : r.problems));
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(FIELD_ERROR_TEXT)));
    setLanguage('ja');
    for (const p of problems) {
      const ja = localizeFieldProblem(p);
      expect(ja, ja).not.toMatch(/^(weightsUrl|libUrl|contextWindow|modelManifest|overrides)/);
      expect(ja, ja).not.toMatch(/[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}|\{\{/);
    }
    expect(localizeFieldProblem(problems.find((p) => p.code === 'url-required')!)).toBe('重みのURL：重みのURLが必要です。');
    setLanguage('en');
    // English keeps the core's wording after the field's label; the CLI's `field: text` lines are unchanged.
    expect(localizeFieldProblem(problems.find((p) => p.code === 'not-wasm')!)).toBe('Model library URL: the model library is a .wasm file');
    expect(bad[0]!.ok === false && bad[0]!.errors).toContain('libUrl: the model library is a .wasm file');
  });

  it('format profile problems read in Japanese with the editor’s field names; English is the core’s', () => {
    const bad = [
      validateProfile(null),
      validateProfile({ id: '', partSeparator: 'x', stopStrings: 'x', labelSetInInput: 1, iw: [], categories: { zz: [] } }),
      validateProfile({ iw: { ner: '固有:表現', re: '固有表現抽出' }, categories: { ner: ['<x>'] } }),
      validateProfile({ wordLabels: { ner: ['人名', '人名'] }, labelColours: { 人名: 'red' } }),
      validateProfile({ labelKeys: { 人名: '1', 地名: 'c', 施設名: 'C' } }),
    ];
    const problems = bad.flatMap((r) => (r.ok ? [] : r.problems));
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(PROFILE_ERROR_TEXT)));
    setLanguage('ja');
    const ja = problems.map(localizeProfileProblem);
    for (const line of ja) expect(line, line).not.toMatch(/[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}|\{\{/);
    expect(ja).toContain('指示語（IW）（ner）：空でなく、: ; < > や改行を含まない文字列にしてください。');
    setLanguage('en');
    expect(problems.map(localizeProfileProblem)).toEqual(bad.flatMap((r) => (r.ok ? [] : r.errors)));
  });

  it('doccano lines it refuses are explained in Japanese, with the English the CLI prints unchanged', () => {
    const lines = [
      { id: 1 },
      { text: '東京', label: 'x' },
      { text: '東京', label: [[0, 9, '地名']] },
      { text: '東京', entities: [{ start_offset: 0, end_offset: 2, label: '地名' }] },
      { text: '東京', label: [7] },
      { text: '東京', cats: [1] },
      { text: '東京', relations: [{ from_id: 1, to_id: 2, type: 'x' }] },
    ].map((o) => JSON.stringify(o));
    const { errors } = fromDoccano(lines.join('\n'), 'd.jsonl', P, []);
    expect(errors.map((e) => e.problem?.code)).toEqual(['field-missing', 'field-not-list', 'doccano-span', 'entity-no-id', 'doccano-label-entry', 'cats-not-string', 'relation-no-entity']);
    expect(errors[2]!.message).toBe('[0,9,"地名"] is not a span [start, end, "label"] inside the text (offsets in UTF-16 code units)');
    setLanguage('ja');
    const ja = errors.map(localizeInputError);
    for (const line of ja) expect(line, line).not.toMatch(/[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}|\{\{/);
    expect(ja[2]).toBe('d.jsonl:3: [0,9,"地名"] は本文の中のスパン [start, end, "label"] ではありません（位置はUTF-16のコード単位）。');
    setLanguage('en');
  });
});
