import { eventHandler } from '../../platform/events/define';
import * as matterLookup from '../matters/lookup';
import { indexMatterEvents } from './service';

/**
 * Keeps the similar-matter index: a report adds the matter, a transition opens or closes it. Read
 * from the matter as it stands now, so out-of-order handling of one matter's events converges.
 */
export const indexHandler = eventHandler<matterLookup.MatterChanged>({
  name: 'similar.index',
  event: matterLookup.matterChanged,
  async handle(ctx, events) {
    const actions = new Map<number, string>();
    for (const e of events) actions.set(e.payload.matterId, actions.get(e.payload.matterId) === 'report' ? 'report' : e.payload.action);
    const matters = await matterLookup.findMatters(ctx, [...actions.keys()]);
    await indexMatterEvents(
      ctx,
      matters.map((m) => ({ matterId: m.id, action: actions.get(m.id) ?? 'change', toState: m.state, unitCode: m.unitCode, matter: m })),
    );
  },
});
