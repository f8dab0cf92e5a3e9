// The bare server of bench/intake-floor.mjs: node:http and pg, no framework, no ORM, no logic;
// each POST runs one report's statements (bench/intake-lib.mjs) as named prepared statements, as
// the server does: one statement, and every 20th time the reservation of the next ids.
//   node bench/intake-floor-server.mjs <postgres url> <port>
import http from 'node:http';
import pg from 'pg';
import { pgbenchScript, REPORT_ID } from './intake-lib.mjs';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
// The script's statements, its pgbench variables made parameters: $1 the report's ids.
const lines = pgbenchScript()
  .split('\n')
  .filter((l) => l && !l.startsWith('\\'))
  .map((l) => l.replace(/;$/, '').replaceAll(REPORT_ID, '$1::bigint'));
const reserves = lines.slice(0, -1);
const report1 = lines.at(-1);
let n = 0;

async function report() {
  const id = 2_000_000_000 + ++n;
  // Every 20th report reserves the next ids, as the server does (db/id-pool.ts).
  if (n % 20 === 1) for (let i = 0; i < reserves.length; i++) await pool.query({ name: `floor_reserve_${i}`, text: reserves[i] });
  await pool.query({ name: 'floor_report', text: report1, values: [id] });
  return { tracking_code: String(id), state: 'reported' };
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
