import { api, type ModuleManifest } from '../manifest';
import { factsHandler } from './facts';
import { metricsRoutes } from './routes';

export const metricsModule: ModuleManifest = { name: 'metrics', routes: () => [api(metricsRoutes)], handlers: [factsHandler] };
