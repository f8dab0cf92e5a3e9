import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { type RunningServer, startServer } from './server';

// What `npm start` does on a fresh clone: demo mode on the embedded database, the district seeded
// in the background after the server listens (docs/demo.md). No browser: the district's pages are
// the API test's and the a11y test's business; this is about the start.
const dataDir = mkdtempSync(path.join(tmpdir(), 'jiceng-e2e-demo-start-'));
const env = { JICENG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' };
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${server?.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Summary = { items: { unitCode: string; households: number; visited: number }[] };

describe('the first start of the demo', () => {
  it('serves at once, fills in the whole district behind, and a stop in the middle loses nothing', { timeout: 600_000 }, async () => {
    server = await startServer(env, { timeoutMs: 120_000 });
    await until('some villages seeded', () => /"done":20,/.test(server?.output() ?? ''), 300_000);
    // Stopped half-way: it finishes the village in progress, and the next start goes on.
    await server.stop();
    expect(server.output()).not.toMatch(/demo district seeded/);
    server = await startServer(env, { timeoutMs: 120_000 });
    // Serving while the district is seeded: the sample village's cadre logs in and reads.
    const village = await apiLogin(server.url, 'village');
    expect((await village.get<{ total: number }>('/households?unitCode=530303203211&limit=1')).total).toBeGreaterThan(0);
    await until('the district seeded', () => /demo district seeded/.test(server?.output() ?? ''), 480_000);
    const seeded = JSON.parse(
      server
        .output()
        .split('\n')
        .find((l) => l.includes('demo district seeded')) ?? '{}',
    ) as { villages: number };
    // The second start seeded only what the first had not finished.
    expect(seeded.villages).toBeGreaterThan(0);
    expect(seeded.villages).toBeLessThan(134 - 19);
    const district = await apiLogin(server.url, 'district');
    const summary = await district.get<Summary>('/visits/summary?unitCode=530303');
    expect(summary.items).toHaveLength(11);
    for (const township of summary.items) {
      expect(township.households, township.unitCode).toBeGreaterThan(0);
      expect(township.visited, township.unitCode).toBeGreaterThan(0);
    }
    // Every village has its register (the sample's 40 households and the rest of the district's).
    const all = await district.get<{ total: number }>('/households?unitCode=530303&limit=1');
    expect(all.total).toBeGreaterThan(2000);
    await server.stop();
    // A later start seeds nothing.
    server = await startServer(env, { timeoutMs: 120_000 });
    await new Promise((r) => setTimeout(r, 3000));
    expect(server.output()).not.toMatch(/demo district/);
  });
});
