import type { Ctx } from './context';

/** A listener runs inside the change's transaction (ctx.db is the transaction): throw to roll it back. */
export type Listener<E> = (ctx: Ctx, event: E) => Promise<void>;

/**
 * What a module tells others about its changes without knowing who listens (matters → webhooks,
 * metrics, similar; households and linkage → visits). `on` adds a listener once and returns its
 * removal; `emit` runs them in order on the caller's transaction, skipping events `isEmpty` says
 * carry nothing.
 */
export function eventChannel<E>(isEmpty: (event: E) => boolean = () => false) {
  const listeners: Listener<E>[] = [];
  return {
    on(listener: Listener<E>): () => void {
      if (!listeners.includes(listener)) listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    async emit(ctx: Ctx, event: E): Promise<void> {
      if (isEmpty(event)) return;
      for (const l of listeners) await l(ctx, event);
    },
  };
}
