import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { allBuilt, type Manifest, precacheList } from './src/app/precacheList';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** The representative's phone path: opened offline, every file of it must already be on the phone. */
const REP_PATH = [
  'index.html',
  'src/app/StaffApp.tsx',
  'src/features/auth/LoginPage.tsx',
  'src/app/shell/Shell.tsx',
  'src/features/visits/MyVisitsPage.tsx',
  'src/features/visits/RecordVisitPage.tsx',
];

/** Writes dist/precache.json ({ rep, all }) from the build manifest, for public/sw.js (see docs/offline.md). */
function precache(): Plugin {
  let outDir = '';
  return {
    name: 'jiceng-precache',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle() {
      const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
      const list = { rep: precacheList(manifest, REP_PATH), all: allBuilt(manifest) };
      writeFileSync(path.join(outDir, 'precache.json'), JSON.stringify(list));
    },
  };
}

// The server serves dist/ and owns /api; in development vite proxies /api to it.
// Two pages: index.html (the SPA) and report.html (the residents' tiny report page, no UI library).
export default defineConfig({
  plugins: [react(), precache()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { input: { main: page('index.html'), report: page('report.html') } },
  },
});
