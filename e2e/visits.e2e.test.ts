import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();
// The shared 2-core machine runs several engineers' builds and tests at once.
const SLOW = 180_000;
const GROUP = '53030320321101' + '01'; // 地河一组, where 王代表 (representative) is

interface Visit {
  clientKey: string;
}

describe("a representative's visits on a 360 px phone, online and offline", () => {
  let page: Page;
  const ids: Record<string, number> = {};
  const village = () => apiLogin(e2e.baseUrl, 'village');

  it(
    'the village registers two households in 地河一组 and links them (through the API)',
    async () => {
      const api = await village();
      for (const [name, tier] of [
        ['孙秀英', 'red'],
        ['周建华', 'blue'],
      ] as const) {
        const h = await api.post<{ id: number }>('/households', {
          unitCode: GROUP,
          address: `地河村一组 ${name}家`,
          tier,
          residents: [{ name, relation: '户主' }],
        });
        ids[name] = h.id;
      }
      const proposal = await api.post<{ assignments: { householdId: number; representativeUserId: number }[] }>('/linkage/propose', {
        unitCode: '530303203211',
      });
      // Only the two new households: the demo's sample register is linked already.
      const mine = proposal.assignments.filter((a) => Object.values(ids).includes(a.householdId));
      const rep = await apiLogin(e2e.baseUrl, 'representative');
      const me = await rep.get<{ userId: number }>('/auth/me');
      expect(mine.map((a) => a.representativeUserId)).toEqual([me.userId, me.userId]);
      const applied = await api.post<{ applied: number; changed: number }>('/linkage/apply', {
        assignments: mine.map(({ householdId, representativeUserId }) => ({ householdId, representativeUserId })),
      });
      expect(applied).toMatchObject({ applied: 2, changed: 2 });
    },
    SLOW,
  );

  it(
    'the representative lands on 我的走访 and logs a home visit in seconds',
    async () => {
      page = await e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await login(page, 'representative');
      await visible(page.getByRole('heading', { name: '我的走访' }));
      expect(page.url()).toMatch(/\/my-visits$/);
      // His own summary, the demo's sample households included.
      const summary = await (await apiLogin(e2e.baseUrl, 'representative')).get<{ linked: number; overdue: number }>('/visits/mine');
      await visible(page.getByText(`联系 ${summary.linked} 户，逾期 ${summary.overdue} 户`));
      const card = page.getByRole('article', { name: '孙秀英' });
      await visible(card.getByText('红 · 监测户'));
      await page.waitForTimeout(300);
      await page.screenshot({ path: '/tmp/jiceng-e2e-phone-my-visits.png', fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await button(card, '记录走访').click();
      await visible(page.getByRole('heading', { name: '记录走访' }));
      await visible(page.getByText('红色监测户须上门走访，电话、微信不计入走访频次'));
      await page.getByLabel('走访情况').fill('老人身体尚好，住房安全');
      await page.getByLabel('群众诉求').fill('希望帮助申请临时救助');
      await page.screenshot({ path: '/tmp/jiceng-e2e-phone-record.png', fullPage: true });
      await button(page, '提交').click();
      await visible(page.getByText('走访已提交'));
      await visible(page.getByRole('heading', { name: '我的走访' }));
      const api = await village();
      const visits = await api.get<{ items: Visit[] }>(`/visits?householdId=${ids.孙秀英}`);
      expect(visits.items).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'offline, a visit is kept on the phone as 待同步; the app still opens; back online it is sent exactly once',
    async () => {
      // Let the service worker take control and cache the shell first.
      await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 20_000 });
      await page.reload();
      await visible(page.getByRole('heading', { name: '我的走访' }));
      await page.waitForTimeout(1000);

      await page.context().setOffline(true);
      await button(page.getByRole('article', { name: '周建华' }), '记录走访').click();
      await visible(page.getByRole('heading', { name: '记录走访' }));
      await page.getByText('电话', { exact: true }).click();
      await page.getByLabel('走访情况').fill('电话联系，家中一切正常');
      await button(page, '提交').click();
      await visible(page.getByText('网络不通，已保存在手机上，待同步'));
      const pending = page.getByRole('region', { name: '待同步的走访（1）' }).or(page.getByText('待同步的走访（1）'));
      await visible(pending);
      await visible(page.getByText('待同步', { exact: true }));
      await page.screenshot({ path: '/tmp/jiceng-e2e-phone-offline.png', fullPage: true });
      const [clientKey] = await page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const req = indexedDB.open('jiceng-visits');
            req.onsuccess = () => {
              const all = req.result.transaction('queue').objectStore('queue').getAllKeys();
              all.onsuccess = () => resolve(all.result as string[]);
              all.onerror = () => reject(all.error);
            };
            req.onerror = () => reject(req.error);
          }),
      );
      expect(clientKey).toMatch(/^[0-9a-f-]{32,36}$/);

      // With no network at all the app still opens (service worker) and still shows the queue.
      await page.reload();
      await visible(page.getByRole('heading', { name: '我的走访' }));
      await visible(page.getByText('待同步的走访（1）'));

      await page.context().setOffline(false);
      await page.getByText('待同步的走访（1）').waitFor({ state: 'detached', timeout: 30_000 });
      // A second chance to send it twice: reload (the queue is retried on load) and sync again.
      await page.reload();
      await visible(page.getByRole('heading', { name: '我的走访' }));
      await page.waitForTimeout(1500);
      const api = await village();
      const visits = await api.get<{ items: Visit[] }>(`/visits?householdId=${ids.周建华}`);
      expect(visits.items.map((v) => v.clientKey)).toEqual([clientKey]);
      await page.screenshot({ path: '/tmp/jiceng-e2e-phone-synced.png', fullPage: true });
    },
    SLOW,
  );

  it(
    'the household page shows both visits to the village cadre',
    async () => {
      const desk = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
      await login(desk, 'village');
      await visible(desk.getByRole('heading', { name: '地河村' }));
      await desk.goto(`/households/${ids.周建华}`);
      await visible(desk.getByText('电话联系，家中一切正常'));
      await desk.goto('/dashboard');
      await visible(desk.getByRole('heading', { name: '地河村 走访与联户' }));
      await visible(desk.getByRole('img', { name: '各单位走访完成率（按红黄蓝）' }));
      await desk.waitForTimeout(800);
      await desk.screenshot({ path: '/tmp/jiceng-e2e-dashboard.png', fullPage: true });
    },
    SLOW,
  );
});
