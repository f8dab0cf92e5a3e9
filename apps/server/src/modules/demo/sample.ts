/**
 * The demo's sample register for 地河村 (demo mode only): households, their linkage to three
 * representatives, visits over the last two months and a handful of matters at different steps of
 * the closed loop. Everything goes through the modules' services, acting as the demo accounts, on a
 * clock walked forward through the story, so history, audit rows, notifications and metrics facts
 * are what real use would have left. One transaction: the sample is there whole or not at all.
 */
import { ManualClock } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { createUserUnchecked, findActor } from '../accounts/service';
import { importRegister } from '../households/import/service';
import { listHouseholds } from '../households/service';
import { apply, propose } from '../linkage/service';
import { logVisit } from '../visits/service';
import { matterSteps, type Step, type Story } from './sample-matters';
import { sampleHouseholds, sampleRegisterCsv } from './sample-register';
import { DEMO_PASSWORD, DEMO_SAMPLE_MARKER, DEMO_VILLAGE, hasDemoSample } from './seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The sample's own representatives (王代表 of 地河一组 is a base demo account). */
export const SAMPLE_REPRESENTATIVES = [
  { username: DEMO_SAMPLE_MARKER, displayName: '赵代表', unitCode: `${DEMO_VILLAGE}0103`, phone: '13908740005' },
  { username: 'representative3', displayName: '普代表', unitCode: `${DEMO_VILLAGE}0201`, phone: '13908740006' },
] as const;

/** Seeds the sample unless it is there; answers whether it did. `ctx.clock` is "now" for the story. */
export async function seedDemoSample(ctx: Ctx): Promise<boolean> {
  if (await hasDemoSample(ctx)) return false;
  const now = ctx.clock.now();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  await ctx.db.transaction(async (db) => {
    const clock = new ManualClock(ago(90 * DAY));
    const base: Ctx = { ...ctx, db, clock, actor: null, requestId: 'demo-sample' };
    const actors = new Map<string, Ctx>();
    const story: Story = {
      clock,
      households: new Map(),
      async as(username) {
        if (!username) return base;
        let c = actors.get(username);
        if (!c) {
          const actor = await findActor(base, username);
          if (!actor) throw new Error(`demo account ${username} is missing: seed the demo first`);
          c = { ...base, actor };
          actors.set(username, c);
        }
        return c;
      },
    };
    // 90 days ago: the village imports its register and the new representatives get their accounts.
    for (const r of SAMPLE_REPRESENTATIVES) await createUserUnchecked(base, { ...r, role: 'representative', password: DEMO_PASSWORD });
    const village = await story.as('village');
    const sample = sampleHouseholds();
    const file = Buffer.from(sampleRegisterCsv(sample), 'utf8');
    await importRegister(village, { unitCode: DEMO_VILLAGE, dryRun: false, file, filename: '地河村民情台账.csv' });
    // The import answers counts, not ids: find the sample's households by their numbers (DH-001 …).
    const idOf = new Map<string, number>();
    for (let offset = 0; ; offset += 100) {
      const page = await listHouseholds(village, { unitCode: DEMO_VILLAGE, offset, limit: 100 });
      for (const h of page.items) {
        if (!h.householdNo?.startsWith('DH-')) continue;
        if (idOf.has(h.householdNo)) throw new Error(`demo sample: 地河村 already has a household ${h.householdNo}`);
        idOf.set(h.householdNo, h.id);
      }
      if (offset + 100 >= page.total) break;
    }
    for (const h of sample) {
      const id = idOf.get(h.householdNo);
      if (!id) throw new Error(`demo sample: household ${h.householdNo} was not imported`);
      story.households.set(h.index, { id, sample: h });
    }
    // 60 days ago: the village links every household to a representative of its group or zone.
    clock.set(ago(60 * DAY));
    const proposal = await propose(village, { unitCode: DEMO_VILLAGE });
    if (proposal.unassigned.length) throw new Error(`demo sample: ${proposal.unassigned.length} households found no representative`);
    await apply(village, { assignments: proposal.assignments.map(({ householdId, representativeUserId }) => ({ householdId, representativeUserId })) });
    const repOf = new Map(proposal.assignments.map((a) => [a.householdId, a.representativeUserId]));
    const usernameOf = new Map<number, string>();
    for (const name of ['representative', ...SAMPLE_REPRESENTATIVES.map((r) => r.username)]) usernameOf.set((await story.as(name)).actor?.userId ?? 0, name);
    // Since then: visits and matters, in the order they happened.
    const steps = [...visitSteps(story, ago, repOf, usernameOf), ...matterSteps(story, ago)].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const s of steps) {
      clock.set(s.at);
      await s.run();
    }
  });
  return true;
}

function visitSteps(story: Story, ago: (ms: number) => Date, repOf: Map<number, number>, usernameOf: Map<number, string>): Step[] {
  const steps: Step[] = [];
  for (const { id, sample } of story.households.values()) {
    const rep = usernameOf.get(repOf.get(id) ?? 0);
    if (!rep) throw new Error(`demo sample: household ${sample.householdNo} is linked to no known representative`);
    sample.visits.forEach((v, k) => {
      // Visits at different hours of the day, each logged 20 minutes after it ended.
      const visitedAt = ago(v.daysAgo * DAY + (sample.index % 6) * HOUR);
      steps.push({
        at: new Date(visitedAt.getTime() + 20 * 60_000),
        run: async () => {
          await logVisit(await story.as(rep), {
            householdId: id,
            kind: v.kind,
            visitedAt,
            findings: v.findings,
            needs: v.needs ?? null,
            risks: v.risks ?? null,
            clientKey: `demo-sample-${sample.householdNo}-${k + 1}`,
          });
        },
      });
    });
  }
  return steps;
}
