import { MATTER_STATE_ZH } from '@jiceng/shared';
import type { Ctx } from '../../platform/context';
import { loadConfig } from '../../platform/config';
import { type MatterEvent, onMatterEvent } from '../matters/events';
import * as matterRepo from '../matters/repository';
import { type MatterCardEvent, matterCardMessage } from './message';
import { endpointsOf, enqueueToEndpoints } from './outbox';

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

async function onEvent(ctx: Ctx, e: MatterEvent): Promise<void> {
  const kind = cardEventOf(e);
  if (!kind) return;
  const m = e.matter;
  const units = chatUnitsOf(m.unitCode);
  // Most units have no robot: ask that first, and build the card only for those that do.
  const endpoints = await endpointsOf(ctx, units);
  if (endpoints.length === 0) return;
  const [category, names] = await Promise.all([matterRepo.findCategory(ctx.db, m.categoryCode), matterRepo.unitNames(ctx.db, units)]);
  const byCode = new Map(names.map((n) => [n.code, n.name]));
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
    link: `${loadConfig().publicUrl}/matters/${m.id}`,
    extra,
  });
  await enqueueToEndpoints(ctx, endpoints, payload, `matter-event:${e.eventId}`);
}

let installed = false;
/** Subscribes once per process: every matter event that matters to the chats enqueues a card. */
export function installMatterWebhooks(): void {
  if (installed) return;
  installed = true;
  onMatterEvent(onEvent);
}
