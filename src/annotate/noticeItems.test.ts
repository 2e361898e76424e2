import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';
import { removeSpan } from './edits.ts';
import { itemOfNotice } from './noticeItems.ts';

describe('the item a warning is about', () => {
  it('leads a not-found warning to the span or the tuple field holding that string, and to nothing once it is gone', () => {
    const x = extract('<社会>固有表現抽出:地名;東京:地名;大阪:壊れた', 'ner', P, '東京で会見した。');
    const notices = x.notices!;
    const found = notices.map((n) => itemOfNotice(x, n));
    expect(found.filter(Boolean)).toEqual([{ list: 'entities', index: 1 }]);
    expect(itemOfNotice(removeSpan(x, 1), notices.find((n) => n.code === 'not-found')!)).toBeNull();
    const re = extract('<映画>関係抽出:山村浩二;監督;千と千尋', 're', P, '『マイブリッジの糸』(11) 監督:山村浩二');
    expect(re.notices!.map((n) => itemOfNotice(re, n)).filter(Boolean)).toEqual([{ list: 'relations', index: 0, field: 'tail' }]);
  });
});
