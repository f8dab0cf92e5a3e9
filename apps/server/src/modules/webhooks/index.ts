import { api, type ModuleManifest } from '../manifest';
import { robotHoldings } from './holdings';
import { matterCardsHandler } from './matters-hook';
import { outboxDeliveryJob } from './outbox';
import { webhookRoutes } from './routes';
import { setWebhookPolicy, webhookPolicyOf } from './url-guard';

export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  routes: (config) => {
    // The robot URL policy comes from the configuration of the app being built (url-guard.ts).
    setWebhookPolicy(webhookPolicyOf(config));
    return [api(webhookRoutes)];
  },
  jobs: [outboxDeliveryJob],
  handlers: [matterCardsHandler],
  holdings: [robotHoldings],
};
