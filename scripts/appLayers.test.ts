import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The one-way import rule of eslint.config.js, run the way `npx eslint .` runs it.
const lint = async (filePath: string, code: string) => {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'giellm/app-layers').map((m) => m.message);
};

describe('app layers (lint)', () => {
  it('refuses a feature importing another feature or the app composition', async () => {
    expect(await lint('app/features/batch/x.ts', "import { CorpusPanel } from '../corpus/CorpusPanel.tsx';\nexport { CorpusPanel };\n")).toEqual([
      expect.stringContaining('features never import each other'),
    ]);
    expect(await lint('app/features/batch/x.ts', "export { openDocument } from '../../workflows.ts';\n")).toHaveLength(1);
    expect(await lint('app/features/batch/x.ts', "export const m = () => import('../annotate/AnnotationEditor.tsx');\n")).toHaveLength(1);
  });
  it('allows a feature its own files, app/shared and src', async () => {
    expect(await lint('app/features/batch/x.ts', "export { BatchPanel } from './BatchPanel.tsx';\nexport { useCorpusStore } from '../../shared/corpus/corpusStore.ts';\nexport { TASKS } from '../../../src/index.ts';\n")).toEqual([]);
  });
  it('refuses app/shared depending on a feature', async () => {
    expect(await lint('app/shared/corpus/x.ts', "export { useInputStore } from '../../features/workspace/inputStore.ts';\n")).toEqual([expect.stringContaining('app/shared may not import')]);
  });
});
