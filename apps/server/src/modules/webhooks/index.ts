import { api, type ModuleManifest } from '../manifest';
import { robotHoldings } from './holdings';
import { matterCardsHandler } from './matters-hook';
import { outboxDeliveryJob } from './outbox';
import { webhookRoutes } from './routes';

export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  routes: () => [api(webhookRoutes)],
  jobs: [outboxDeliveryJob],
  handlers: [matterCardsHandler],
  holdings: [robotHoldings],
};
