import { describe, expect, it } from 'vitest';
import { buildInput } from './buildInput.ts';
import { BUILTIN_PROFILES, CSV_PROFILE, DEFAULT_PROFILE, validateProfile } from './profile.ts';
import { splitInput } from './splitInput.ts';

describe('validateProfile', () => {
  it('refuses one IW for two tasks, naming both', () => {
    const r = validateProfile({ iw: { 'se-n': '感情抽出', 'se-adj': '感情抽出' } });
    expect(r).toMatchObject({ ok: false, errors: ['iw.se-adj: "感情抽出" is already the IW of se-n'] });
  });

  it('reads labelSetInInput and refuses a non-boolean', () => {
    expect(validateProfile({ labelSetInInput: false })).toMatchObject({ ok: true, profile: { labelSetInInput: false } });
    expect(validateProfile({ labelSetInInput: 'no' })).toMatchObject({ ok: false, errors: ['labelSetInInput: expected true or false'] });
  });

  it('reads label keys as lower-case letters, one label per key within a task', () => {
    expect(validateProfile({ labelKeys: { 人名: 'P', 地名: 'c' } })).toMatchObject({ ok: true, profile: { labelKeys: { 人名: 'p', 地名: 'c' } } });
    expect(validateProfile({ labelKeys: { 人名: '1' } })).toMatchObject({ ok: false, errors: ['labelKeys.人名: the key of "人名" is not one letter a-z'] });
    expect(validateProfile({ labelKeys: { 人名: 'ab' } }).ok).toBe(false);
    // 人名 and 地名 are both NER labels: one key cannot mean both.
    expect(validateProfile({ labelKeys: { 人名: 'p', 地名: 'P' } })).toMatchObject({ ok: false, errors: ['labelKeys.地名: key "p" is given to both "人名" and "地名"'] });
    // A key of a label no task has does no harm and is kept for when the label returns.
    expect(validateProfile({ labelKeys: { 消えたラベル: 'q', 人名: 'q' } }).ok).toBe(true);
  });

  it('accepts every built-in profile as it is', () => {
    for (const p of BUILTIN_PROFILES) expect(validateProfile(p)).toEqual({ ok: true, profile: p });
  });
});

describe('the built-in input forms', () => {
  const text = '吉田秀彦が引退を発表した。';
  it("model card / paper: text, label set and IW on their own lines", () => {
    expect(buildInput(text, 'ee', DEFAULT_PROFILE)).toBe(`${text}\n<スポーツ><映画><女性><IT><CM>\nイベント抽出`);
  });
  it("TCREE CSV: text + IW with nothing between, no label set, as the authors' CSV input", () => {
    expect(buildInput(text, 'ee', CSV_PROFILE)).toBe(`${text}イベント抽出`);
    expect(splitInput(buildInput(text, 'ee', CSV_PROFILE), CSV_PROFILE)).toEqual({ text, task: 'ee' });
  });
});
