// Every module's tables, gathered for drizzle-kit and the typed client. A module owns its
// tables; other modules reach them only through that module's service.
export * from '../modules/accounts/tables';
export * from '../modules/audit/tables';
export * from '../platform/events/tables';
export * from '../modules/org/tables';
export * from '../modules/households/tables';
export * from '../modules/notifications/tables';
export * from '../modules/linkage/tables';
export * from '../modules/visits/tables';
export * from '../modules/matters/tables';
export * from '../modules/webhooks/tables';
export * from '../modules/similar/tables';
export * from '../modules/open311/tables';
export * from '../modules/metrics/tables';
export * from '../modules/cards/tables';
