import { api, type ModuleManifest } from '../manifest';
import { orgRoutes } from './routes';

export const orgModule: ModuleManifest = { name: 'org', routes: () => [api(orgRoutes)] };
