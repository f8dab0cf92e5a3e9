import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from './server';
import chromiumArgs from './chromium-args.json';

export interface E2E {
  baseUrl: string;
  /** A fresh Chromium with its own new profile (cookies, storage); closed after the file's tests. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

// The flags this machine's Chromium runs with (shared with bench/resident-3g.mjs).
const CHROMIUM_ARGS: string[] = chromiumArgs;

/**
 * Starts the built server on a free port with a fresh data directory (so the demo data is seeded
 * anew) and a headless Chromium; both are stopped after the test file. The build itself is
 * `npm run test:e2e`'s job.
 */
export function useE2E(): E2E {
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  let server: RunningServer | undefined;
  const state = {} as E2E;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jiceng-e2e-data-'));
    dirs.push(dataDir);
    // The sample register, not the district: its background seed would load the machine and move
    // the district's figures while the tests count theirs (the district has its own API test).
    server = await startServer({ JICENG_DATA_DIR: dataDir, DATABASE_URL: '', JICENG_DEMO: '1', JICENG_DEMO_DISTRICT: '0' }, { timeoutMs: 110_000 });
    state.baseUrl = server.url;
    state.newPage = async (options) => {
      // Playwright refuses --user-data-dir in args: a persistent context takes the fresh profile instead.
      const profile = mkdtempSync(path.join(tmpdir(), 'jiceng-e2e-chromium-'));
      dirs.push(profile);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        baseURL: state.baseUrl,
        locale: 'zh-CN',
        ...options,
      });
      contexts.push(context);
      return context.pages()[0] ?? context.newPage();
    };
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  return state;
}

/** Logs in through the login page, as a user would. */
/**
 * Logs in and waits until the login form is gone. On a loaded machine a fill made while the page
 * is still starting can be lost (the form then submits empty and stays): that is tried again.
 */
export async function login(page: Page, username: string, password = 'jiceng-demo'): Promise<void> {
  await page.goto('/');
  const user = page.getByLabel('用户名');
  for (let attempt = 1; ; attempt++) {
    await user.fill(username);
    await page.getByLabel('密码').fill(password);
    // antd spaces out two-character Chinese button labels ("登 录").
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    try {
      await user.waitFor({ state: 'detached', timeout: attempt < 3 ? 15_000 : 45_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}
