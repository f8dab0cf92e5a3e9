import { MATTER_STATE_ZH } from '@jiceng/shared';
import { type Ctx, readAll } from '../../platform/context';
import { loadConfig } from '../../platform/config';
import { type MatterEvent, onMatterEvent } from '../matters/events';
import { cachedCategory } from '../matters/categories';
import { cachedUnitNames } from '../org/lookup';
import { type MatterCardEvent, matterCardMessage } from './message';
import { enqueueToUnits } from './outbox';

/** Which matter events reach the chats, and as what. */
export function cardEventOf(e: Pick<MatterEvent, 'action' | 'data'>): MatterCardEvent | null {
  switch (e.action) {
    case 'report':
      return 'report';
    case 'escalate':
      // The sweep escalates what ran out of time: the chat should read it as overdue.
      return e.data?.automatic ? 'overdue' : 'escalation';
    case 'dispatch':
      return 'dispatch';
    case 'overdue':
      return 'overdue';
    default:
      return null;
  }
}

/** The group, zone and village a matter sits in (whichever of them exist in its code). */
export function chatUnitsOf(unitCode: string): string[] {
  return [16, 14, 12].filter((n) => unitCode.length >= n).map((n) => unitCode.slice(0, n));
}

let publicUrl: string | null = null;
const linkBase = (): string => {
  publicUrl ??= loadConfig().publicUrl;
  return publicUrl;
};

/**
 * Every report builds its card, though most units have no robot: the card's names come from
 * caches, and the robots are chosen by the deferred INSERT … SELECT (outbox.ts), so a report
 * reads nothing here and adds no round trip.
 */
async function onEvent(ctx: Ctx, e: MatterEvent): Promise<void> {
  const kind = cardEventOf(e);
  if (!kind) return;
  const m = e.matter;
  const units = chatUnitsOf(m.unitCode);
  const [category, byCode] = await readAll(ctx, [() => cachedCategory(ctx, m.categoryCode), () => cachedUnitNames(ctx, units)] as const);
  const extra =
    kind === 'escalation' || kind === 'overdue'
      ? `现由：${byCode.get(m.responsibleUnitCode) ?? m.responsibleUnitCode} 负责`
      : kind === 'dispatch'
        ? '已派部门联动办理'
        : undefined;
  const payload = matterCardMessage({
    event: kind,
    trackingCode: m.trackingCode,
    description: m.description,
    unitPath: [...units]
      .reverse()
      .map((c) => byCode.get(c) ?? c)
      .join(' / '),
    category: category?.nameZh ?? m.categoryCode,
    state: MATTER_STATE_ZH[m.state],
    deadline: m.stageDeadline,
    link: `${linkBase()}/matters/${m.id}`,
    extra,
  });
  await enqueueToUnits(ctx, units, payload, `matter-event:${e.eventId}`);
}

let installed = false;
/** Subscribes once per process: every matter event that matters to the chats enqueues a card. */
export function installMatterWebhooks(): void {
  if (installed) return;
  installed = true;
  onMatterEvent(onEvent);
}
