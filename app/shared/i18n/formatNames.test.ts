import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS } from '../../../src/interchange/formats.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

describe('format names', () => {
  it('names every export target of the registry in both catalogs', () => {
    for (const { value } of EXPORT_TARGETS) {
      expect(en.corpus.formatNames[value as keyof typeof en.corpus.formatNames], value).toBeTruthy();
      expect(ja.corpus.formatNames[value as keyof typeof ja.corpus.formatNames], value).toBeTruthy();
    }
  });
});
