import { test } from 'vitest';
import { extract } from './extract.ts';
import { DEFAULT_PROFILE as P } from './format/profile.ts';
const time = (name: string, text: string, out: string) => {
  const t0 = performance.now();
  const r = extract(out, 'ner', P, text);
  console.log(name, 'ms', Math.round(performance.now() - t0), r.entities.length, r.warnings.length);
};
test('p', () => {
  const text = 'あ'.repeat(60_000);
  time('missing', text, '<社会>固有表現抽出:地名;' + text + Array.from({ length: 4000 }, () => ':地名;い').join(''));
  const mixed = Array.from({ length: 60_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 500))).join('');
  time('mixed', mixed, '<社会>固有表現抽出:地名;' + mixed + Array.from({ length: 4000 }, (_, i) => ':地名;' + String.fromCharCode(0x4e00 + (i % 500))).join(''));
  time('nfkc', text, '<社会>固有表現抽出:地名;' + text + Array.from({ length: 4000 }, () => ':地名;ｱ').join(''));
  time('long-missing', text, '<社会>固有表現抽出:地名;' + text + 'い' + Array.from({ length: 4000 }, () => ':地名;ああい').join(''));
});
test('distinct', () => {
  const text = 'あ'.repeat(60_000);
  time('distinct-missing', text, '<社会>固有表現抽出:地名;' + text + Array.from({ length: 4000 }, (_, i) => ':地名;' + 'あ'.repeat(1 + (i % 30)) + 'い' + i).join(''));
  const t2 = 'あ'.repeat(100_000);
  time('distinct-100k', t2, '<社会>固有表現抽出' + Array.from({ length: 10000 }, (_, i) => ':地名;' + 'あ'.repeat(1 + (i % 5)) + 'い' + i).join(''));
});
