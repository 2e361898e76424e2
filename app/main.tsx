import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './shared/i18n/i18n.ts';
import './shared/theme.ts';
import { App } from './App.tsx';
import { EmbedApp } from './EmbedApp.tsx';

const params = new URLSearchParams(location.search);
const embed = params.has('embed');
// The bridge lives outside React (it must not start twice under StrictMode), and loads only when embedded.
if (embed) void Promise.all([import('./features/embed/embedBridge.ts'), import('./embedHandler.ts')]).then(([bridge, handler]) => bridge.startEmbedBridge(params.get('origins'), handler.handleEmbedRequest));

createRoot(document.getElementById('root')!).render(<StrictMode>{embed ? <EmbedApp /> : <App />}</StrictMode>);
