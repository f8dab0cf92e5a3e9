import type { Executor } from '../../db/client';
import type { EventHandler } from './define';
import { syncSubscriptions } from './repository';

/**
 * Makes the database's subscriptions those of `handlers` (start-up, before anything publishes):
 * events published from then on get a delivery row for each. Handler names must be unique.
 */
export async function subscribeHandlers(db: Executor, handlers: readonly EventHandler[]): Promise<void> {
  const names = handlers.map((h) => h.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two event handlers are named ${twice}`);
  await db.transaction((tx) =>
    syncSubscriptions(
      tx,
      handlers.map((h) => ({ handler: h.name, eventType: h.event.type })),
    ),
  );
}
