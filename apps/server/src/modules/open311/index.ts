import { api, type ModuleManifest } from '../manifest';
import { apiKeyHoldings } from './holdings';
import { apiKeyRoutes } from './keys-routes';
import { open311Routes } from './routes';

export const open311Module: ModuleManifest = {
  name: 'open311',
  routes: (config) => [api(apiKeyRoutes), { prefix: '/open311/v2', plugin: open311Routes(config) }],
  holdings: [apiKeyHoldings],
};
