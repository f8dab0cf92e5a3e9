import { eventHandler } from '../../platform/events/define';
import { type MatterChanged, matterChanged } from './events';
import { notifyTransitions, type Transition } from './notify';
import * as repo from './repository';

/** The inbox: who must act next (or asked to hear) after each transition. */
export const inboxHandler = eventHandler<MatterChanged>({
  name: 'matters.inbox',
  event: matterChanged,
  async handle(ctx, events) {
    const texts = await repo.textsOf(
      ctx.db,
      events.map((e) => e.payload.matterId),
    );
    const transitions: Transition[] = [];
    for (const { payload: p } of events) {
      const text = texts.get(p.matterId);
      if (!text) continue; // deleted since (nothing deletes matters today)
      transitions.push({ m: { ...p.matter, ...text }, action: p.action, eventId: p.eventId, extra: p.notifyAlso, actorUserId: p.actorUserId });
    }
    await notifyTransitions(ctx, transitions);
  },
});
