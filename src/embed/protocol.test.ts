import { describe, expect, it } from 'vitest';
import { MAX_ITEMS, MAX_OUTPUT, MAX_TEXT, allowedOrigins, isAllowedOrigin, mergeExtractions, readHostMessage } from './protocol.ts';
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

  it('a build locked to its origins cannot be widened by the URL, only narrowed', () => {
    const locked = 'https://site.org https://docs.site.org';
    expect(allowedOrigins('https://evil.example', locked)).toEqual([]);
    expect(allowedOrigins('https://evil.example,https://site.org', locked)).toEqual(['https://site.org']);
    expect(allowedOrigins('https://site.org/anything', locked)).toEqual(['https://site.org']);
    expect(allowedOrigins(null, locked)).toEqual(['https://site.org', 'https://docs.site.org']);
    // 16 ways of writing a hostile origin, none of which gets in.
    for (const trick of ['https://site.org.evil.example', 'https://evil.example/https://site.org', 'https://site.org@evil.example', 'HTTPS://EVIL.EXAMPLE', 'javascript:alert(1)', 'null', '*', 'https://*.site.org', 'https://site.org:444', 'http://site.org', 'data:text/html,x', 'file:///etc', 'https://evil.example#https://site.org', 'https://evil.example?https://site.org', ' https://evil.example ', 'https://xn--site-org.example']) {
      expect(allowedOrigins(trick, locked), trick).toEqual([]);
    }
  });

  it('bounds what a request may carry', () => {
    expect(readHostMessage({ type: 'giellm:extract', id: 1, text: 'あ'.repeat(MAX_TEXT + 1), task: 'ner' })).toMatchObject({ ok: false, message: expect.stringContaining('text') });
    expect(readHostMessage({ type: 'giellm:extract', id: 1, text: 'あ', task: 'ner', output: 'あ'.repeat(MAX_OUTPUT + 1) })).toMatchObject({ ok: false, message: expect.stringContaining('output') });
  });

  // The figure is in bench/ (embed worst case); here vitest's 5 s test timeout is the freeze detector (it took 13 s before).
  it('a crafted output at the limits is read without freezing the frame', () => {
    // One span covering the text, then distinct strings that are not in it: each costs a scan of the text.
    const text = 'あ'.repeat(MAX_TEXT - 1) + 'い';
    const items = Array.from({ length: MAX_ITEMS - 1 }, (_, i) => `:地名;${'あ'.repeat(1 + (i % 40))}う${i}`);
    const output = `<社会>固有表現抽出:地名;${text}${items.join('')}`.slice(0, MAX_OUTPUT);
    const x = extract(output, 'ner', P, text);
    expect(x.entities[0]).toMatchObject({ start: 0, end: MAX_TEXT });
    expect(x.warnings.length).toBe(x.entities.length - 1);
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
