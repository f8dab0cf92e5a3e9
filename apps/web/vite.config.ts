import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ and owns /api; in development vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
