import { api, type ModuleManifest } from '../manifest';
import { overdueRedAlertJob } from './alerts';
import { visitHoldings } from './holdings';
import { dueOnHouseholdHandler, dueOnLinkageHandler } from './rollup';
import { visitRoutes } from './routes';

export const visitsModule: ModuleManifest = {
  name: 'visits',
  routes: () => [api(visitRoutes)],
  // visit_due has no repair job: see recountVisitDue (rollup.ts), run by the CLI's recount-visits.
  jobs: [overdueRedAlertJob],
  handlers: [dueOnHouseholdHandler, dueOnLinkageHandler],
  holdings: [visitHoldings],
};
