export * from './deadlines';
export * from './machine';
export * from './states';
