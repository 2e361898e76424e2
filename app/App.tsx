import { PreviewPage } from './features/preview/PreviewPage.tsx';
import { ModelPanel } from './features/models/ModelPanel.tsx';

export function App() {
  return (
    <div className="mx-auto max-w-5xl p-4">
      <header className="mb-4 flex items-baseline gap-3">
        <h1 className="text-xl font-semibold">GIELLM Web</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">日本語の情報抽出 · Japanese information extraction</p>
      </header>
      <main className="grid gap-4">
        <ModelPanel />
        <PreviewPage />
      </main>
    </div>
  );
}
