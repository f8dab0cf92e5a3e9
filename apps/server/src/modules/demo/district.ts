/**
 * The demo district (demo mode only): every village of 沾益区 but the 地河村 sample gets zones and
 * groups, a cadre account and representatives, a register, a year of visits and a year of matters
 * (district-plan.ts, district-village.ts). The township and department accounts come first in one
 * transaction, then each village in its own: an interrupted seed keeps the villages it finished
 * and the next call goes on from the first one missing. See docs/demo.md.
 */
import type { Ctx } from '../../platform/context';
import { hashPassword } from '../accounts/password';
import { findActor, userExists } from '../accounts/service';
import { listDepartments } from '../org/departments';
import * as orgLookup from '../org/lookup';
import { planDistrict } from './district-plan';
import { demoAccount, seedVillage } from './district-village';
import { DEMO_DISTRICT, DEMO_DISTRICT_MARKER, DEMO_PASSWORD, DEMO_VILLAGE } from './seed';

/** The register and the links date from this long before "now"; visits and matters follow. */
const LINKED_DAYS_AGO = 372;

export interface DistrictCounts {
  villages: number;
  households: number;
  visits: number;
  matters: number;
  steps: number;
}

async function districtVillages(ctx: Ctx) {
  const townships = await orgLookup.findChildren(ctx, DEMO_DISTRICT);
  const villages: { code: string; name: string; townshipCode: string }[] = [];
  for (const t of townships)
    for (const v of await orgLookup.findChildren(ctx, t.code)) if (v.code !== DEMO_VILLAGE) villages.push({ code: v.code, name: v.name, townshipCode: t.code });
  return { townships, villages };
}

/** The district is whole when its last village (seeded last) has its cadre. */
export async function hasDemoDistrict(ctx: Ctx): Promise<boolean> {
  const townships = await orgLookup.findChildren(ctx, DEMO_DISTRICT);
  const last = townships.at(-1);
  const village = last && (await orgLookup.findChildren(ctx, last.code)).filter((v) => v.code !== DEMO_VILLAGE).at(-1);
  return village ? userExists(ctx, `v${village.code}`) : false;
}

export interface SeedDistrictOptions {
  maxVillages?: number;
  /** Told after each village commits (the server logs the progress of a background seed). */
  onVillage?: (done: number, total: number) => void;
  /** After each village, wait this many times as long as it took (the server's background seed). */
  yieldRatio?: number;
  /** Asked before each village: a server shutting down stops between villages, never inside one. */
  shouldStop?: () => boolean;
}

/** Seeds what of the district is missing; answers what it wrote (null: all there already). `ctx.clock` is "now". */
export async function seedDemoDistrict(ctx: Ctx, options: SeedDistrictOptions = {}): Promise<DistrictCounts | null> {
  if (await hasDemoDistrict(ctx)) return null;
  const now = ctx.clock.now();
  const admin = await findActor(ctx, 'admin');
  if (!admin) throw new Error('demo district: account admin is missing');
  const { townships, villages } = await districtVillages(ctx);
  const departments = await listDepartments({ ...ctx, actor: admin }, DEMO_DISTRICT);
  const setting = { now, linkedDaysAgo: LINKED_DAYS_AGO, passwordHash: await hashPassword(DEMO_PASSWORD), departmentIds: departments.map((d) => d.id) };
  if (!(await userExists(ctx, DEMO_DISTRICT_MARKER)))
    await ctx.db.transaction(async (db) => {
      const base: Ctx = { ...ctx, db, actor: null };
      for (const t of townships)
        await demoAccount(base, setting, { username: `t${t.code}`, displayName: `${t.name}综治中心（演示）`, role: 'township', unitCode: t.code });
      for (const d of departments)
        await demoAccount(base, setting, {
          username: `d${d.id}`,
          displayName: `${d.name}办事员（演示）`,
          role: 'department',
          unitCode: DEMO_DISTRICT,
          departmentId: d.id,
        });
    });
  const plan = planDistrict(
    villages.slice(0, options.maxVillages ?? villages.length),
    townships.map((t) => t.code),
    LINKED_DAYS_AGO,
  );
  const counts: DistrictCounts = { villages: 0, households: 0, visits: 0, matters: 0, steps: 0 };
  for (const [i, v] of plan.entries()) {
    if (options.shouldStop?.()) break;
    if (await userExists(ctx, v.cadre.username)) continue; // finished by an earlier, interrupted seed
    const began = Date.now();
    const c = await ctx.db.transaction((db) => seedVillage({ ...ctx, db }, v, setting));
    counts.villages += 1;
    counts.households += c.households;
    counts.visits += c.visits;
    counts.matters += c.matters;
    counts.steps += c.steps;
    options.onVillage?.(i + 1, plan.length);
    // A breath between villages, as long as the village took times `yieldRatio`: on PGlite's one
    // connection (which a transaction holds whole) the requests and event handlers waiting go first.
    const ratio = options.yieldRatio ?? 0;
    if (ratio > 0) await new Promise((r) => setTimeout(r, (Date.now() - began) * ratio));
  }
  return counts;
}
