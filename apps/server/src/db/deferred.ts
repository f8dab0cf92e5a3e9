/**
 * Write-behind inside one transaction (the unit-of-work flush of Hibernate and friends): writes
 * that nothing in the transaction reads back (audit rows, inbox messages, outbox messages, the
 * similar-matter index, the metrics facts) wait until the transaction's next statement or its
 * commit, and then go to the database together as one statement of data-modifying CTEs. A report
 * makes one round trip for five such writes instead of five (docs/performance.md).
 *
 * The order of the transaction's statements is kept: any other statement on the transaction
 * first sends what is waiting (context.ts wraps the transaction's session), so a read sees every
 * write made before it. Inside one flush the writes run as one statement: they see the same
 * snapshot and must not touch the same row; a write given a `key` already waiting (e.g. the facts
 * row of one matter, upserted twice) first sends what is waiting.
 */
import type { Executor } from './client';
import { type DriverQuery, runStatement, type Session, sessionOf } from './session';

export interface Statement {
  sql: string;
  params: unknown[];
}

export class DeferredWrites {
  private items: Statement[] = [];
  private readonly keys = new Set<string>();

  /**
   * `single`: the queue is a whole unit of work (platform/one-statement.ts), sent once, as one
   * statement, with no transaction around it; a write that would have to be sent on its own is a bug.
   */
  constructor(
    private readonly run: (statement: Statement) => Promise<unknown>,
    private readonly single = false,
  ) {}

  get pending(): boolean {
    return this.items.length > 0;
  }

  async add(statement: Statement, key?: string): Promise<void> {
    // A statement with its own WITH cannot be nested in another's; a dollar-quoted body could hide a "$1".
    const alone = /^\s*with\b/i.test(statement.sql) || statement.sql.includes('$$');
    if (this.single && (alone || (key && this.keys.has(key)))) {
      throw new Error(`a one-statement unit of work cannot take this write: ${statement.sql.slice(0, 80)}`);
    }
    if (key && this.keys.has(key)) await this.flush();
    if (alone) {
      await this.flush();
      await this.run(statement);
      return;
    }
    this.items.push(statement);
    if (key) this.keys.add(key);
  }

  /** Sends what is waiting. Takes the queue synchronously, so statements sent after it are sent after it. */
  flush(): Promise<unknown> {
    if (this.items.length === 0) return Promise.resolve();
    const items = this.items;
    this.items = [];
    this.keys.clear();
    return this.run(items.length === 1 ? (items[0] as Statement) : combine(items));
  }

  /** Forgets what is waiting: the (sub)transaction it belonged to is being rolled back. */
  discard(): void {
    this.items = [];
    this.keys.clear();
  }
}

// A parameter reference outside quotes; quoted text is matched first so that it is skipped.
const PARAM = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

function renumber(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(PARAM, (whole, n: string | undefined) => (n === undefined ? whole : `$${Number(n) + offset}`));
}

interface Combined {
  text?: string;
  next: Map<string, Combined>;
}
// Combined texts by the texts they combine (a trie): the same sequence of statements is renumbered
// once and gives the very same string, which the prepared-statement cache finds without hashing it again.
const combinedTexts: Combined = { next: new Map() };

/** `WITH w1 AS (…), w2 AS (…) SELECT 1`, each statement's $n renumbered after those before it. */
export function combine(items: Statement[]): Statement {
  const params: unknown[] = [];
  let node = combinedTexts;
  for (const item of items) {
    let child = node.next.get(item.sql);
    if (!child) {
      child = { next: new Map() };
      if (node.next.size < 50) node.next.set(item.sql, child);
    }
    node = child;
  }
  if (node.text === undefined) {
    const parts = items.map((item, i) => {
      const offset = params.length;
      params.push(...item.params);
      return `w${i + 1} as (${renumber(item.sql, offset)})`;
    });
    node.text = `with ${parts.join(', ')} select 1`;
    return { sql: node.text, params };
  }
  for (const item of items) params.push(...item.params);
  return { sql: node.text, params };
}

/**
 * Gives a transaction its write-behind queue: every other statement on the transaction's session
 * (its savepoints share it) first sends what is waiting; a rollback forgets it instead, since the
 * transaction may be aborted and what is waiting would be undone anyway.
 */
export function attachDeferredWrites(tx: Executor): DeferredWrites {
  const session = sessionOf(tx);
  // Once per session: a job's transaction may open many savepoints with inTransaction, and
  // wrapping prepareQuery again for each would stack the wrappers.
  const attached = queues.get(session);
  if (attached) return attached;
  const prepare = session.prepareQuery.bind(session);
  const writes = new DeferredWrites((statement) => runStatement({ prepareQuery: prepare }, statement));
  session.prepareQuery = (...args: Parameters<Session['prepareQuery']>): DriverQuery => {
    const query = prepare(...args);
    const execute = query.execute.bind(query);
    const rollback = /^\s*rollback\b/i.test(args[0].sql);
    query.execute = (values) => {
      if (!writes.pending) return execute(values);
      if (rollback) {
        writes.discard();
        return execute(values);
      }
      return writes.flush().then(() => execute(values));
    };
    return query;
  };
  queues.set(session, writes);
  return writes;
}

const queues = new WeakMap<Session, DeferredWrites>();
