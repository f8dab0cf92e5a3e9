import { api, type ModuleManifest } from '../manifest';
import { overdueRedAlertJob } from './alerts';
import { visitHoldings } from './holdings';
import { dueOnHouseholdHandler, dueOnLinkageHandler, visitDueRecountJob } from './rollup';
import { visitRoutes } from './routes';

export const visitsModule: ModuleManifest = {
  name: 'visits',
  routes: () => [api(visitRoutes)],
  jobs: [overdueRedAlertJob, visitDueRecountJob],
  handlers: [dueOnHouseholdHandler, dueOnLinkageHandler],
  holdings: [visitHoldings],
};
