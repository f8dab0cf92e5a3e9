// Every module's tables, gathered for drizzle-kit and the typed client. A module owns its
// tables; other modules reach them only through that module's service.
export * from '../modules/accounts/tables';
export * from '../modules/audit/tables';
export * from '../modules/org/tables';
export * from '../modules/households/tables';
export * from '../modules/notifications/tables';
