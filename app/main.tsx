import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './shared/i18n/i18n.ts';
import './shared/theme.ts';
import { App } from './App.tsx';
import { EmbedApp } from './features/embed/EmbedApp.tsx';

const params = new URLSearchParams(location.search);
const embed = params.has('embed');
// The bridge lives outside React (it must not start twice under StrictMode), and loads only when embedded.
if (embed) void import('./features/embed/embedBridge.ts').then((m) => m.startEmbedBridge(params.get('origins')));

createRoot(document.getElementById('root')!).render(<StrictMode>{embed ? <EmbedApp /> : <App />}</StrictMode>);
