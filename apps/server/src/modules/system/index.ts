import { api, type ModuleManifest } from '../manifest';
import { eventAdminRoutes } from './routes';

/** The platform's own administration: the domain events' pending and failing work. */
export const systemModule: ModuleManifest = { name: 'system', routes: () => [api(eventAdminRoutes)] };
