import { matterSweepJob } from './modules/matters/sweep';
import { overdueRedAlertJob } from './modules/visits/alerts';
import { visitDueRecountJob } from './modules/visits/rollup';
import { outboxDeliveryJob } from './modules/webhooks/outbox';
import type { Job } from './platform/jobs';

/** Every module's periodic jobs; server.ts starts them (tests run them directly with runJobOnce). */
export const allJobs: Job[] = [outboxDeliveryJob, matterSweepJob, overdueRedAlertJob, visitDueRecountJob];
