import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import './shared/i18n/i18n.ts';
import './shared/theme.ts';
import { allowedOrigins } from '../src/index.ts';
import { App } from './App.tsx';
import { EmbedApp } from './features/embed/EmbedApp.tsx';
import { startEmbedBridge } from './features/embed/embedBridge.ts';

const params = new URLSearchParams(location.search);
const embed = params.has('embed');
// The bridge lives outside React: it must not start twice under StrictMode.
if (embed) startEmbedBridge(allowedOrigins(params.get('origins'), import.meta.env.VITE_EMBED_ORIGINS ?? ''));

createRoot(document.getElementById('root')!).render(<StrictMode>{embed ? <EmbedApp /> : <App />}</StrictMode>);
