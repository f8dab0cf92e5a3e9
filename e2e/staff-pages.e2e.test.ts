import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin } from './api';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();

/** Issue 10 item 22: the staff pages' missing pieces, clicked through as a cadre would. */
describe('staff pages', { timeout: 240_000 }, () => {
  let page: Page;

  it('the dashboard\'s "逾期未访" opens the list of overdue households of the unit shown', async () => {
    page = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, 'district');
    await page.goto('/dashboard');
    const overdue = page.getByRole('link', { name: /逾期未访/ });
    await visible(overdue);
    await overdue.click();
    await page.waitForURL(/\/overdue\/\d+$/);
    const table = page.getByRole('table', { name: '逾期未访的户' });
    await visible(table);
    // What the list shows is what the API counts for that unit.
    const code = page.url().split('/').pop() ?? '';
    const api = await apiLogin(e2e.baseUrl, 'district');
    const { total } = await api.get<{ total: number }>(`/visits/overdue?unitCode=${code}&limit=1`);
    await visible(page.getByText(`共 ${total} 户`));
    if (total > 0) await visible(table.getByRole('link').first());
  });

  it('an administrator is asked for a unit on the dashboard and the metrics, not shown a validation error', async () => {
    const admin = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
    await login(admin, 'admin');
    for (const path of ['/dashboard', '/matter-metrics']) {
      await admin.goto(path);
      await visible(admin.getByText('请先选择要查看的单位'));
      await visible(admin.getByRole('combobox', { name: /选择单位/ }));
      expect(await admin.getByText(/unitCode|Invalid|无效/).count()).toBe(0);
    }
    // Choosing a unit opens its dashboard.
    await admin.goto('/dashboard');
    const picker = admin.getByRole('combobox', { name: /选择单位/ });
    await picker.click();
    await picker.fill('地河村');
    // antd keeps a hidden copy of the options for screen readers: wait for the visible one.
    await visible(admin.locator('.ant-select-item-option').filter({ hasText: '地河村' }));
    await picker.press('Enter');
    await visible(admin.getByRole('heading', { name: '地河村 走访与联户' }));
    await admin.context().close();
  });

  it('the matter detail names the category; the audit log speaks in words', async () => {
    await page.goto('/matters');
    const first = page.locator('a[href^="/matters/"]').first();
    await visible(first);
    await first.click();
    await visible(page.getByText('分类', { exact: true }));
    await page.goto('/audit');
    await visible(page.getByRole('cell', { name: '登录', exact: true }));
    expect(await page.getByRole('cell', { name: 'auth.login', exact: true }).count()).toBe(0);
  });

  it('停用 asks first, and cancelling leaves the account active', async () => {
    await page.goto('/users');
    const disable = button(page, '停用').first();
    await visible(disable);
    const disabledBefore = await page.getByText('已停用').count();
    await disable.click();
    const confirm = page.locator('.ant-popconfirm');
    await visible(confirm.getByText(/停用账号“.+”？/));
    await button(confirm, '取消').click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByText('已停用').count()).toBe(disabledBefore);
  });
});
