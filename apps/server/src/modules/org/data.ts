import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped division CSVs: apps/server/data/divisions, from source or from the bundle. */
export function divisionsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..', '../../..', '../../../..']) {
    const dir = path.resolve(here, up, 'data/divisions');
    if (existsSync(dir)) return dir;
  }
  throw new Error(`division data not found near ${here}`);
}
