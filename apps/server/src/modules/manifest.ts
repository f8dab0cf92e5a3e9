import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../platform/config';
import type { EventHandler } from '../platform/events/define';
import type { Job } from '../platform/jobs';
import type { HouseholdListFilter } from './households/filters';
import type { HoldingsCheck } from './org/holdings';

/** A route plugin and where it is mounted. */
export interface RouteMount {
  prefix: '/api' | '/open311/v2';
  // biome-ignore lint/suspicious/noExplicitAny: route plugins are typed by their own type provider (zod or plain)
  plugin: FastifyPluginAsync<any>;
}

/**
 * What a module contributes, declared in its `index.ts` (docs/architecture.md, "Adding a
 * module"). buildApp mounts the routes, server.ts starts the jobs and the event dispatcher, the
 * CLI and the test harness wire the same list: nothing installs itself on import.
 */
export interface ModuleManifest {
  name: string;
  routes?: (config: Config) => RouteMount[];
  jobs?: Job[];
  /** After-commit reactions to other modules' (or its own) domain events. */
  handlers?: EventHandler[];
  /** What a zone or group still holds of this module's rows (org refuses to delete it then). */
  holdings?: HoldingsCheck[];
  /** Extra filters of the register's list that this module answers from its own tables. */
  householdFilters?: HouseholdListFilter[];
}

export const api = (plugin: RouteMount['plugin']): RouteMount => ({ prefix: '/api', plugin });
