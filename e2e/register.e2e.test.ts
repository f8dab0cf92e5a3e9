import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../packages/shared/src/idNumber';
import { apiLogin } from './api';
import { login, useE2E } from './harness';
import { button, visible } from './ui';

const e2e = useE2E();
// The shared 2-core machine runs several engineers' builds and tests at once.
const SLOW = 180_000;
const dir = mkdtempSync(path.join(tmpdir(), 'jiceng-e2e-register-'));

const id = (birth: string, seq: number) => {
  const first17 = `530303${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

const HEADER = ['户编号', '与户主关系', '姓名', '身份证号', '联系电话', '所属组', '住址', '户类别', '情况标签'];
const HEAD_RED = id('19650304', 21);

/** The register as a village keeps it: one row per person, the ID column as text. */
async function book(file: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(4).numFmt = '@';
  const full = path.join(dir, file);
  await wb.xlsx.writeFile(full);
  return full;
}

const good = (badId: string, secondHeadId: string) => [
  ['1', '户主', '李红梅', HEAD_RED, '13908741111', '地河一组', '地河村一组 12 号', '监测户', '独居老人、低保'],
  ['1', '子', '李小军', badId, '', '地河一组', '', '', ''],
  ['2', '户主', '赵国强', secondHeadId, '13908742222', '地河一组', '地河村一组 18 号', '脱贫户', ''],
  ['3', '户主', '钱大伟', id('19800512', 41), '', '地河二组', '地河村二组 3 号', '一般户', '外出务工'],
];

const VILLAGE = '530303203211';

describe('the register, its import and household linkage in a browser', () => {
  let page: Page;
  // The demo already has 地河村's sample register: the test counts on top of what is there.
  const before = { households: 0, red: 0, linked: 0 };

  it(
    'a village cadre uploads a register with a bad ID number and a duplicate: every error is listed, nothing written',
    async () => {
      const api = await apiLogin(e2e.baseUrl, 'village');
      before.households = (await api.get<{ total: number }>(`/households?unitCode=${VILLAGE}`)).total;
      before.red = (await api.get<{ total: number }>(`/households?unitCode=${VILLAGE}&tier=red`)).total;
      before.linked = (await api.get<{ total: { linked: number } }>(`/linkage/coverage?unitCode=${VILLAGE}`)).total.linked;
      page = await e2e.newPage({ viewport: { width: 1280, height: 900 } });
      await login(page, 'village');
      await visible(page.getByRole('heading', { name: '地河村' }));
      await page.getByRole('menuitem', { name: '台账导入导出' }).click();
      await visible(page.getByRole('heading', { name: '台账导入' }));
      // Wrong check digit on the son; the second head repeats the first head's number.
      const broken = await book('broken.xlsx', good(`${id('19920101', 22).slice(0, 17)}0`, HEAD_RED));
      await page.locator('input[type=file]').setInputFiles(broken);
      const errors = page.getByRole('table', { name: '错误列表' });
      await visible(errors);
      await visible(page.getByText(/发现 \d+ 处错误，未写入任何数据/));
      await visible(errors.getByText(/校验位/));
      await visible(errors.getByText(/重复/));
      expect(await errors.getByRole('row').count()).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: '/tmp/jiceng-e2e-import-errors.png', fullPage: true });
      expect((await api.get<{ total: number }>(`/households?unitCode=${VILLAGE}`)).total).toBe(before.households);
    },
    SLOW,
  );

  it(
    'fixes the file, uploads it again, imports it all, and sees the households in the register',
    async () => {
      const fixed = await book('fixed.xlsx', good(id('19920101', 22), id('19700101', 31)));
      await page.locator('input[type=file]').setInputFiles(fixed);
      await visible(page.getByText('检查通过：3 户、4 人，可以导入'));
      await button(page, '确认导入 3 户').click();
      await visible(page.getByText('导入完成：3 户、4 人'));
      await page.getByRole('link', { name: '查看台账' }).click();
      const table = page.getByRole('table', { name: '民情台账' });
      await visible(table.getByRole('link', { name: '李红梅' }));
      await visible(table.getByText('红 · 监测户'));
      await visible(page.getByText(`共 ${before.households + 3} 户`));
      // Filters: the red tier alone.
      await page.getByLabel('户类别').click();
      await page.getByTitle('红 · 监测户').click();
      await visible(page.getByText(`共 ${before.red + 1} 户`));
      await page.screenshot({ path: '/tmp/jiceng-e2e-register.png', fullPage: true });
    },
    SLOW,
  );

  it(
    'opens a household: ID numbers masked until the audited reveal; the tier changes only with a reason',
    async () => {
      await page.getByRole('link', { name: '李红梅' }).click();
      await visible(page.getByRole('heading', { name: '李红梅户' }));
      const members = page.getByRole('table', { name: '家庭成员' });
      await visible(members.getByText(`${HEAD_RED.slice(0, 6)}********${HEAD_RED.slice(14, 17)}*`));
      await button(page, '查看完整信息').click();
      await visible(members.getByText(HEAD_RED));
      await visible(page.getByText('完整信息已显示，本次查看已记入审计日志'));
      await button(page, '调整户类别').click();
      const dialog = page.getByRole('dialog', { name: '调整户类别' });
      await button(dialog, '保存').click();
      await visible(dialog.getByText('请填写调整原因'));
      await dialog.getByLabel('调整原因').fill('家庭收入已稳定经村民代表评议退出监测');
      await dialog.getByText('黄 · 脱贫户').click();
      await button(dialog, '保存').click();
      await visible(page.getByRole('cell', { name: '家庭收入已稳定经村民代表评议退出监测' }));
      await page.screenshot({ path: '/tmp/jiceng-e2e-household.png', fullPage: true });
    },
    SLOW,
  );

  it(
    'proposes links for the village, applies them, and sees full coverage',
    async () => {
      await page.getByRole('menuitem', { name: '红黄蓝联户' }).click();
      await visible(page.getByRole('heading', { name: '红黄蓝联户' }));
      const total = before.households + 3;
      await visible(page.getByText(`已联 ${before.linked}/${total} 户`));
      await button(page, '生成联户方案').click();
      await visible(page.getByText(/^王代表 · \d+ 户/));
      await visible(page.getByText('钱大伟'));
      await page.screenshot({ path: '/tmp/jiceng-e2e-linkage-proposal.png', fullPage: true });
      // Existing links stay: only the three imported households change.
      await button(page, `确认联户（${total} 户）`).click();
      await visible(page.getByText(`已联户 ${total} 户，其中变更 3 户`));
      await visible(page.getByText(`已联 ${total}/${total} 户`));
      // Down to a zone, then its groups.
      const coverage = page.getByRole('table', { name: '联户覆盖' });
      await coverage.getByRole('button', { name: '第一片' }).click();
      await visible(coverage.getByRole('button', { name: '地河一组' }));
      const api = await apiLogin(e2e.baseUrl, 'village');
      const linked = await api.get<{ total: { linked: number } }>(`/linkage/coverage?unitCode=${VILLAGE}`);
      expect(linked.total.linked).toBe(total);
      await page.screenshot({ path: '/tmp/jiceng-e2e-linkage.png', fullPage: true });
    },
    SLOW,
  );
});
