/**
 * The demo district (demo mode only): every village of 沾益区 but the 地河村 sample gets zones and
 * groups, a cadre account and representatives, a register, a year of visits and a year of matters
 * (district-plan.ts, district-matters.ts). Written through the modules' services as the accounts
 * whose role does each thing, on a clock walked through the year; the visits, thousands of them,
 * through visits' bulk history import. One transaction: the district is there whole or not at all.
 * See docs/demo.md.
 */
import { ManualClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { hashPassword } from '../accounts/password';
import { createUserUnchecked, findActor, userExists } from '../accounts/service';
import { importRegister } from '../households/import/service';
import { listHouseholds } from '../households/service';
import { apply, propose } from '../linkage/service';
import * as matterLookup from '../matters/lookup';
import * as matterPublic from '../matters/public';
import { reportAsHandler, reportAsResident } from '../matters/report';
import { act } from '../matters/transition';
import { listDepartments } from '../org/departments';
import * as orgLookup from '../org/lookup';
import { createUnit } from '../org/service';
import { importVisitHistory } from '../visits/service';
import { type PlannedMatter, planMatters, type Who } from './district-matters';
import { DAY, type PlannedVillage, planDistrict } from './district-plan';
import { sampleRegisterCsv } from './sample-register';
import { DEMO_DISTRICT, DEMO_DISTRICT_MARKER, DEMO_PASSWORD, DEMO_VILLAGE } from './seed';

/** The register and the links date from this long before "now"; visits and matters follow. */
const LINKED_DAYS_AGO = 372;

export function hasDemoDistrict(ctx: Ctx): Promise<boolean> {
  return userExists(ctx, DEMO_DISTRICT_MARKER);
}

export interface DistrictCounts {
  villages: number;
  households: number;
  visits: number;
  matters: number;
  steps: number;
}

/** Seeds the district unless it is there; answers what it wrote (null: already there). `ctx.clock` is "now". */
export async function seedDemoDistrict(ctx: Ctx, options: { maxVillages?: number } = {}): Promise<DistrictCounts | null> {
  if (await hasDemoDistrict(ctx)) return null;
  const now = ctx.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const t0 = Date.now();
  return ctx.db.transaction(async (db) => {
    const clock = new ManualClock(ago(LINKED_DAYS_AGO + 2));
    const base: Ctx = { ...ctx, db, clock, actor: null, requestId: 'demo-district' };
    const actors = new Map<string, Ctx>();
    const as = async (username: string) => {
      let c = actors.get(username);
      if (!c) {
        const actor = await findActor(base, username);
        if (!actor) throw new Error(`demo district: account ${username} is missing`);
        c = { ...base, actor };
        actors.set(username, c);
      }
      return c;
    };
    const admin = await as('admin');
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const account = (
      username: string,
      displayName: string,
      role: 'township' | 'village' | 'representative' | 'department',
      unitCode: string,
      departmentId?: number,
    ) => createUserUnchecked(base, { username, displayName, role, unitCode, departmentId, password: DEMO_PASSWORD, passwordHash });

    const townships = await orgLookup.findChildren(base, DEMO_DISTRICT);
    for (const t of townships) await account(`t${t.code}`, `${t.name}综治中心（演示）`, 'township', t.code);
    const departments = await listDepartments(admin, DEMO_DISTRICT);
    for (const d of departments) await account(`d${d.id}`, `${d.name}办事员（演示）`, 'department', DEMO_DISTRICT, d.id);
    const villages: { code: string; name: string; townshipCode: string }[] = [];
    for (const t of townships)
      for (const v of await orgLookup.findChildren(base, t.code))
        if (v.code !== DEMO_VILLAGE) villages.push({ code: v.code, name: v.name, townshipCode: t.code });
    const plan = planDistrict(
      villages.slice(0, options.maxVillages ?? villages.length),
      townships.map((t) => t.code),
      LINKED_DAYS_AGO,
    );

    // A year ago: each village draws its zones and groups, gets its accounts, imports its register
    // and links every household to a representative.
    const householdIds = new Map<PlannedVillage, number[]>();
    const repOf = new Map<number, number>();
    let visits = 0;
    for (const v of plan) {
      const groupNames = new Map<string, string>();
      for (const zone of v.zones) {
        const { code: zoneCode } = await createUnit(admin, { parentCode: v.code, name: zone.name });
        for (const g of zone.groups) {
          await createUnit(admin, { parentCode: zoneCode, name: g.name });
          groupNames.set(g.suffix, g.name);
        }
      }
      await account(v.cadre.username, v.cadre.displayName, 'village', v.code);
      for (const r of v.reps) await account(r.username, r.displayName, 'representative', r.unitCode);
      const cadre = await as(v.cadre.username);
      const file = Buffer.from(sampleRegisterCsv(v.households, groupNames), 'utf8');
      await importRegister(cadre, { unitCode: v.code, dryRun: false, file, filename: `${v.name}民情台账.csv` });
      const idOf = new Map<string, number>();
      for (let offset = 0; ; offset += 100) {
        const page = await listHouseholds(cadre, { unitCode: v.code, offset, limit: 100 });
        for (const h of page.items) if (h.householdNo) idOf.set(h.householdNo, h.id);
        if (offset + 100 >= page.total) break;
      }
      householdIds.set(
        v,
        v.households.map((h) => {
          const id = idOf.get(h.householdNo);
          if (!id) throw new Error(`demo district: household ${h.householdNo} was not imported`);
          return id;
        }),
      );
      const proposal = await propose(cadre, { unitCode: v.code });
      for (const a of proposal.assignments) repOf.set(a.householdId, a.representativeUserId);
      await apply(cadre, { assignments: proposal.assignments.map(({ householdId, representativeUserId }) => ({ householdId, representativeUserId })) });
    }

    const phase = (name: string) => process.env.JICENG_DEMO_TIMING && console.log(`demo district: ${name} at ${Date.now() - t0} ms`);
    phase('register and links');
    // The year's visits, in bulk, as of now (each village's history in one call).
    clock.set(now);
    for (const v of plan) {
      const ids = householdIds.get(v) ?? [];
      const rows = v.visits.flatMap((list, i) => {
        const householdId = ids[i] as number;
        const rep = repOf.get(householdId);
        if (!rep) return [];
        return list.map((visit, k) => ({
          householdId,
          representativeUserId: rep,
          kind: visit.kind,
          visitedAt: ago(visit.daysAgo),
          findings: visit.findings,
          needs: visit.needs ?? null,
          clientKey: `demo-${v.households[i]?.householdNo}-${k + 1}`,
        }));
      });
      // The cadre has no visit:write; the history is loaded as the administrator would migrate it.
      visits += (await importVisitHistory(admin, v.code, rows)).inserted;
    }

    phase('visits');
    // The year's matters, every step at its time.
    const matters = plan.flatMap((v) => planMatters(v, now, departments.length));
    const state = new Map<PlannedMatter, { id: number; version: number; trackingCode: string }>();
    const who = async (m: PlannedMatter, w: Who): Promise<Ctx> => {
      switch (w.as) {
        case 'cadre':
          return as(m.village.cadre.username);
        case 'rep':
          return as(w.username);
        case 'township':
          return as(`t${m.village.townshipCode}`);
        case 'department':
          return as(`d${departments[w.index]?.id}`);
        case 'resident':
          return base;
      }
    };
    type Step = { at: Date; run: () => Promise<void> };
    const steps: Step[] = [];
    for (const m of matters) {
      steps.push({
        at: m.at,
        run: async () => {
          const householdId = m.householdIndex === undefined ? undefined : householdIds.get(m.village)?.[m.householdIndex];
          const input = { unitCode: m.unitCode, householdId, categoryCode: m.categoryCode, urgency: m.urgency, description: m.description };
          if (m.by.as === 'resident') {
            const { trackingCode } = await reportAsResident(
              base,
              { ...input, urgency: undefined, reporterName: m.reporterName, reporterPhone: m.reporterPhone },
              Buffer.alloc(0),
            );
            const row = await matterLookup.findMatterByCode(base, trackingCode);
            if (!row) throw new Error(`demo district: matter ${trackingCode} not found`);
            state.set(m, { id: row.id, version: row.version, trackingCode });
          } else {
            const { id, version, trackingCode } = await reportAsHandler(await who(m, m.by), input);
            state.set(m, { id, version, trackingCode });
          }
        },
      });
      for (const s of m.steps)
        steps.push({
          at: s.at,
          run: async () => {
            const st = state.get(m);
            if (!st) throw new Error(`demo district: matter ${m.key} acted on before its report`);
            if (s.cmd.action === 'rate') {
              const { action: _, ...rating } = s.cmd;
              await matterPublic.rate(base, st.trackingCode, rating);
              st.version = (await matterLookup.findMatter(base, st.id))?.version ?? st.version;
              return;
            }
            // Planned dispatches name the department by its index in the district's list.
            const cmd = s.cmd.action === 'dispatch' ? { ...s.cmd, leadDepartmentId: departments[s.cmd.leadDepartmentId]?.id ?? 0 } : s.cmd;
            st.version = (await act(await who(m, s.by), st.id, cmd, st.version)).version;
          },
        });
    }
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const s of steps) {
      clock.set(s.at);
      await s.run();
    }
    phase('matters');
    return { villages: plan.length, households: plan.reduce((n, v) => n + v.households.length, 0), visits, matters: matters.length, steps: steps.length };
  });
}
