/**
 * The demo district's matters: a year of reports per village, their months following each kind's
 * season and a growing use of the system, and each one's way through the closed loop, taken by the
 * account whose role takes that step. How fast and how well depends on the township's diligence:
 * diligent villages answer within the time limits and are rated well, lagging ones run late, are
 * rated worse and see more matters reopened. Steps after "now" do not happen: recent matters stay
 * open at whatever step they reached.
 */
import { beijingDate, type MatterCommand, type Satisfaction } from '@jiceng/shared';
import { between, DAY, type PlannedVillage, pick, type Rnd } from './district-plan';
import { ESCALATE_REASONS, MATTER_KINDS, type MatterKind, REOPEN_REASONS, UNRESOLVED_REASONS } from './district-text';
import { generator } from './sample-register';

const HOUR = 3_600_000;

/** Who acts: the village's cadre, a representative, the township, a department (by index), a resident. */
export type Who = { as: 'cadre' } | { as: 'rep'; username: string } | { as: 'township' } | { as: 'department'; index: number } | { as: 'resident' };

export interface PlannedMatter {
  key: string;
  village: PlannedVillage;
  at: Date;
  by: Who;
  unitCode: string;
  householdIndex?: number;
  categoryCode: string;
  urgency: 'urgent' | 'ordinary' | 'complex';
  description: string;
  reporterName?: string;
  reporterPhone?: string;
  steps: { at: Date; by: Who; cmd: MatterCommand }[];
}

/** Matters per household per year. */
export const MATTERS_PER_HOUSEHOLD = 0.15;

function reportDay(rnd: Rnd, kind: MatterKind, now: Date): number {
  const max = Math.max(...kind.months);
  for (;;) {
    const daysAgo = rnd() * 365;
    const month = Number(beijingDate(new Date(now.getTime() - daysAgo * DAY)).slice(5, 7)) - 1;
    // Seasons, and use growing over the year as villages take it up (recent months ~1.6× the first).
    if (rnd() < ((kind.months[month] ?? 1) / max) * (1 - 0.4 * (daysAgo / 365))) return daysAgo;
  }
}

function ratingOf(rnd: Rnd, q: number, again: boolean): { satisfaction: Satisfaction; fixed: 'fixed' | 'partly' | 'not_fixed' } {
  const r = rnd();
  if (!again && r < 0.16 * (1.25 - q)) return { satisfaction: 'unsatisfied', fixed: 'not_fixed' };
  if (r < 0.5 - 0.2 * q) return { satisfaction: 'basic', fixed: rnd() < 0.7 ? 'fixed' : 'partly' };
  return { satisfaction: 'satisfied', fixed: 'fixed' };
}

export function planMatters(village: PlannedVillage, now: Date, departments: number): PlannedMatter[] {
  const rnd = generator(village.seed + 1);
  const q = village.diligence;
  const count = Math.max(3, Math.round(village.households.length * MATTERS_PER_HOUSEHOLD * between(rnd, 0.7, 1.3)));
  const out: PlannedMatter[] = [];
  for (let n = 0; n < count; n++) {
    const kind = pick(rnd, MATTER_KINDS);
    const hIndex = Math.floor(rnd() * village.households.length);
    const household = village.households[hIndex];
    if (!household) continue;
    const group = village.zones.flatMap((z) => z.groups).find((g) => g.suffix === household.groupSuffix);
    // A representative reports for households of their own group (the ones they may read).
    const rep = village.reps.find((r) => r.unitCode === `${village.code}${household.groupSuffix}`);
    const reportedAt = new Date(now.getTime() - reportDay(rnd, kind, now) * DAY);
    const roll = rnd();
    const by: Who = roll < 0.45 && rep ? { as: 'rep', username: rep.username } : roll < 0.8 ? { as: 'resident' } : { as: 'cadre' };
    const urgency =
      kind.categoryCode === 'safety' || kind.categoryCode === 'help' ? 'urgent' : kind.categoryCode === 'housing' && rnd() < 0.4 ? 'complex' : 'ordinary';
    const steps: PlannedMatter['steps'] = [];
    let t = reportedAt.getTime();
    const after = (hours: number) => {
      t += hours * HOUR;
      return new Date(t);
    };
    const slow = 1 / (q * q);
    const urgentScale = urgency === 'urgent' ? 0.08 : 1;
    const result = pick(rnd, kind.results);
    const field = by.as === 'rep';
    const answerer: Who = field ? by : { as: 'cadre' };
    // Settled on the spot by the representative, the same day.
    if (field && rnd() < 0.12) {
      steps.push({ at: after(between(rnd, 1, 8)), by, cmd: { action: 'settleOnSpot', result } });
    } else {
      const escalate = kind.department !== undefined && rnd() < 0.3;
      const handler: Who = escalate ? { as: 'township' } : { as: 'cadre' };
      if (escalate) {
        steps.push({
          at: after(between(rnd, 1, 10) * slow * urgentScale),
          by: { as: 'cadre' },
          cmd: { action: 'escalate', reason: pick(rnd, ESCALATE_REASONS) },
        });
        steps.push({ at: after(between(rnd, 1, 12) * slow * urgentScale), by: handler, cmd: { action: 'accept' } });
        const dept = { as: 'department', index: (kind.department ?? 0) % departments } as const;
        // leadDepartmentId: the index in the district's departments (the seed maps it to the id).
        steps.push({ at: after(between(rnd, 1, 6)), by: handler, cmd: { action: 'dispatch', leadDepartmentId: dept.index } });
        steps.push({ at: after(between(rnd, 1, 20) * urgentScale), by: dept, cmd: { action: 'checkIn', note: '已收到，安排人员处理' } });
        steps.push({ at: after(between(rnd, 24, 130) * slow * urgentScale), by: dept, cmd: { action: 'reply', reply: result } });
      } else {
        steps.push({ at: after(between(rnd, 0.5, 14) * slow * urgentScale), by: handler, cmd: { action: 'accept' } });
      }
      if (rnd() < 0.03) {
        steps.push({ at: after(between(rnd, 48, 200)), by: handler, cmd: { action: 'closeUnresolved', reason: pick(rnd, UNRESOLVED_REASONS) } });
        out.push(planned());
        continue;
      }
      steps.push({ at: after(between(rnd, 6, 110) * slow * urgentScale * (urgency === 'complex' ? 2 : 1)), by: handler, cmd: { action: 'resolve', result } });
    }
    const closer: Who = steps.some((s) => s.by.as === 'township') ? { as: 'township' } : { as: 'cadre' };
    for (let round = 0; round < 2; round++) {
      steps.push({
        at: after(between(rnd, 1, 20) * (urgency === 'urgent' ? 0.1 : 1)),
        by: round ? closer : answerer,
        cmd: { action: 'feedback', message: `${result}，请您看看是否满意` },
      });
      if (rnd() < 0.75) {
        const rating = ratingOf(rnd, q, round > 0);
        steps.push({ at: after(between(rnd, 4, 96)), by: { as: 'resident' }, cmd: { action: 'rate', ...rating } });
        if (rating.satisfaction === 'unsatisfied' || rating.fixed === 'not_fixed') {
          // Rated "not fixed": back in the loop, taken again and done properly this time.
          steps.push({ at: after(between(rnd, 2, 24) * slow), by: closer, cmd: { action: 'accept', note: pick(rnd, REOPEN_REASONS) } });
          steps.push({ at: after(between(rnd, 24, 96) * slow), by: closer, cmd: { action: 'resolve', result: `${result}（已返工）` } });
          continue;
        }
        steps.push({ at: after(between(rnd, 6, 40)), by: closer, cmd: { action: 'close' } });
      } else {
        // Nobody rated it: the village closes it once the rating window has passed.
        steps.push({ at: after(8 * 24 + between(rnd, 1, 30)), by: closer, cmd: { action: 'close', note: '群众未评价，逾期办结' } });
      }
      break;
    }
    out.push(planned());

    function planned(): PlannedMatter {
      const text = pick(rnd, kind.texts).replace('{g}', group?.name ?? '');
      const resident = by.as === 'resident';
      return {
        key: `${village.code}-${n}`,
        village,
        at: reportedAt,
        by,
        unitCode: `${village.code}${household?.groupSuffix ?? ''}`,
        householdIndex: resident ? undefined : hIndex,
        categoryCode: kind.categoryCode,
        urgency,
        description: text,
        reporterName: resident ? `${(household?.residents[0]?.name ?? '王').slice(0, 1)}${rnd() < 0.5 ? '先生' : '女士'}` : undefined,
        reporterPhone: resident ? `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : undefined,
        steps: steps.filter((s) => s.at.getTime() < now.getTime()),
      };
    }
  }
  return out;
}
