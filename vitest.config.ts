import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, API tests (on PGlite or PostgreSQL, per JICENG_TEST_DB, each
// file on its own fresh database) and browser tests in Chromium against the built app.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/*.service.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'api',
          sequence: { groupOrder: 1 },
          // Service tests use the API tests' database (no HTTP).
          include: ['apps/server/src/**/*.api.test.ts', 'apps/server/src/**/*.service.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
