// The bare server of bench/intake-floor.mjs: node:http and pg, no framework, no ORM, no logic;
// each POST runs one report's statements (bench/intake-lib.mjs) as named prepared statements.
//   node bench/intake-floor-server.mjs <postgres url> <port>
import http from 'node:http';
import pg from 'pg';
import { pgbenchScript } from './intake-lib.mjs';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const statements = pgbenchScript()
  .split('\n')
  .map((l) => l.replace(/;$/, ''))
  .filter((l) => l && l !== 'BEGIN' && l !== 'COMMIT');

async function report() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    let first = null;
    for (let i = 0; i < statements.length; i++) {
      const r = await client.query({ name: `floor_${i}`, text: statements[i] });
      first ??= r.rows[0];
    }
    await client.query('COMMIT');
    return first;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', async () => {
      try {
        JSON.parse(body);
        const m = await report();
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ trackingCode: m.tracking_code, state: m.state }));
      } catch (err) {
        res.writeHead(500);
        res.end(String(err));
      }
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => process.exit(0));
