import path from 'node:path';
import type { Role } from '@jiceng/shared';
import { type Clock, systemClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { createUserUnchecked, userExists } from '../accounts/service';
import { importDivisions } from '../org/import-divisions';
import { divisionsDir } from '../org/data';
import { ensureDefaultCategories } from '../matters/categories';
import { createDepartment } from '../org/departments';
import { appointLeader, createUnit } from '../org/service';

export const DEMO_PASSWORD = 'jiceng-demo';
export const DEMO_DISTRICT = '530303';
export const DEMO_TOWNSHIP = '530303203'; // 大坡乡
export const DEMO_VILLAGE = '530303203211'; // 地河村

/** Zones and groups of 地河村 for the demo (the real ones are drawn by the village). */
const DEMO_ZONES = [
  { name: '第一片', groups: ['地河一组', '地河二组', '地河三组'] },
  { name: '第二片', groups: ['小河边组', '新村组'] },
];
const DEMO_DEPARTMENTS = ['区住房和城乡建设局', '区水务局', '区民政局', '区司法局', '区卫生健康局'];

/**
 * The sample register's first account (modules/demo/sample.ts): it exists exactly when the sample
 * does, both being written in one transaction. Checked here so a restart need not load the sample.
 */
export const DEMO_SAMPLE_MARKER = 'representative2';

export function hasDemoSample(ctx: Ctx): Promise<boolean> {
  return userExists(ctx, DEMO_SAMPLE_MARKER);
}

/** The demo district's first township account (modules/demo/district.ts), written first in its one transaction. */
export const DEMO_DISTRICT_MARKER = `t${DEMO_DISTRICT}001`;

export function systemCtx(db: Ctx['db'], clock: Clock = systemClock): Ctx {
  return { db, actor: null, clock, locale: 'zh-CN', requestId: 'seed', ip: null };
}

/** The real division tree of 沾益区, shipped with the project. */
export async function seedDistrictTree(ctx: Ctx): Promise<void> {
  await importDivisions(ctx, [path.join(divisionsDir(), `${DEMO_DISTRICT}.csv`)], { source: 'demo seed' });
}

/** Demo data: 地河村's zones and groups, district departments and one account per role. Idempotent. */
export async function seedDemo(ctx: Ctx): Promise<void> {
  await ensureDefaultCategories(ctx);
  if (await userExists(ctx, 'admin')) return;
  await seedDistrictTree(ctx);
  await ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const adminId = await createUserUnchecked(tx, { username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: null, password: DEMO_PASSWORD });
    // The demo's zones, groups, departments and leaders go through org's services, as the admin
    // would make them (and are audited as such).
    const admin: Ctx = { ...tx, actor: { userId: adminId, username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: null, departmentId: null } };
    const zoneCodes: string[] = [];
    const groupCodes: string[] = [];
    for (const zone of DEMO_ZONES) {
      const { code: zoneCode } = await createUnit(admin, { parentCode: DEMO_VILLAGE, name: zone.name });
      zoneCodes.push(zoneCode);
      for (const name of zone.groups) groupCodes.push((await createUnit(admin, { parentCode: zoneCode, name })).code);
    }
    const deptIds: number[] = [];
    for (const name of DEMO_DEPARTMENTS) deptIds.push((await createDepartment(admin, { unitCode: DEMO_DISTRICT, name })).id);
    const zone = zoneCodes[0] as string;
    const group = groupCodes[0] as string;
    const accounts: { username: string; displayName: string; role: Role; unitCode: string | null; departmentId?: number; phone?: string }[] = [
      { username: 'district', displayName: '区委社会工作部（演示）', role: 'district', unitCode: DEMO_DISTRICT },
      { username: 'township', displayName: '大坡乡综治中心（演示）', role: 'township', unitCode: DEMO_TOWNSHIP },
      { username: 'village', displayName: '地河村两委（演示）', role: 'village', unitCode: DEMO_VILLAGE, phone: '13908740001' },
      { username: 'zoneLeader', displayName: '张片长', role: 'zoneLeader', unitCode: zone, phone: '13908740002' },
      { username: 'groupLeader', displayName: '李组长', role: 'groupLeader', unitCode: group, phone: '13908740003' },
      { username: 'representative', displayName: '王代表', role: 'representative', unitCode: group, phone: '13908740004' },
      { username: 'supervisor', displayName: '区人大常委会（演示）', role: 'supervisor', unitCode: DEMO_DISTRICT },
      { username: 'department', displayName: '区住建局办事员（演示）', role: 'department', unitCode: DEMO_DISTRICT, departmentId: deptIds[0] },
    ];
    const ids: Record<string, number> = {};
    for (const a of accounts) ids[a.username] = await createUserUnchecked(tx, { ...a, password: DEMO_PASSWORD });
    await appointLeader(admin, zone, { userId: ids.zoneLeader ?? null });
    await appointLeader(admin, group, { userId: ids.groupLeader ?? null });
  });
}
