// The bare server of bench/intake-floor.mjs: node:http and pg, no framework, no ORM, no logic;
// each POST runs one report's statement (bench/intake-lib.mjs) as a named prepared statement, as
// the server does.
//   node bench/intake-floor-server.mjs <postgres url> <port>
import http from 'node:http';
import pg from 'pg';
import { pgbenchScript } from './intake-lib.mjs';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const statement = pgbenchScript().trim().replace(/;$/, '');

async function report() {
  const { rows } = await pool.query({ name: 'floor_report', text: statement });
  return { tracking_code: String(rows[0].id), state: 'reported' };
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
