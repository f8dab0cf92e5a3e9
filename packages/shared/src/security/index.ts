export * from './password-policy';
export * from './text-controls';
