import type { Executor } from '../db/client';
import { DeferredWrites } from '../db/deferred';
import { runStatement, type Session, sessionOf } from '../db/session';
import type { Ctx } from './context';

/**
 * A unit of work whose every write can wait (db/deferred.ts), sent as one statement of
 * data-modifying CTEs with no transaction around it: one statement is atomic by itself, so the
 * BEGIN and COMMIT round trips go. The resident's report is such a unit (ids reserved up front,
 * db/id-pool.ts): four round trips became one (docs/performance.md).
 *
 * `fn` may read (committed data: nothing of the unit is written before its end), but may not
 * write on its own: its `db` refuses every statement but a SELECT, so an immediate write slipping
 * into such a unit fails loudly in the tests instead of escaping atomicity. Inside an existing
 * transaction the unit simply joins it (its queue, its commit).
 */
export async function inOneStatement<T>(ctx: Ctx, fn: (unit: Ctx) => Promise<T>): Promise<T> {
  if (ctx.writes) return fn(ctx);
  const session = sessionOf(ctx.db);
  const writes = new DeferredWrites((statement) => runStatement(session, statement), true);
  const result = await fn({ ...ctx, db: readOnly(ctx.db), base: ctx.base ?? ctx.db, writes });
  await writes.flush();
  return result;
}

const readOnlyOf = new WeakMap<Executor, Executor>();

/** `db`, refusing every statement but a SELECT (drizzle's builders reach the database through `db.session`). */
function readOnly(db: Executor): Executor {
  let guarded = readOnlyOf.get(db);
  if (!guarded) {
    const session = sessionOf(db);
    const refusing: Session = Object.create(session);
    refusing.prepareQuery = (query, ...rest) => {
      if (!/^\s*select\b/i.test(query.sql)) {
        throw new Error(`a one-statement unit of work writes only through its queue (db/deferred.ts): ${query.sql.slice(0, 80)}`);
      }
      return session.prepareQuery(query, ...rest);
    };
    guarded = new Proxy(db, { get: (target, key) => (key === 'session' ? refusing : Reflect.get(target, key)) });
    readOnlyOf.set(db, guarded);
  }
  return guarded;
}
