import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();
const SLOW = 180_000;
const MENU = '菜单';

/** Waits until the service worker controls the page and holds every file of the phone path. */
async function precached(page: Page): Promise<void> {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  await page.waitForFunction(
    async () => {
      const list = (await (await fetch('/precache.json')).json()) as { rep: string[] };
      const cache = await caches.open('jiceng-assets-v1');
      const held = await Promise.all(list.rep.map((u) => cache.match(u)));
      return list.rep.length > 0 && held.every(Boolean);
    },
    null,
    { timeout: 60_000, polling: 500 },
  );
}

const cachedApi = (page: Page) => page.evaluate(async () => (await (await caches.open('jiceng-api-v1')).keys()).map((r) => new URL(r.url).pathname));

describe("the representative's phone with no signal right after login", () => {
  let page: Page;

  it(
    'reloaded offline right after login, it stays logged in and opens a never-opened visit form; back online the visit is sent once',
    async () => {
      page = await e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await login(page, 'representative');
      await visible(page.getByRole('heading', { name: '我的走访' }));
      await precached(page);

      // No signal. Not one page of the visit form was opened online.
      await page.context().setOffline(true);
      await page.reload();
      await visible(page.getByRole('heading', { name: '我的走访' }));
      expect(await page.getByLabel('密码').count()).toBe(0);

      const card = page.getByRole('article').first();
      const head = (await card.getAttribute('aria-label')) ?? '';
      await button(card, '记录走访').click();
      await visible(page.getByRole('heading', { name: '记录走访' }));
      await page.getByText('电话', { exact: true }).click();
      const findings = `离线走访 ${Math.random().toString(36).slice(2, 8)}`;
      await page.getByLabel('走访情况').fill(findings);
      await button(page, '提交').click();
      await visible(page.getByText('网络不通，已保存在手机上，待同步'));
      await visible(page.getByText('待同步的走访（1）'));

      // Signal again: sent by itself (the online event), with no reload and no tap.
      await page.context().setOffline(false);
      await page.getByText('待同步的走访（1）').waitFor({ state: 'detached', timeout: 30_000 });
      const rep = await apiLogin(e2e.baseUrl, 'representative');
      const mine = await rep.get<{ items: { householdId: number; headName: string }[] }>('/visits/mine');
      const householdId = mine.items.find((i) => i.headName === head)?.householdId ?? mine.items[0]?.householdId;
      const village = await apiLogin(e2e.baseUrl, 'village');
      const visits = await village.get<{ items: { findings: string | null }[] }>(`/visits?householdId=${householdId}`);
      expect(visits.items.filter((v) => v.findings === findings)).toHaveLength(1);
    },
    SLOW,
  );

  it(
    "logging out drops the service worker's cached API answers",
    async () => {
      await page.reload();
      await visible(page.getByRole('heading', { name: '我的走访' }));
      await page.waitForTimeout(1000);
      expect((await cachedApi(page)).length).toBeGreaterThan(0);
      // On a phone the logout button is in the drawer behind the menu button.
      await page.getByRole('button', { name: MENU }).click();
      await page.getByRole('button', { name: '退出登录' }).click();
      await visible(page.getByLabel('密码'));
      await page.waitForTimeout(500);
      expect(await cachedApi(page)).toEqual([]);
      // Offline after logout: the login page, never the last person's data.
      await page.context().setOffline(true);
      await page.reload();
      await visible(page.getByLabel('密码'));
      await page.context().setOffline(false);
    },
    SLOW,
  );
});
