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

  it('accepts every one of the 5,343 stockmark gold NER outputs, with spans constrained to their sentence', async () => {
    // Including the five whose names hold a colon (Pi:Co, J:COM春日部, "Crypto: How the Code…", …).
    let withColon = 0;
    for (const s of loadStockmark()) {
      const x = { ...emptyExtraction('ner', '社会'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) };
      if (s.entities.some((e) => e.name.includes(':'))) withColon++;
      const accepts = await grammarAccepts(buildGrammar('ner', P, s.text));
      expect(await accepts(serializeOutput(x, 'ner', P)), s.text).toBe(true);
    }
    expect(withColon).toBe(5);
  }, 120_000);

  it('follows the profile: trailing colon, doubled joins, widths, and one leading space or line break', async () => {
    const text = '松友美佐紀は、日本のバドミントン選手。';
    const x = { ...emptyExtraction('ner', '社会'), entities: [{ label: '人名', text: '松友美佐紀' }] };
    const trailing = { ...P, pairsTrailingColon: true };
    const t = await grammarAccepts(buildGrammar('ner', trailing, text));
    expect(await t(serializeOutput(x, 'ner', trailing))).toBe(true);
    expect(await t('<社会>固有表現抽出:人名;松友美佐紀')).toBe(false);
    expect(await t('<社会>固有表現抽出')).toBe(true);
    const doubled = { ...P, tupleJoin: 'doubled' as const };
    const two = { ...emptyExtraction('re', 'スポーツ'), relations: [{ head: 'a', relation: '所属', tail: 'b' }, { head: 'c', relation: '職業', tail: 'd' }] };
    const d = await grammarAccepts(buildGrammar('re', doubled, null));
    expect(await d(serializeOutput(two, 're', doubled))).toBe(true);
    expect(await d(serializeOutput(two, 're', P))).toBe(false);
    const ner = await grammarAccepts(buildGrammar('ner', P, text));
    expect(await ner('＜社会＞固有表現抽出：人名；松友美佐紀')).toBe(true); // the older converter's full-width structure
    expect(await ner('\n<社会>固有表現抽出:人名;松友美佐紀')).toBe(true);
    expect(await ner(' <社会>固有表現抽出')).toBe(true);
    expect(await ner('\n\n<社会>固有表現抽出')).toBe(false);
    const ascii = await grammarAccepts(buildGrammar('ner', { ...P, punctuation: 'ascii' }, text));
    expect(await ascii('＜社会＞固有表現抽出：人名；松友美佐紀')).toBe(false);
  });

  it('admits a colon inside a name only where the sentence has it, never at a span end', async () => {
    const text = 'J:COM春日部とは、ケーブルテレビ局。';
    const ner = await grammarAccepts(buildGrammar('ner', P, text));
    expect(await ner('<社会>固有表現抽出:法人名;J:COM春日部')).toBe(true);
    expect(await ner('<社会>固有表現抽出:法人名;J:')).toBe(false);
    expect(await ner('<社会>固有表現抽出:法人名;:COM')).toBe(false);
    const film = '『マイブリッジの糸』(11) 監督:山村浩二';
    const re = await grammarAccepts(buildGrammar('re', P, film));
    expect(await re('<映画>関係抽出:監督:山村浩二;監督;マイブリッジの糸:')).toBe(true);
    expect(await re('<映画>関係抽出:山村:浩二;監督;マイブリッジの糸:')).toBe(false); // that colon is not in the sentence
    const plain = await grammarAccepts(buildGrammar('re', P, '国母和宏(東海大)が出場'));
    expect(await plain('<スポーツ>関係抽出:国母:和宏;所属;東海大:')).toBe(false);
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
