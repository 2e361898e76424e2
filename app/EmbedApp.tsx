import { useTranslation } from 'react-i18next';
import { ModelPanel } from './features/models/ModelPanel.tsx';
import { WorkspacePage } from './features/workspace/WorkspacePage.tsx';
import { RunConsent } from './features/embed/RunConsent.tsx';

/** The compact layout for iframes: no header, the model panel folded away. */
export function EmbedApp() {
  const { t } = useTranslation();
  return (
    <main className="grid grid-cols-1 gap-3 p-2" data-testid="embed">
      <details>
        <summary className="text-sm">{t('models.heading')}</summary>
        <ModelPanel confirmDownloads />
      </details>
      <RunConsent />
      <WorkspacePage />
    </main>
  );
}
