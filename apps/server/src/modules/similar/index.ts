import { api, type ModuleManifest } from '../manifest';
import { indexHandler } from './handlers';
import { similarRoutes } from './routes';

export const similarModule: ModuleManifest = { name: 'similar', routes: (config) => [api(similarRoutes(config))], handlers: [indexHandler] };
