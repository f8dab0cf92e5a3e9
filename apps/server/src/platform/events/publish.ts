import type { Ctx } from '../context';
import type { EventType } from './define';
import { publishRow } from './repository';
import { wake } from './wake';

/**
 * Records `payload` as an event of `event`'s type on the caller's connection: inside the
 * caller's transaction, so the event exists exactly when the change does. Handlers in other
 * modules run after the commit (dispatcher.ts).
 */
export async function publish<P>(ctx: Ctx, event: EventType<P>, payload: P): Promise<void> {
  await publishRow(ctx.db, event.type, payload, ctx.clock.now());
  wake();
}
