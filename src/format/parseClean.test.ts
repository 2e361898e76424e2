import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClean, TRIMMED } from './parseClean.ts';
import { parseGeneral, parseOutput } from './parseOutput.ts';
import { serializeOutput } from './serializeOutput.ts';
import { BUILTIN_PROFILES, DEFAULT_PROFILE as P, type FormatProfile } from './profile.ts';
import { TASKS, TASK_IDS } from './taskCatalog.ts';
import { loadStockmark, loadTcree } from '../testing/sharedData.ts';
import type { Extraction, TaskId } from '../domain/types.ts';

const toFullWidth = (s: string) => s.replace(/[:;<>]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The one-pass reading either declines or gives exactly what the general parser gives. */
function agrees(output: string, task: TaskId, profile: FormatProfile, text?: string): boolean {
  const clean = parseClean(output, task, profile, text);
  if (clean !== null) expect(clean, JSON.stringify(output)).toEqual(parseGeneral(output, task, profile, text === undefined ? {} : { text }));
  return clean !== null;
}

describe('parseClean, the one-pass reading of a plain output', () => {
  it('knows exactly the code units trim() removes', () => {
    const trimmed: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (String.fromCharCode(c).trim() === '') trimmed.push(c);
    expect(trimmed).toEqual([...TRIMMED]);
  });

  it('reads the real gold outputs exactly as the general parser does, and nearly all of them itself', () => {
    const golds: { task: TaskId; text: string; out: string }[] = [];
    for (const s of loadStockmark()) {
      const x: Extraction = { task: 'ner', category: P.categories.ner[0]!, entities: s.entities.map((e) => ({ label: e.type, text: e.name })), relations: [], events: [], warnings: [] };
      golds.push({ task: 'ner', text: s.text, out: serializeOutput(x, 'ner', P) });
    }
    for (const row of loadTcree()) golds.push({ task: row.iw === '関係抽出' ? 're' : 'ee', text: row.text, out: row.output });
    let read = 0;
    for (const g of golds) {
      for (const profile of BUILTIN_PROFILES) {
        // Without the text (gold), with it (a prediction), and as the ways predictions vary.
        for (const out of [g.out, toFullWidth(g.out), `${g.out}</s>`, `${g.out}<|endoftext|>junk`, `${g.out} </s>`, `${g.out}\\n`, ` ${g.out}`]) {
          if (agrees(out, g.task, profile)) read++;
          agrees(out, g.task, profile, g.text);
        }
      }
    }
    // Plain, full-width and stop-string forms are read in one pass; the space, `\n` and leading-space ones are not.
    expect(read / (golds.length * BUILTIN_PROFILES.length * 7)).toBeGreaterThan(0.5);
  });

  it('declines what only the general parser can decide, which then warns as before', () => {
    const cases: [string, TaskId, string?][] = [
      ['<社会>固有表現抽出:人名;山田 :地名;東京', 'ner'], // a space to trim
      ['<社会>固有表現抽出:人名;山田:謎;東京', 'ner'], // an unknown label
      ['<謎>固有表現抽出:人名;山田', 'ner'], // an unknown category
      ['<社会>関係抽出:人名;山田', 'ner'], // another task's IW
      ['<社会>固有表現抽出:人名;J:COM', 'ner', 'J:COMの山田'], // a `:` the text shows inside a name
      ['<社会>固有表現抽出:人名;山田\n:地名;東京', 'ner'], // a line break inside the structure
      ['<社会>関係抽出:A;B:C;D;E', 're'], // a tuple of two fields
      ['<社会>関係抽出:A;;E', 're'], // an empty field
      ['<社会>固有表現抽出:人名;山田：地名;東京', 'ner'], // mixed widths
      ['＜社会>固有表現抽出:人名;山田', 'ner'],
    ];
    for (const [out, task, text] of cases) {
      expect(parseClean(out, task, P, text), out).toBeNull();
      expect(parseOutput(out, task, P, text === undefined ? {} : { text })).toEqual(parseGeneral(out, task, P, text === undefined ? {} : { text }));
    }
    expect(parseOutput('<社会>固有表現抽出:人名;山田:謎;東京', 'ner', P).warnings.length).toBe(1);
  });

  it('leaves to the general parser an echoed text that starts like an answer, and an IW another IW begins with', () => {
    const c = P.categories.ner[0]!;
    // The text `<c>` echoed before the IW: the answer is empty, which the general parser warns about.
    expect(parseClean(`<${c}>固有表現抽出`, 'ner', P, `<${c}>`)).toBeNull();
    expect(parseOutput(`<${c}>固有表現抽出`, 'ner', P, { text: `<${c}>` }).warnings).toEqual(['the output is empty']);
    // With `A人名` another task's IW, `<c>A人名;山田` names that task; it is not `A` followed by a pair.
    const profile: FormatProfile = { ...P, iw: { ...P.iw, ner: 'A', re: 'A人名' } };
    expect(parseClean(`<${c}>A人名;山田`, 'ner', profile, undefined)).toBeNull();
    expect(parseOutput(`<${c}>A人名;山田`, 'ner', profile).entities).toEqual([]);
    expect(parseClean(`<${c}>A:人名;山田`, 'ner', profile, undefined)?.entities).toEqual([{ label: '人名', text: '山田' }]);
  });

  it('agrees with the general parser on any output made of structure, spaces, labels, IWs and stop strings', () => {
    const piece = fc.constantFrom(
      '<', '>', ':', ';', '＜', '＞', '：', '；', ' ', '  ', '\u3000', '\n', '\t', '</s>', '<eos>', '<|endoftext|>', '\\n', '\\/n',
      '社会', 'スポーツ', '積極', '固有表現抽出', '関係抽出', 'イベント抽出', '感情抽出形容詞', '感情抽出名詞', '感情抽出名詞形容詞',
      '人名', '地名', 'ポジティブ', '山田', 'A', 'J:COM', '東京', '27日', 'x',
    );
    const task = fc.constantFrom(...TASK_IDS);
    const text = fc.option(fc.constantFrom('山田は東京へ', 'J:COMの山田', '<社会>固有表現抽出', '<社会>', '', ' 27日'), { nil: undefined });
    const profile = fc.constantFrom(...BUILTIN_PROFILES, { ...P, punctuation: 'ascii' as const }, { ...P, stopStrings: ['x'] });
    let read = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), task, text, profile, fc.boolean(), (pieces, t, tx, pr, opened) => {
        // Most generated outputs start like an answer, so the one-pass reading gets to decide something.
        const head = opened ? `<${pr.categories[t][0]}>${pr.iw[t]}:` : '';
        if (agrees(head + pieces.join(''), t, pr, tx)) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(100);
  });

  it('reads every task shape', () => {
    for (const t of TASK_IDS) {
      const items = TASKS[t].shape === 'pairs' ? `:${P.wordLabels[t][0]};山田 太郎` : TASKS[t].shape === 'triple' ? ':山田;社長;東京' : ':山田;出演;番組;27日:東京;開催;28日';
      const out = `<${P.categories[t][0]}>${P.iw[t]}${items}`;
      expect(parseClean(out, t, P, undefined), t).not.toBeNull();
      expect(agrees(out, t, P)).toBe(true);
    }
  });
});
