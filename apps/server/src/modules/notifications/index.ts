import { api, type ModuleManifest } from '../manifest';
import { notificationRoutes } from './routes';

export const notificationsModule: ModuleManifest = { name: 'notifications', routes: () => [api(notificationRoutes)] };
