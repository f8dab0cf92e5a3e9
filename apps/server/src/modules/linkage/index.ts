import { api, type ModuleManifest } from '../manifest';
import { linkageFilter } from './filters';
import { linkageRoutes } from './routes';

export const linkageModule: ModuleManifest = { name: 'linkage', routes: () => [api(linkageRoutes)], householdFilters: [linkageFilter] };
