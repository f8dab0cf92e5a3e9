import { api, type ModuleManifest } from '../manifest';
import { accountRoutes } from './routes';

export const accountsModule: ModuleManifest = { name: 'accounts', routes: (config) => [api(accountRoutes(config))] };
