import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// The server serves dist/ and owns /api; in development vite proxies /api to it.
// Two pages: index.html (the SPA) and report.html (the residents' tiny report page, no UI library).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { input: { main: page('index.html'), report: page('report.html') } },
  },
});
