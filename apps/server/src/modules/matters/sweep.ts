import { addHours, DEFAULT_LIMITS, escalationTarget, type MatterCommand } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Job } from '../../platform/jobs';
import { notifyOverdue } from './notify';
import { writeTransition } from './record';
import type { MatterRow } from './repository';
import * as repo from './repository';
import { actAnonymously } from './transition';

const BATCH = 200;

/**
 * What the clock does to one overdue matter: a hand-over or response stage escalates one level
 * (and tells the unit that let it run out); an answered matter whose rating window passed, or a
 * rated one nobody closed, closes; a result nobody answered, or a district that is itself late,
 * gets a reminder and a new stage deadline.
 */
async function sweepOne(tx: Ctx, m: MatterRow): Promise<'escalated' | 'closed' | 'reminded'> {
  const now = tx.clock.now();
  switch (m.state) {
    case 'answered':
    case 'rated':
      await actAnonymously(tx, m, { action: 'close', note: '评价期满自动关闭 / closed when the rating window ended' }, 'system');
      return 'closed';
    case 'resolved':
      return remind(tx, m, addHours(now, DEFAULT_LIMITS.feedback[m.urgency]));
    default: {
      if (!escalationTarget(m.responsibleUnitCode)) return remind(tx, m, addHours(now, DEFAULT_LIMITS.respond[m.urgency]));
      const cmd: MatterCommand = { action: 'escalate', reason: '超过时限自动上报 / escalated automatically: overdue' };
      await notifyOverdue(tx, m, m.responsibleUnitCode);
      await actAnonymously(tx, m, cmd, 'system', { data: { from: m.responsibleUnitCode, overdueSince: m.stageDeadline.toISOString(), automatic: true } });
      return 'escalated';
    }
  }
}

/** No level above: remind the responsible unit again and give the stage a new deadline (an event records it). */
async function remind(tx: Ctx, m: MatterRow, next: Date): Promise<'reminded'> {
  await notifyOverdue(tx, m, m.responsibleUnitCode);
  await writeTransition(tx, m, {
    action: 'overdue',
    to: m.state,
    actorKind: 'system',
    actorUnitCode: null,
    note: '超期提醒 / overdue reminder',
    patch: { stageDeadline: next },
    data: { overdueSince: m.stageDeadline.toISOString() },
  });
  return 'reminded';
}

/**
 * One sweep: every overdue, running matter moves once. Each matter is its own savepoint and its
 * update is version-checked, so a matter a person moved meanwhile is skipped, not escalated twice.
 */
export async function sweepOverdue(ctx: Ctx): Promise<Record<string, number>> {
  const counts: Record<string, number> = { escalated: 0, closed: 0, reminded: 0, skipped: 0 };
  for (;;) {
    const rows = await repo.findOverdue(ctx.db, ctx.clock.now(), BATCH);
    let skipped = 0;
    for (const m of rows) {
      try {
        const r = await ctx.db.transaction((db) => sweepOne({ ...ctx, db }, m));
        counts[r] = (counts[r] ?? 0) + 1;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        counts.skipped = (counts.skipped ?? 0) + 1;
        skipped++;
      }
    }
    // A skipped matter would come back first; leave the rest for the next round.
    if (rows.length < BATCH || skipped > 0) break;
  }
  return counts;
}

export const matterSweepJob: Job = {
  name: 'matters.escalation-sweep',
  everyMs: 60_000,
  run: async (ctx) => {
    await sweepOverdue(ctx);
  },
};
