import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();
const VILLAGE = '530303203211';
const GROUP = '5303032032110101';
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Types into a unit picker and takes the option naming `name` (antd keeps a hidden copy of the options). */
async function pickUnit(page: Page, picker: Locator, name: string): Promise<void> {
  await picker.click();
  await picker.fill(name);
  await visible(page.locator('.ant-select-item-option').filter({ hasText: name }));
  await picker.press('Enter');
}

/**
 * The page's Save button, unanchored at the start: antd removes the previous save's spinner (named
 * "loading") only when its leave transition ends, which on a loaded machine came after 30 s once.
 */
const saveButton = (page: Page) => page.getByRole('button', { name: /保\s?存$/ });

/** Files a report through Open311 with a key, as another system would; answers the HTTP status. */
async function open311Report(key: string): Promise<number> {
  const res = await fetch(`${e2e.baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: key, service_code: 'environment', address_id: GROUP, description: '设置页测试：村口垃圾池满了' }),
  });
  return res.status;
}

/** Issue 10 item 22(e): categories and time limits, cadence, hotline and API keys, through the settings pages. */
describe('settings', { timeout: 240_000 }, () => {
  it('an administrator changes a category time limit, and a new matter of that category gets it', async () => {
    const page = await e2e.newPage(DESKTOP);
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.waitForURL(/\/settings\/categories$/);
    await button(page, '编辑 基础设施').click();
    const dialog = page.getByRole('dialog');
    const field = dialog.getByLabel('办结时限（一般，小时）');
    await visible(field);
    await field.fill('100');
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('table', { name: '事项类别' }).getByRole('row').filter({ hasText: '基础设施' }).getByText('一般 100 小时'));

    const district = await apiLogin(e2e.baseUrl, 'district');
    const cats = await district.get<{ code: string; resolveHours: { ordinary: number } }[]>('/matter-categories');
    expect(cats.find((c) => c.code === 'infrastructure')?.resolveHours.ordinary).toBe(100);
    const { id } = await district.post<{ id: number }>('/matters', {
      categoryCode: 'infrastructure',
      urgency: 'ordinary',
      unitCode: VILLAGE,
      description: '设置页测试：路灯不亮',
    });
    const m = await district.get<{ createdAt: string; resolveBy: string }>(`/matters/${id}`);
    expect(Date.parse(m.resolveBy) - Date.parse(m.createdAt)).toBe(100 * 3_600_000);

    // Disabling asks first; the API then lists the category inactive.
    await button(page, '停用 意见建议').click();
    const confirm = page.locator('.ant-popconfirm');
    await visible(confirm.getByText(/停用类别“意见建议”？/));
    await button(confirm, '停用').click();
    await visible(button(page, '启用 意见建议'));
    const after = await district.get<{ code: string; active: boolean }[]>('/matter-categories');
    expect(after.find((c) => c.code === 'suggestion')?.active).toBe(false);

    // A new category, with one limit of its own and the defaults elsewhere.
    await button(page, '新增类别').click();
    await dialog.getByLabel('类别代码').fill('e2e-signs');
    await dialog.getByLabel('中文名称').fill('路牌标识');
    await dialog.getByLabel('英文名称').fill('Road signs');
    await dialog.getByLabel('响应时限（紧急，小时）').fill('4');
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('row').filter({ hasText: '路牌标识' }).getByText('紧急 4 小时'));
    const added = (await district.get<{ code: string; active: boolean; respondHours: object }[]>('/matter-categories')).find((c) => c.code === 'e2e-signs');
    expect(added).toMatchObject({ active: true, respondHours: { urgent: 4, ordinary: 24, complex: 24 } });
    await page.context().close();
  });

  it('the district cadre sets a village cadence (a bad value answers next to its field) and a hotline', async () => {
    const page = await e2e.newPage(DESKTOP);
    await login(page, 'district');
    await page.goto('/settings/cadence');
    await pickUnit(page, page.getByRole('combobox', { name: '设置哪个乡镇或村的走访频次' }), '地河村');
    const red = page.getByLabel('红户（监测户）走访周期（天）');
    await visible(red);
    await red.fill('0');
    await saveButton(page).click();
    // The server's reason, in the UI's language, under the field it names.
    await visible(page.locator('.ant-form-item').filter({ has: red }).locator('.ant-form-item-explain-error').getByText('红户走访周期至少 1 天'));
    await red.fill('5');
    await visible(saveButton(page));
    await saveButton(page).click();
    await visible(page.getByText('本村设置'));
    const api = await apiLogin(e2e.baseUrl, 'district');
    const cadence = await api.get<{ own: { redDays: number } | null; source: string }>(`/visits/cadence/${VILLAGE}`);
    expect(cadence).toMatchObject({ own: { redDays: 5 }, source: 'village' });

    await page.getByRole('link', { name: '便民热线' }).click();
    await pickUnit(page, page.getByRole('combobox', { name: '设置哪个村（社区）的便民热线' }), '地河村');
    const hotline = page.getByLabel('便民热线', { exact: true });
    await visible(hotline);
    await hotline.fill('0874-3999999');
    await saveButton(page).click();
    await visible(page.getByText('0874-3999999', { exact: true }));
    expect(await api.get(`/cards/hotline?unitCode=${VILLAGE}`)).toEqual({ unitCode: VILLAGE, hotline: '0874-3999999' });
    await button(page, '清除热线').click();
    await button(page.locator('.ant-popconfirm'), '清除热线').click();
    await visible(page.getByText('未设置（联心卡上不印热线）'));
    expect(await api.get(`/cards/hotline?unitCode=${VILLAGE}`)).toEqual({ unitCode: VILLAGE, hotline: null });
    await page.context().close();
  });

  it('the district cadre creates an API key (shown once) that files on Open311, and revokes it', async () => {
    const page = await e2e.newPage(DESKTOP);
    await login(page, 'district');
    await page.goto('/settings/api-keys');
    await button(page, '新建密钥').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称（用于哪个系统）').fill('设置页测试平台');
    await pickUnit(page, dialog.getByRole('combobox', { name: '所属单位' }), '沾益区');
    await button(dialog, '新建').click();
    const secret = page.getByTestId('api-key-secret');
    await visible(secret);
    await visible(page.getByText(/密钥只显示这一次/));
    await visible(page.getByRole('button', { name: /复制|copy/i }));
    const key = (await secret.textContent()) ?? '';
    expect(key).toMatch(/^jc_/);
    await button(page, '我已保存').click();
    await secret.waitFor({ state: 'detached' });
    // The list shows the key's start only.
    const row = page.getByRole('table', { name: 'API 密钥' }).getByRole('row').filter({ hasText: '设置页测试平台' });
    await visible(row.getByText(`${key.slice(0, 7)}…`));
    expect(await page.getByText(key).count()).toBe(0);
    expect(await open311Report(key)).toBe(201);

    await button(page, '吊销 设置页测试平台').click();
    const confirm = page.locator('.ant-popconfirm');
    await visible(confirm.getByText(/吊销密钥“设置页测试平台”？/));
    await button(confirm, '吊销').click();
    await visible(row.getByText('已吊销'));
    expect(await open311Report(key)).toBe(403);
    await page.context().close();
  });

  it('at 360 px in English every section fits without sideways scrolling', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
    for (const [user, sections] of [
      ['admin', ['categories', 'cadence', 'hotline', 'api-keys']],
      ['village', ['cadence', 'hotline']],
    ] as const) {
      const page = await e2e.newPage(phone);
      await login(page, user);
      await page.evaluate(() => localStorage.setItem('jiceng.locale', 'en'));
      for (const s of sections) {
        await page.goto(`/settings/${s}`);
        await visible(page.getByRole('heading', { name: 'Settings', level: 1 }));
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
        // The village cadre starts at its own village, so the form itself is measured.
        if (user === 'village') await visible(page.getByRole('button', { name: 'Save' }));
        if (s === 'categories') await visible(page.getByRole('list', { name: 'Matter categories' }).getByRole('listitem').first());
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ user, s, sideways: width > 361 }).toEqual({ user, s, sideways: false });
      }
      await page.context().close();
    }
  });
});
