import { api, type ModuleManifest } from '../manifest';
import { cardRoutes } from './routes';

export const cardsModule: ModuleManifest = { name: 'cards', routes: (config) => [api(cardRoutes(config))] };
