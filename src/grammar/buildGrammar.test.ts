import { describe, expect, it } from 'vitest';
import { buildGrammar, literal, substringRules } from './buildGrammar.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { serializeOutput } from '../format/serializeOutput.ts';
import { emptyExtraction, type TaskId } from '../domain/types.ts';
import { grammarAccepts } from '../testing/xgrammar.ts';
import { loadStockmark, loadTcree } from '../testing/sharedData.ts';

const taskOf = (iw: string): TaskId => (iw === '関係抽出' ? 're' : 'ee');

describe('buildGrammar, checked with XGrammar', () => {
  it('accepts every TCREE gold output, free and with arguments constrained to the sentence', async () => {
    for (const row of loadTcree()) {
      for (const tupleArgs of ['free', 'substring'] as const) {
        const accepts = await grammarAccepts(buildGrammar(taskOf(row.iw), P, row.text, { spans: 'substring', tupleArgs }));
        expect(await accepts(row.output), `${tupleArgs}: ${row.output}`).toBe(true);
      }
    }
  });

  it('accepts the stockmark gold NER outputs with spans constrained to their sentence', async () => {
    const sample = loadStockmark().filter((_, i) => i % 25 === 0); // 214 sentences spread over the file
    for (const s of sample) {
      const x = { ...emptyExtraction('ner', '社会'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) };
      const accepts = await grammarAccepts(buildGrammar('ner', P, s.text));
      expect(await accepts(serializeOutput(x, 'ner', P)), s.text).toBe(true);
    }
  });

  it('rejects malformed outputs', async () => {
    const text = '松友美佐紀は、日本のバドミントン選手。';
    const ner = await grammarAccepts(buildGrammar('ner', P, text));
    expect(await ner('<社会>固有表現抽出:人名;松友美佐紀:地名;日本')).toBe(true);
    expect(await ner('<社会>固有表現抽出')).toBe(true);
    expect(await ner('<経済>固有表現抽出:人名;松友美佐紀')).toBe(false); // category not in the set
    expect(await ner('<社会>:人名;松友美佐紀')).toBe(false); // IW missing
    expect(await ner('<社会>固有表現抽出:作家;松友美佐紀')).toBe(false); // label not in the set
    expect(await ner('<社会>固有表現抽出:人名;山田太郎')).toBe(false); // invented span
    expect(await ner('<社会>固有表現抽出:人名;松友美佐紀:')).toBe(false); // dangling separator
    const re = await grammarAccepts(buildGrammar('re', P, null));
    expect(await re('<スポーツ>関係抽出:国母和宏;所属;東海大:')).toBe(true);
    expect(await re('<スポーツ>関係抽出:国母和宏;所属:')).toBe(false); // two parts
    const ee = await grammarAccepts(buildGrammar('ee', P, null));
    expect(await ee('<スポーツ>イベント抽出:吉田秀彦;引退;今月8日:')).toBe(true);
    expect(await ee('<スポーツ>イベント抽出:a;b;c;d;e:')).toBe(false);
  });

  it('constrains sentiment words to the sentence and polarities to the set', async () => {
    const accepts = await grammarAccepts(buildGrammar('se-adj', P, '画質が素晴らしい。'));
    expect(await accepts('<積極>感情抽出形容詞:ポジティブ;素晴らしい')).toBe(true);
    expect(await accepts('<積極>感情抽出形容詞:ポジティブ;最高')).toBe(false);
    expect(await accepts('<積極>感情抽出形容詞:とても良い;素晴らしい')).toBe(false);
  });

  it('escapes quotes, backslashes and control characters in literals, and keeps texts with them usable', async () => {
    expect(literal('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    const text = '「"引用\\」と\tタブ';
    const accepts = await grammarAccepts(buildGrammar('ner', P, text));
    expect(await accepts('<社会>固有表現抽出:製品名;"引用\\')).toBe(true);
  });

  it('grows linearly with the sentence', () => {
    const text = 'あ'.repeat(400);
    const rules = substringRules(text);
    expect(rules).toHaveLength(401);
    expect(rules.join('\n').length).toBeLessThan(400 * 40);
  });
});
