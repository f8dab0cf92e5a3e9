import type { Ctx } from '../context';

/** A kind of domain event and the shape of its payload (JSON: dates travel as ISO strings). */
export interface EventType<P> {
  readonly type: string;
  /** Phantom: carries P for the type checker only. */
  readonly payload?: P;
}

export function defineEvent<P>(type: string): EventType<P> {
  return { type };
}

/** An event as a handler receives it. */
export interface DeliveredEvent<P> {
  eventId: number;
  deliveryId: number;
  at: Date;
  attempts: number;
  payload: P;
}

/**
 * A module's reaction to one event type, run after the publishing transaction committed, in a
 * transaction of its own (ctx.db), with no actor. `handle` gets a batch in event order and must
 * be idempotent in effect: it may see an event again after a crash before its commit. Handlers of
 * state ("the matter as it is now") read current rows through lookups, so the order in which
 * several instances handle two events of one entity does not matter.
 */
export interface EventHandler<P = unknown> {
  /** `<module>.<what>`: stable, it names the subscription and the pending rows. */
  name: string;
  event: EventType<P>;
  handle(ctx: Ctx, events: DeliveredEvent<P>[]): Promise<void>;
}

/** Declares a handler (keeps P checked while the manifest lists handlers of any payload). */
export function eventHandler<P>(h: EventHandler<P>): EventHandler {
  return h as unknown as EventHandler;
}

/** A handler that treats each event on its own, in order. */
export function eachEvent<P>(fn: (ctx: Ctx, event: DeliveredEvent<P>) => Promise<void>): EventHandler<P>['handle'] {
  return async (ctx, events) => {
    for (const e of events) await fn(ctx, e);
  };
}
