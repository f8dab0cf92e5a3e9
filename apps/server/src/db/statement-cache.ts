import pg from 'pg';

/**
 * Server-side prepared statements for queries the app sends again and again, as JDBC
 * (prepareThreshold), pgx and postgres.js do by default. An unnamed statement is parsed and
 * planned by PostgreSQL on every execution; a named one once per connection, after which the
 * server may use its generic plan. On the matter intake that is about 40 % of PostgreSQL's CPU
 * (docs/performance.md). Only parameterized texts are named (a text without parameters may hold
 * several statements, which the extended protocol refuses), only once seen a few times (one-off
 * start-up and migration queries stay unnamed), and only up to a bound, so that statements with
 * variable-length parameter lists cannot fill the server's memory.
 */
export interface StatementCacheOptions {
  /** Executions of a text before it is named. */
  threshold?: number;
  /** Distinct named texts per process. */
  maxNamed?: number;
  /** Texts counted toward the threshold per process. */
  maxTracked?: number;
  /** Texts with more parameters than this (bulk inserts, long IN lists) stay unnamed. */
  maxParams?: number;
}

export class StatementCache {
  private readonly counts = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly threshold: number;
  private readonly maxNamed: number;
  private readonly maxTracked: number;
  readonly maxParams: number;

  constructor(options: StatementCacheOptions = {}) {
    this.threshold = options.threshold ?? 3;
    this.maxNamed = options.maxNamed ?? 500;
    this.maxTracked = options.maxTracked ?? 5000;
    this.maxParams = options.maxParams ?? 100;
  }

  /** The statement name for `text`, or undefined while it should stay unnamed. */
  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known) return known;
    const seen = (this.counts.get(text) ?? 0) + 1;
    if (seen < this.threshold) {
      if (seen > 1 || this.counts.size < this.maxTracked) this.counts.set(text, seen);
      return undefined;
    }
    if (this.names.size >= this.maxNamed) return undefined;
    this.counts.delete(text);
    const name = `jiceng_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

type QueryArgs = [config: unknown, values?: unknown, callback?: unknown];

/** A pg.Client class whose parameterized queries take their names from `cache`. */
export function preparingClient(cache: StatementCache): typeof pg.Client {
  return class PreparingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this forwards all of them.
    override query(...args: QueryArgs): any {
      const [config, values] = args;
      const named = nameQuery(cache, config, values);
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      if (named) return (super.query as any)(named, ...args.slice(1));
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as any)(...args);
    }
  } as typeof pg.Client;
}

function nameQuery(cache: StatementCache, config: unknown, values: unknown): object | null {
  if (typeof config === 'string') return withName(cache, { text: config }, values);
  if (!config || typeof config !== 'object') return null;
  const c = config as { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };
  // Someone else's name, or a Submittable (cursor, stream): leave it alone.
  if (typeof c.text !== 'string' || c.name !== undefined || c.submit !== undefined) return null;
  return withName(cache, c, values ?? c.values);
}

function withName(cache: StatementCache, config: { text?: unknown }, values: unknown): object | null {
  if (!Array.isArray(values) || values.length === 0 || values.length > cache.maxParams) return null;
  const name = cache.nameFor(config.text as string);
  return name ? { ...config, name } : null;
}
