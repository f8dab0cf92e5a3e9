import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useE2E } from './harness';
import { visible } from './ui';

const e2e = useE2E();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Which staff pages each demo account opens; `:household`, `:matter` and `:visit` are found by link. */
const PAGES: Record<string, string[]> = {
  admin: [
    '/org',
    '/users',
    '/departments',
    '/audit',
    '/dashboard',
    '/matter-metrics',
    '/households',
    '/households/import',
    '/linkage',
    '/notifications',
    '/matters',
    '/webhooks',
    '/settings/categories',
    '/settings/cadence',
    '/settings/hotline',
    '/settings/api-keys',
  ],
  district: ['/dashboard', '/overdue', '/matter-metrics', '/audit', '/matters', ':matter', '/org'],
  village: ['/overdue', '/households', ':household', '/linkage', '/matters', ':matter', '/households/import', '/org', '/settings/cadence', '/settings/hotline'],
  representative: ['/my-visits', ':visit'],
  department: ['/matters', ':matter'],
};

const DETAIL: Record<string, { list: string; href: RegExp }> = {
  ':household': { list: '/households', href: /^\/households\/\d+$/ },
  ':matter': { list: '/matters', href: /^\/matters\/\d+$/ },
  ':visit': { list: '/my-visits', href: /^\/my-visits\/\d+$/ },
};

const VIEWPORTS = [
  { name: '360', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const LOCALES = ['zh-CN', 'en'] as const;

interface Finding {
  where: string;
  what: string;
}

/** Waits until the page has drawn its content: the spinners gone and the network quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
  // antd's motion (drawers, tabs ink) finishes within ~0.3 s.
  await page.waitForTimeout(400);
}

async function resolvePath(page: Page, path: string, cache: Map<string, string | null>): Promise<string | null> {
  const detail = DETAIL[path];
  if (!detail) return path;
  if (cache.has(path)) return cache.get(path) ?? null;
  if (path === ':visit') {
    // The representative's list opens a visit by button; the household comes from the same API.
    const id = await page.evaluate(async () => {
      const mine = await (await fetch('/api/visits/mine')).json();
      return (mine.items?.[0]?.householdId as number | undefined) ?? null;
    });
    cache.set(path, id ? `/my-visits/${id}` : null);
    return cache.get(path) ?? null;
  }
  await page.goto(detail.list);
  await settle(page);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => detail.href.test(h)) ?? null;
  cache.set(path, found);
  return found;
}

/** Runs axe on the page; returns the critical and serious violations, one line each. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`),
    }));
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
}

/** What sticks out to the right of a 360 px screen, if the page scrolls sideways. */
async function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${culprits.join(', ')}`;
  });
}

/** The app's title in the header, and the page's h1, are on screen and not cut to nothing. */
async function titleShown(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const header = document.querySelector('.ant-layout-header h4, .ant-layout-header h5');
    if (!header) return 'no app title in the header';
    const r = header.getBoundingClientRect();
    if (r.width < 40) return `app title ${Math.round(r.width)} px wide`;
    // The page's own title (an h1 in the content) is shown whole, not cut to "…".
    const h1 = document.querySelector<HTMLElement>('.ant-layout-content h1');
    if (!h1) return null;
    const box = h1.getBoundingClientRect();
    const cut = h1.scrollWidth > h1.clientWidth + 1 || box.width < 40;
    return cut ? `page title "${h1.textContent}" cut to ${Math.round(box.width)} px` : null;
  });
}

describe('every staff page passes axe and fits a 360 px phone, in Chinese and English', { timeout: 1_200_000 }, () => {
  const findings: Finding[] = [];

  for (const viewport of VIEWPORTS) {
    for (const [user, paths] of Object.entries(PAGES)) {
      it(`${user} at ${viewport.name}`, async () => {
        // The server's CSP forbids inline scripts; axe is injected as one, so this browser bypasses it.
        const page = await e2e.newPage({ viewport: { width: viewport.width, height: viewport.height }, bypassCSP: true });
        await login(page, user);
        const details = new Map<string, string | null>();
        for (const locale of LOCALES) {
          await page.evaluate((l) => localStorage.setItem('jiceng.locale', l), locale);
          for (const p of paths) {
            const path = await resolvePath(page, p, details);
            if (!path) {
              findings.push({ where: `${user} ${viewport.name} ${locale} ${p}`, what: 'no link to a detail page found' });
              continue;
            }
            await page.goto(path);
            await visible(page.locator('main, .ant-layout-content').first());
            await settle(page);
            const where = `${user} ${viewport.name} ${locale} ${path}`;
            for (const what of await axe(page)) findings.push({ where, what });
            if (viewport.width === 360) {
              const scroll = await sidewaysScroll(page);
              if (scroll) findings.push({ where, what: scroll });
              const title = await titleShown(page);
              if (title) findings.push({ where, what: title });
            }
          }
        }
        await page.context().close();
      });
    }
  }

  it('found nothing', () => {
    if (findings.length) console.error(findings.map((f) => `${f.where}: ${f.what}`).join('\n'));
    expect(findings.map((f) => `${f.where}: ${f.what}`)).toEqual([]);
  });
});
