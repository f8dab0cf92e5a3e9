import { api, type ModuleManifest } from '../manifest';
import { inboxHandler } from './handlers';
import { matterHoldings } from './holdings';
import { publicMatterRoutes } from './public-routes';
import { matterRoutes } from './routes';
import { matterSweepJob } from './sweep';

export const mattersModule: ModuleManifest = {
  name: 'matters',
  routes: (config) => [api(matterRoutes(config)), api(publicMatterRoutes(config))],
  jobs: [matterSweepJob],
  handlers: [inboxHandler],
  holdings: [matterHoldings],
};
