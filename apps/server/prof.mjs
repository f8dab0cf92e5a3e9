const t0 = Date.now();
const { PGlite } = await import('@electric-sql/pglite');
const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
console.log('import', Date.now() - t0);
const db = await PGlite.create('/tmp/jd/pglite', { extensions: { pg_trgm } });
console.log('open', Date.now() - t0);
await db.query('select 1');
console.log('q', Date.now() - t0);
