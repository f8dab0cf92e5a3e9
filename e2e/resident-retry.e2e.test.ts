import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { useE2E } from './harness';
import { visible } from './ui';

const e2e = useE2E();
const SLOW = 180_000;
const VILLAGE = '530303203211'; // 地河村
const REPORT = '**/api/public/matters';
// A 1×1 PNG: the photo of a draft.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface Summary {
  description: string;
  trackingCode?: string;
}

/** How many matters of 地河村 the village cadre sees with this very description. */
async function filed(description: string): Promise<number> {
  const village = await apiLogin(e2e.baseUrl, 'village');
  let count = 0;
  let after: string | null = null;
  do {
    const q = `/matters/queue?unitCode=${VILLAGE}&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const page: { items: Summary[]; nextAfter: string | null } = await village.get(q);
    count += page.items.filter((m) => m.description === description).length;
    after = page.nextAfter;
  } while (after);
  return count;
}

async function open(page: Page, description: string): Promise<void> {
  await page.goto(`/report/${VILLAGE}`);
  await page.locator('button.choice').first().click();
  await page.getByLabel('2. 说说遇到了什么问题').fill(description);
}

// No long digit runs: a phone-like number in a description is masked for staff (issue 10 item 5).
const tag = () => Math.random().toString(36).slice(2, 8);

const phone = () => e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

describe('a resident reporting on a weak signal files each problem once', () => {
  it(
    'a double tap on 继续提交 files once',
    async () => {
      // Someone reported it first, so the page offers the similar matter and 继续提交.
      const text = `地河一组抽水泵坏了，全组吃水困难 ${tag()}`;
      const first = await fetch(`${e2e.baseUrl}/api/public/matters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unitCode: VILLAGE, categoryCode: 'infrastructure', description: text }),
      });
      expect(first.status).toBe(201);
      const page = await phone();
      let posts = 0;
      // A slow answer (weak signal): the second tap lands while the first is on its way.
      await page.route(REPORT, async (route: Route) => {
        posts++;
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await open(page, text);
      await page.getByRole('button', { name: '提交', exact: true }).click();
      const go = page.getByRole('button', { name: '不是同一个问题，继续提交' });
      await visible(go);
      await go.dblclick();
      await visible(page.getByText('提交成功'));
      expect(posts).toBe(1);
      expect(await filed(text)).toBe(2); // the first resident's and this one
    },
    SLOW,
  );

  it(
    'a lost answer is sent again by the page itself and files once, with the first answer’s code',
    async () => {
      const page = await phone();
      let attempts = 0;
      let lostCode = '';
      await page.route(REPORT, async (route: Route) => {
        attempts++;
        if (attempts === 1) {
          // The server files it; its answer never reaches the phone.
          const res = await route.fetch();
          lostCode = ((await res.json()) as { trackingCode: string }).trackingCode;
          await route.abort('connectionreset');
        } else await route.continue();
      });
      const text = `村委会门口的下水道堵了，雨天积水 ${tag()}`;
      await open(page, text);
      await page.getByRole('button', { name: '提交', exact: true }).click();
      const go = page.getByRole('button', { name: '不是同一个问题，继续提交' });
      await visible(go.or(page.getByText('提交成功')));
      if (await go.isVisible()) await go.click();
      await visible(page.getByText('提交成功'));
      expect(attempts).toBe(2);
      expect(lostCode).toMatch(/\S/);
      await visible(page.getByLabel('您的查询码').getByText(lostCode));
      expect(await filed(text)).toBe(1);
    },
    SLOW,
  );

  it(
    'the draft (text, category, photo) survives a reload and is gone once filed',
    async () => {
      const page = await phone();
      const text = `三组到村部的路上有个大坑 ${tag()}`;
      await open(page, text);
      await page.locator('#photo').setInputFiles({ name: 'pit.png', mimeType: 'image/png', buffer: PNG });
      await visible(page.locator('.preview img'));
      const category = await page.locator('button.choice').first().textContent();
      await page.waitForTimeout(300); // the photo is written to IndexedDB
      await page.reload();
      await visible(page.getByText('上次没提交完的内容已帮您留着。'));
      expect(await page.getByLabel('2. 说说遇到了什么问题').inputValue()).toBe(text);
      expect(await page.locator('button.choice[aria-pressed="true"]').textContent()).toBe(category);
      await visible(page.locator('.preview img'));

      await page.getByRole('button', { name: '提交', exact: true }).click();
      const go = page.getByRole('button', { name: '不是同一个问题，继续提交' });
      await visible(go.or(page.getByText('提交成功')));
      if (await go.isVisible()) await go.click();
      await visible(page.getByText('提交成功'));
      expect(await filed(text)).toBe(1);
      await page.reload();
      await visible(page.getByLabel('2. 说说遇到了什么问题'));
      expect(await page.getByLabel('2. 说说遇到了什么问题').inputValue()).toBe('');
      expect(await page.locator('.preview img').count()).toBe(0);
    },
    SLOW,
  );
});
