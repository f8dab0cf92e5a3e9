export * from './errors/index';
export * from './roles';
export * from './units';
