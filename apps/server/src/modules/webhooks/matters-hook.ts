import { MATTER_STATE_ZH } from '@jiceng/shared';
import { type Ctx, readAll } from '../../platform/context';
import { loadConfig } from '../../platform/config';
import { eachEvent, eventHandler } from '../../platform/events/define';
import { cachedCategory } from '../matters/categories';
import * as matterLookup from '../matters/lookup';
import type { MatterChanged } from '../matters/lookup';
import { cachedUnitNames } from '../org/lookup';
import { type MatterCardEvent, matterCardMessage } from './message';
import { enqueueToUnits } from './outbox';

/** Which matter events reach the chats, and as what. */
export function cardEventOf(e: Pick<MatterChanged, 'action' | 'data'>): MatterCardEvent | null {
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

/** The card of one event, with the matter's text as it is now and its routing as the event left it. */
async function onEvent(ctx: Ctx, e: MatterChanged): Promise<void> {
  const kind = cardEventOf(e);
  if (!kind) return;
  const m = e.matter;
  const text = (await matterLookup.textsOf(ctx, [e.matterId])).get(e.matterId);
  if (!text) return;
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
    trackingCode: text.trackingCode,
    description: text.description,
    unitPath: [...units]
      .reverse()
      .map((c) => byCode.get(c) ?? c)
      .join(' / '),
    category: category?.nameZh ?? m.categoryCode,
    state: MATTER_STATE_ZH[m.state],
    deadline: new Date(m.stageDeadline),
    link: `${linkBase()}/matters/${m.id}`,
    extra,
  });
  // The robots are chosen inside the INSERT … SELECT: a unit without one costs no read.
  await enqueueToUnits(ctx, units, payload, `matter-event:${e.eventId}`);
}

/** Every matter event that matters to the group/zone/village chats enqueues a card for their robots. */
export const matterCardsHandler = eventHandler<MatterChanged>({
  name: 'webhooks.matterCards',
  event: matterLookup.matterChanged,
  handle: eachEvent((ctx, e) => onEvent(ctx, e.payload)),
});
