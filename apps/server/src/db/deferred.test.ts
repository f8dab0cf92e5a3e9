import { describe, expect, it } from 'vitest';
import { combine, DeferredWrites, type Statement } from './deferred';
import { StatementCache } from './statement-cache';

describe('combining deferred writes', () => {
  it('renumbers each statement after those before it, leaving quoted text alone', () => {
    const out = combine([
      { sql: 'insert into "a" ("x", "y") values ($1, $2)', params: [1, 2] },
      { sql: `insert into "b" ("z") values ($1) on conflict do nothing`, params: [3] },
      { sql: `insert into "c" ("p", "q") select $2, '$1 stays' from t where t.v = $1`, params: ['v', 'p'] },
    ]);
    expect(out.sql).toBe(
      'with w1 as (insert into "a" ("x", "y") values ($1, $2)), w2 as (insert into "b" ("z") values ($3) on conflict do nothing), ' +
        `w3 as (insert into "c" ("p", "q") select $5, '$1 stays' from t where t.v = $4) select 1`,
    );
    expect(out.params).toEqual([1, 2, 3, 'v', 'p']);
  });
});

describe('the write-behind queue', () => {
  function queue() {
    const sent: Statement[] = [];
    const writes = new DeferredWrites(async (s) => {
      sent.push(s);
    });
    return { sent, writes };
  }
  const w = (n: number): Statement => ({ sql: `insert into t (n) values ($1)`, params: [n] });

  it('sends nothing until flushed, then everything as one statement', async () => {
    const { sent, writes } = queue();
    await writes.add(w(1));
    await writes.add(w(2));
    expect(sent).toHaveLength(0);
    expect(writes.pending).toBe(true);
    await writes.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params).toEqual([1, 2]);
    expect(writes.pending).toBe(false);
    await writes.flush();
    expect(sent).toHaveLength(1);
  });

  it('sends a single write as it is', async () => {
    const { sent, writes } = queue();
    await writes.add(w(7));
    await writes.flush();
    expect(sent).toEqual([w(7)]);
  });

  it('sends what waits before a second write of the same row', async () => {
    const { sent, writes } = queue();
    await writes.add(w(1), 'facts:1');
    await writes.add(w(2), 'facts:2');
    await writes.add(w(3), 'facts:1');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params).toEqual([1, 2]);
    await writes.flush();
    expect(sent[1]).toEqual(w(3));
  });

  it('runs a statement with its own WITH alone, after what waits', async () => {
    const { sent, writes } = queue();
    await writes.add(w(1));
    await writes.add({ sql: 'with x as (select 1) insert into t (n) select 1 from x', params: [] });
    expect(sent.map((s) => s.sql)).toEqual([w(1).sql, 'with x as (select 1) insert into t (n) select 1 from x']);
  });

  it('forgets what waits on discard', async () => {
    const { sent, writes } = queue();
    await writes.add(w(1));
    writes.discard();
    await writes.flush();
    expect(sent).toHaveLength(0);
  });
});

describe('the prepared-statement cache', () => {
  it('names a text only once it has been seen often enough, and always the same', () => {
    const cache = new StatementCache({ threshold: 3 });
    expect(cache.nameFor('select $1')).toBeUndefined();
    expect(cache.nameFor('select $1')).toBeUndefined();
    const name = cache.nameFor('select $1');
    expect(name).toMatch(/^jiceng_\d+$/);
    expect(cache.nameFor('select $1')).toBe(name);
    expect(cache.nameFor('select $2')).toBeUndefined();
  });

  it('stops naming new texts at its bound', () => {
    const cache = new StatementCache({ threshold: 1, maxNamed: 2 });
    expect(cache.nameFor('a')).toBeDefined();
    expect(cache.nameFor('b')).toBeDefined();
    expect(cache.nameFor('c')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
