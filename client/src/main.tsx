// Client entry: reads the permalink state, picks the language, and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { createApi } from './lib/api.js';
import { decodeState } from './lib/url-state.js';
import './styles.css';

const initial = decodeState(window.location.search);
const lang = pickLanguage(initial.lang, navigator.languages ?? [navigator.language]);
await initI18n(lang);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={createApi()} initial={initial} />
    </StrictMode>,
  );
}
