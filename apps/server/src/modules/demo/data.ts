/**
 * Demo mode's data beyond the base demo accounts: the 地河村 sample register (sample.ts), then the
 * rest of the district (district.ts, when asked: the CLI's seed-demo always, a start with
 * JICENG_DEMO_DISTRICT=1). Each part is seeded once, in its own transaction, and skipped
 * when it is there, so a start of an already seeded demo costs two account lookups (hasDemoData).
 */
import type { Ctx } from '../../platform/context';
import { type DistrictCounts, seedDemoDistrict } from './district';
import { seedDemoSample } from './sample';

export async function seedDemoData(ctx: Ctx, options: { district: boolean }): Promise<{ sample: boolean; district: DistrictCounts | null }> {
  const sample = await seedDemoSample(ctx);
  const district = options.district ? await seedDemoDistrict(ctx) : null;
  return { sample, district };
}
