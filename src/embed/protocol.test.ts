import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin, mergeExtractions, readHostMessage } from './protocol.ts';
import { extract } from '../extract.ts';
import { DEFAULT_PROFILE as P } from '../format/profile.ts';

describe('embed protocol', () => {
  it('accepts a well-formed extract request', () => {
    const m = readHostMessage({ type: 'giellm:extract', id: 7, text: '文。', task: 'ner', output: '<社会>固有表現抽出' });
    expect(m).toEqual({ ok: true, request: { type: 'giellm:extract', id: 7, text: '文。', task: 'ner', output: '<社会>固有表現抽出' } });
  });

  it('ignores messages that are not ours and names what is wrong with ours', () => {
    expect(readHostMessage('hello')).toBeNull();
    expect(readHostMessage({ type: 'webpackOk' })).toBeNull();
    expect(readHostMessage({ type: 'giellm:nope', id: 'x' })).toMatchObject({ ok: false, id: 'x', message: expect.stringContaining('unknown message type "giellm:nope"') });
    const bad = readHostMessage({ type: 'giellm:extract', id: 1, text: 5, task: 'xx', labels: ['a:b'] });
    expect(bad).toMatchObject({ ok: false, id: 1 });
    expect(bad && !bad.ok && bad.message).toMatch(/text: .*task: .*labels\.0: labels cannot contain/);
    expect(readHostMessage({ type: 'giellm:extract', id: 1, text: 'x'.repeat(1_000_001), task: 'ner' })).toMatchObject({ ok: false, message: expect.stringContaining('text') });
  });

  it('reads allowed origins from the URL or the build, as exact origins', () => {
    expect(allowedOrigins('https://a.org/x, http://127.0.0.1:8080 junk', '')).toEqual(['https://a.org', 'http://127.0.0.1:8080']);
    expect(allowedOrigins(null, 'https://site.org')).toEqual(['https://site.org']);
    expect(isAllowedOrigin('https://a.org', ['https://a.org'])).toBe(true);
    expect(isAllowedOrigin('https://a.org.evil.com', ['https://a.org'])).toBe(false);
    expect(isAllowedOrigin('null', ['null'])).toBe(false);
  });

  it('merges sentence results into one Extraction with the most frequent category', () => {
    const a = extract('<スポーツ>関係抽出:国母和宏;所属;東海大:', 're', P, '国母和宏(東海大)');
    const b = extract('<映画>関係抽出:山村浩二;監督;糸:', 're', P, '糸 監督:山村浩二');
    const c = extract('<スポーツ>関係抽出', 're', P, 'x');
    const m = mergeExtractions('re', [a, b, c]);
    expect(m.category).toBe('スポーツ');
    expect(m.relations.map((r) => r.head)).toEqual(['国母和宏', '山村浩二']);
  });
});
