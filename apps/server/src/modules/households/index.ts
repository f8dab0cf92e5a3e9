import { api, type ModuleManifest } from '../manifest';
import { householdHoldings } from './holdings';
import { householdRoutes } from './routes';

export const householdsModule: ModuleManifest = { name: 'households', routes: () => [api(householdRoutes)], holdings: [householdHoldings] };
