import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { seedDemoDistrict } from './district';
import { systemCtx } from './seed';

/**
 * Demo mode's start seeds the district after the server listens, one village per transaction,
 * so the first start serves at once and the district fills in over about a minute (docs/demo.md).
 * Answers a stop that lets the village in progress finish.
 */
export function seedDistrictInBackground(database: Database, clock: Clock, log: FastifyBaseLogger): () => Promise<void> {
  let stopping = false;
  const started = Date.now();
  const onVillage = (done: number, total: number) => {
    if (done % 20 === 0 || done === total) log.info({ done, total }, 'demo district: villages seeded');
  };
  const finished = database
    .exclusive('prepare', () => seedDemoDistrict(systemCtx(database.db, clock), { onVillage, shouldStop: () => stopping, yieldRatio: 1 }))
    .then((counts) => {
      if (counts && !stopping) log.info({ ...counts, ms: Date.now() - started }, 'demo district seeded');
    })
    .catch((err) => {
      if (!stopping) log.error({ err }, 'the demo district could not be seeded');
    });
  return async () => {
    stopping = true;
    await finished;
  };
}
