import { api, type ModuleManifest } from '../manifest';
import { auditRoutes } from './routes';

export const auditModule: ModuleManifest = { name: 'audit', routes: () => [api(auditRoutes)] };
