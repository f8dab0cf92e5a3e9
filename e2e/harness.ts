import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

export interface E2E {
  baseUrl: string;
  /** A fresh Chromium with its own new profile (cookies, storage); closed after the file's tests. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the built server on a free port with a fresh data directory (so the demo data is seeded
 * anew) and a headless Chromium; both are stopped after the test file. The build itself is
 * `npm run test:e2e`'s job.
 */
export function useE2E(): E2E {
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  let server: ChildProcess | undefined;
  const state = {} as E2E;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jiceng-e2e-data-'));
    dirs.push(dataDir);
    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, [path.join(root, 'apps/server/dist/server.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JICENG_DATA_DIR: dataDir, DATABASE_URL: '', JICENG_DEMO: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    state.baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(state.baseUrl, server, () => output);
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
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  return state;
}

/** Logs in through the login page, as a user would. */
export async function login(page: Page, username: string, password = 'jiceng-demo'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd spaces out two-character Chinese button labels ("登 录").
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}
