import type { EventHandler } from '../platform/events/define';
import type { Job } from '../platform/jobs';
import { accountsModule } from './accounts';
import { auditModule } from './audit';
import { cardsModule } from './cards';
import { registerHouseholdListFilter } from './households/filters';
import { householdsModule } from './households';
import { linkageModule } from './linkage';
import type { ModuleManifest } from './manifest';
import { mattersModule } from './matters';
import { metricsModule } from './metrics';
import { notificationsModule } from './notifications';
import { registerHoldingsCheck } from './org/holdings';
import { orgModule } from './org';
import { open311Module } from './open311';
import { similarModule } from './similar';
import { systemModule } from './system';
import { visitsModule } from './visits';
import { webhooksModule } from './webhooks';

/** Every module, in the order their routes are mounted. The one list app, server, CLI and tests wire. */
export const MODULES: readonly ModuleManifest[] = [
  accountsModule,
  orgModule,
  auditModule,
  householdsModule,
  notificationsModule,
  webhooksModule,
  similarModule,
  open311Module,
  metricsModule,
  cardsModule,
  linkageModule,
  visitsModule,
  mattersModule,
  systemModule,
];

export const allJobs = (modules: readonly ModuleManifest[] = MODULES): Job[] => modules.flatMap((m) => m.jobs ?? []);
export const allHandlers = (modules: readonly ModuleManifest[] = MODULES): EventHandler[] => modules.flatMap((m) => m.handlers ?? []);

/** Fills the extension points modules offer each other (idempotent: the registries keep each entry once). */
export function wireModules(modules: readonly ModuleManifest[] = MODULES): void {
  for (const m of modules) {
    for (const check of m.holdings ?? []) registerHoldingsCheck(check);
    for (const filter of m.householdFilters ?? []) registerHouseholdListFilter(filter);
  }
}
