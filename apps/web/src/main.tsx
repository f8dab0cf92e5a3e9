import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { I18nProvider } from './app/i18n';
import { AppRoutes } from './app/router';
import { registerServiceWorker } from './app/serviceWorker';

// The entry holds no UI library: each area (the staff app now, residents' pages later) is its own chunk.
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
registerServiceWorker();
