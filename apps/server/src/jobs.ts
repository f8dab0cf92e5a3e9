import type { Job } from './platform/jobs';

/** Every module's periodic jobs; server.ts starts them (tests run them directly with runJobOnce). */
export const allJobs: Job[] = [];
