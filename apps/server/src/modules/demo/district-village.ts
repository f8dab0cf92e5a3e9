/**
 * One village of the demo district, in the caller's transaction: zones and groups, its cadre and
 * representatives, a register, links, a year of visits (visits' bulk history import) and a year
 * of matters walked step by step through the matters services as the accounts whose role takes
 * each step, on a clock walked through the year. See docs/demo.md.
 */
import { ManualClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { createUserUnchecked, findActor } from '../accounts/service';
import { importRegister } from '../households/import/service';
import { listHouseholds } from '../households/service';
import { apply, propose } from '../linkage/service';
import * as matterLookup from '../matters/lookup';
import * as matterPublic from '../matters/public';
import { reportAsHandler, reportAsResident } from '../matters/report';
import { act } from '../matters/transition';
import { createUnit } from '../org/service';
import { importVisitHistory } from '../visits/service';
import { type PlannedMatter, planMatters, type Who } from './district-matters';
import { DAY, type PlannedVillage } from './district-plan';
import { sampleRegisterCsv } from './sample-register';
import { DEMO_PASSWORD } from './seed';

export interface VillageCounts {
  households: number;
  visits: number;
  matters: number;
  steps: number;
}

export interface DistrictSetting {
  now: Date;
  /** The register and the links date from this many days before `now`. */
  linkedDaysAgo: number;
  passwordHash: string;
  departmentIds: number[];
}

type Role = 'township' | 'village' | 'representative' | 'department';

/** Makes a demo account (one shared password hash: argon2 per account would take minutes). */
export function demoAccount(
  base: Ctx,
  s: Pick<DistrictSetting, 'passwordHash'>,
  a: { username: string; displayName: string; role: Role; unitCode: string; departmentId?: number },
) {
  return createUserUnchecked(base, { ...a, password: DEMO_PASSWORD, passwordHash: s.passwordHash });
}

// JICENG_DEMO_TIMING=1: each village's phases on stderr (where a slow or stuck seed spends its time).
const phase = (v: PlannedVillage, name: string) =>
  process.env.JICENG_DEMO_TIMING && process.stderr.write(`demo district ${v.code}: ${name} at ${Date.now()}\n`);

export async function seedVillage(ctx: Ctx, v: PlannedVillage, s: DistrictSetting): Promise<VillageCounts> {
  phase(v, 'start');
  const ago = (days: number) => new Date(s.now.getTime() - days * DAY);
  const clock = new ManualClock(ago(s.linkedDaysAgo + 2));
  const base: Ctx = { ...ctx, clock, actor: null, requestId: 'demo-district' };
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

  // A year ago: the village draws its zones and groups, gets its accounts, imports its register
  // and links every household to a representative.
  const groupNames = new Map<string, string>();
  for (const zone of v.zones) {
    const { code: zoneCode } = await createUnit(admin, { parentCode: v.code, name: zone.name });
    for (const g of zone.groups) {
      await createUnit(admin, { parentCode: zoneCode, name: g.name });
      groupNames.set(g.suffix, g.name);
    }
  }
  for (const r of v.reps) await demoAccount(base, s, { username: r.username, displayName: r.displayName, role: 'representative', unitCode: r.unitCode });
  await demoAccount(base, s, { ...v.cadre, role: 'village', unitCode: v.code });
  const cadre = await as(v.cadre.username);
  phase(v, 'units and accounts');
  const file = Buffer.from(sampleRegisterCsv(v.households, groupNames), 'utf8');
  await importRegister(cadre, { unitCode: v.code, dryRun: false, file, filename: `${v.name}民情台账.csv` });
  const idOf = new Map<string, number>();
  for (let offset = 0; ; offset += 100) {
    const page = await listHouseholds(cadre, { unitCode: v.code, offset, limit: 100 });
    for (const h of page.items) if (h.householdNo) idOf.set(h.householdNo, h.id);
    if (offset + 100 >= page.total) break;
  }
  const householdIds = v.households.map((h) => {
    const id = idOf.get(h.householdNo);
    if (!id) throw new Error(`demo district: household ${h.householdNo} was not imported`);
    return id;
  });
  const proposal = await propose(cadre, { unitCode: v.code });
  const repOf = new Map(proposal.assignments.map((a) => [a.householdId, a.representativeUserId]));
  await apply(cadre, { assignments: proposal.assignments.map(({ householdId, representativeUserId }) => ({ householdId, representativeUserId })) });

  phase(v, 'register and links');
  // The year's visits, in bulk, as of now.
  clock.set(s.now);
  const rows = v.visits.flatMap((list, i) => {
    const householdId = householdIds[i] as number;
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
  const visits = (await importVisitHistory(admin, v.code, rows)).inserted;

  phase(v, 'visits');
  // The year's matters, every step at its time.
  const matters = planMatters(v, s.now, s.departmentIds.length);
  const state = new Map<PlannedMatter, { id: number; version: number; trackingCode: string }>();
  const who = async (m: PlannedMatter, w: Who): Promise<Ctx> => {
    switch (w.as) {
      case 'cadre':
        return cadre;
      case 'rep':
        return as(w.username);
      case 'township':
        return as(`t${m.village.townshipCode}`);
      case 'department':
        return as(`d${s.departmentIds[w.index]}`);
      case 'resident':
        return base;
    }
  };
  const steps: { at: Date; run: () => Promise<void> }[] = [];
  for (const m of matters) {
    steps.push({ at: m.at, run: () => report(m) });
    for (const step of m.steps)
      steps.push({
        at: step.at,
        run: async () => {
          const st = state.get(m);
          if (!st) throw new Error(`demo district: matter ${m.key} acted on before its report`);
          if (step.cmd.action === 'rate') {
            const { action: _, ...rating } = step.cmd;
            await matterPublic.rate(base, st.trackingCode, rating);
            st.version = (await matterLookup.findMatter(base, st.id))?.version ?? st.version;
            return;
          }
          // Planned dispatches name the department by its index in the district's list.
          const cmd = step.cmd.action === 'dispatch' ? { ...step.cmd, leadDepartmentId: s.departmentIds[step.cmd.leadDepartmentId] ?? 0 } : step.cmd;
          st.version = (await act(await who(m, step.by), st.id, cmd, st.version)).version;
        },
      });
  }
  async function report(m: PlannedMatter) {
    const householdId = m.householdIndex === undefined ? undefined : householdIds[m.householdIndex];
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
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
  }
  phase(v, 'matters');
  return { households: v.households.length, visits, matters: matters.length, steps: steps.length };
}
