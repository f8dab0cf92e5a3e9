import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();

/**
 * Chooses in an antd Select by typing and pressing Enter once the wanted option is listed:
 * clicking an option that is still sliding in (on a busy machine) proved flaky.
 */
async function pick(combobox: Locator, text: string, option: Locator): Promise<void> {
  await combobox.click();
  await combobox.fill(text);
  await visible(option);
  await combobox.press('Enter');
}

function unitHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true });
}

describe('the spine in a browser', { timeout: 180_000 }, () => {
  let page: Page;

  it('a village cadre logs in (Chinese by default) and lands on their village', async () => {
    page = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto('/');
    await visible(page.getByRole('heading', { name: '基层治理平台' }));
    await login(page, 'village');
    await visible(unitHeading(page, '地河村'));
    expect(page.url()).toMatch(/\/org\/530303203211$/);
    await visible(page.getByText('演示环境：数据为演示数据，请勿录入真实个人信息'));
    await visible(page.getByText('地河村 · 村（社区）两委'));
    // The village's navigation: organisation and accounts, no audit log or departments.
    const nav = page.getByRole('navigation', { name: '菜单' });
    await visible(nav.getByRole('menuitem', { name: '组织架构' }));
    expect(await nav.getByRole('menuitem', { name: '账号管理' }).count()).toBe(1);
    expect(await nav.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
  });

  it('browses the tree down to a zone and back up by the breadcrumb', async () => {
    await page.getByRole('link', { name: '第一片' }).click();
    await visible(unitHeading(page, '第一片'));
    await visible(page.getByRole('link', { name: '地河一组' }));
    await visible(page.getByText('张片长'));
    await page.getByRole('link', { name: '地河村' }).click();
    await visible(unitHeading(page, '地河村'));
  });

  it('searches units by name', async () => {
    await page.getByRole('searchbox', { name: '按名称或代码搜索单位' }).or(page.getByLabel('按名称或代码搜索单位')).first().fill('小河边');
    await page.keyboard.press('Enter');
    const results = page.getByRole('table', { name: '搜索结果' });
    await visible(results.getByRole('link', { name: '小河边组' }));
  });

  it('creates a zone in 地河村 and a group in it; a duplicate name is refused on the field', async () => {
    await button(page, '新建片').click();
    const dialog = page.getByRole('dialog', { name: '新建片' });
    await dialog.getByLabel('名称').fill('第三片');
    await button(dialog.page(), '保存').click();
    await visible(page.getByText('已新建“第三片”'));
    await page.getByRole('link', { name: '第三片' }).click();
    await visible(unitHeading(page, '第三片'));
    expect(page.url()).toMatch(/\/org\/53030320321103$/);

    await button(page, '新建组').click();
    const groupDialog = page.getByRole('dialog', { name: '新建组' });
    await groupDialog.getByLabel('名称').fill('新建测试组');
    await button(page, '保存').click();
    await visible(page.getByRole('link', { name: '新建测试组' }));

    // The same name again: the server's Chinese message shows as a toast and on the name field.
    await button(page, '新建组').click();
    const again = await visible(page.getByRole('dialog', { name: '新建组' }));
    await again.getByLabel('名称').fill('新建测试组');
    expect(await again.getByLabel('名称').inputValue()).toBe('新建测试组');
    await button(again, '保存').click();
    await visible(again.getByText('同一上级下已有名为“新建测试组”的单位'));
    await button(page, '取消').click();
  });

  it('creates a group leader account, appoints it, moves the group, and shows the refusal to delete it', async () => {
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await visible(page.getByRole('heading', { name: '账号管理' }));
    await button(page, '新建账号').click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('e2e-leader');
    await dialog.getByLabel('姓名').fill('测试组长');
    await dialog.getByLabel('初始密码').fill('Leader-pass-2026');
    await pick(dialog.getByLabel('角色'), '组长', page.getByTitle('组长', { exact: true }));
    await pick(dialog.getByLabel('所属单位'), '新建测试组', page.getByTitle(/^新建测试组/));
    await button(page, '保存').click();
    await visible(page.getByRole('cell', { name: 'e2e-leader' }));

    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.getByRole('link', { name: '第三片' }).click();
    await page.getByRole('link', { name: '新建测试组' }).click();
    await visible(unitHeading(page, '新建测试组'));
    await button(page, '任命组长').click();
    const appoint = page.getByRole('dialog', { name: '任命组长' });
    await pick(appoint.getByLabel('选择人员'), '测试组长', page.getByTitle(/^测试组长/));
    await button(page, '保存').click();
    await visible(page.getByText('负责人').locator('..').getByText('测试组长'));

    await button(page, '调整到其他片').click();
    await pick(page.getByRole('dialog', { name: '调整到其他片' }).getByLabel('调整到'), '第一片', page.getByTitle(/^第一片/));
    await button(page, '保存').click();
    await visible(page.getByRole('link', { name: '第一片' }));
    expect(page.url()).toMatch(/\/org\/530303203211010\d$/);

    // The group holds an account now: deleting it is refused with the server's reason.
    await button(page, '删除').click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^删\s?除$/ })
      .click();
    await visible(page.getByText('“新建测试组”下还有1 个账号，不能删除').or(page.getByText(/新建测试组.*不能删除/)));
  });

  it('a new account must change its password before anything else', async () => {
    const leader = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
    await login(leader, 'e2e-leader', 'Leader-pass-2026');
    const dialog = leader.getByRole('dialog', { name: '修改密码' });
    await visible(dialog.getByText('首次登录或密码已被重置，请先修改密码'));
    expect(await dialog.getByRole('button', { name: /^取\s?消$/ }).isVisible()).toBe(false);
    await dialog.getByLabel('当前密码').fill('Leader-pass-2026');
    await dialog.getByLabel('新密码', { exact: true }).fill('short');
    await dialog.getByLabel('确认新密码').fill('short');
    await button(leader, '保存').click();
    // The server's reason lands on the new-password field.
    await visible(dialog.getByText('密码至少 10 位').first());
    await dialog.getByLabel('新密码', { exact: true }).fill('Group-leader-2026');
    await dialog.getByLabel('确认新密码').fill('Group-leader-2026');
    await button(leader, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(unitHeading(leader, '新建测试组'));
  });

  it('switches to English, keeps the choice across a reload, and switches back', async () => {
    await page.goto('/org/530303203211');
    await visible(unitHeading(page, '地河村'));
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByRole('menuitem', { name: 'Organisation' }));
    await visible(page.getByRole('button', { name: 'New zone' }));
    await visible(page.getByText('Demo environment: the data is demo data; do not enter real personal information'));
    await visible(page.getByText('地河村 · Village cadre'));
    await page.reload();
    await visible(page.getByRole('menuitem', { name: 'Accounts' }));
    // Refusals come back from the server in English too.
    await page.goto('/org/530303203201');
    await visible(page.getByText('Unit 530303203201 is outside your jurisdiction'));
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByRole('menuitem', { name: '组织架构' }));
  });

  it("refuses another village's deep link with the server's reason, not the data", async () => {
    await page.goto('/org/530303203201');
    await visible(page.getByText('无法查看该单位'));
    await visible(page.getByText('单位 530303203201 不在您的管辖范围内'));
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('works on a 360 px phone: the menu is a drawer', async () => {
    const phone = await e2e.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await login(phone, 'village');
    await visible(unitHeading(phone, '地河村'));
    expect(await phone.getByRole('navigation', { name: '菜单' }).count()).toBe(0);
    await phone.getByRole('button', { name: '菜单' }).click();
    const drawer = phone.getByRole('dialog');
    await visible(drawer.getByRole('menuitem', { name: '账号管理' }));
    await phone.waitForTimeout(500); // let the drawer finish sliding in before the picture
    await phone.screenshot({ path: '/tmp/jiceng-e2e-phone-drawer.png' });
    await drawer.getByRole('menuitem', { name: '账号管理' }).click();
    await visible(phone.getByRole('heading', { name: '账号管理' }));
    await visible(phone.getByText('张片长'));
    // One's own password changes in the account menu, with the current one: no reset on one's own row.
    const own = phone.getByRole('row').filter({ hasText: '地河村两委（演示）' });
    await visible(own);
    expect(await own.getByRole('button', { name: '重置密码' }).count()).toBe(0);
    expect(await phone.getByRole('row').filter({ hasText: '张片长' }).getByRole('button', { name: '重置密码' }).count()).toBe(1);
    await phone.screenshot({ path: '/tmp/jiceng-e2e-phone-users.png', fullPage: true });
    await phone.goto('/org/530303203211');
    await visible(unitHeading(phone, '地河村'));
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: '/tmp/jiceng-e2e-phone.png', fullPage: true });
  });

  it('a district user sees the 11 townships of 沾益区', async () => {
    const district = await e2e.newPage({ viewport: { width: 1280, height: 800 } });
    await login(district, 'district');
    await visible(unitHeading(district, '沾益区'));
    const children = district.getByRole('table', { name: '下级单位' });
    await visible(children.getByRole('link', { name: '大坡乡' }));
    // One header row plus one row per township.
    expect(await children.getByRole('row').count()).toBe(12);
    await visible(district.getByRole('menuitem', { name: '审计日志' }));
    await district.getByRole('menuitem', { name: '审计日志' }).click();
    await visible(district.getByRole('heading', { name: '审计日志' }));
    // The village's changes above are in the district's audit log, with before/after on expansion.
    // In words, with the code on hover.
    await visible(district.getByRole('cell', { name: '新建单位' }).first());
    await visible(district.getByTitle('unit.create').first());
    await district.getByRole('button', { name: '展开行' }).first().click();
    await visible(district.getByText('修改后'));
    await district.screenshot({ path: '/tmp/jiceng-e2e-audit.png' });
  });
});
