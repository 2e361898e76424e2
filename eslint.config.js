import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';

/**
 * One-way imports in the app (bulletproof-react's rule): a feature imports `app/shared` and `src/`, never
 * another feature nor the app's composition; `app/shared` imports no feature. Steps that cross features are
 * composed in `app/` (App.tsx, commands.ts, workflows.ts, embedHandler.ts).
 */
const appLayers = {
  meta: { type: 'problem', messages: { feature: '{{from}} may not import {{to}}: features never import each other; compose the step in app/ and pass it in', shared: 'app/shared may not import {{to}}: shared code never depends on a feature or on the app' } },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const feature = /^app\/features\/([^/]+)\//.exec(file)?.[1];
    const inShared = file.startsWith('app/shared/');
    if (!feature && !inShared) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const targetFeature = /^app\/features\/([^/]+)(\/|$)/.exec(target)?.[1];
      const appLevel = /^app\/[^/]+$/.test(target);
      if (feature && ((targetFeature && targetFeature !== feature) || appLevel)) context.report({ node: node.source, messageId: 'feature', data: { from: `app/features/${feature}`, to: target } });
      if (inShared && (targetFeature || appLevel)) context.report({ node: node.source, messageId: 'shared', data: { to: target } });
    };
    return { ImportDeclaration: check, ImportExpression: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results', 'bench/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { giellm: { rules: { 'app-layers': appLayers } } },
    rules: { 'giellm/app-layers': 'error' },
  },
  {
    // The core must run in Node, a worker and the page: no React, no DOM-only APIs, never the app.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', '**/app/**', '../app/*'] }],
    },
  },
);
