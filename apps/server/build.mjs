// Bundles the server and CLI (with the shared workspace package) into dist/, next to the
// migrations and SQL files they apply at start-up. npm dependencies stay external.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/server.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // server.ts loads the web stack with import() so it can open the database meanwhile: that
  // needs the app in its own chunk (shared code goes to chunk-*.js next to the entry points).
  splitting: true,
  sourcemap: true,
  external: Object.keys(pkg.dependencies ?? {}),
  logLevel: 'warning',
});
cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
cpSync('src/db/sql', 'dist/sql', { recursive: true });
