export * from './app-config';
export * from './config.module';
export * from './log-levels';
export * from './jwt-secret';
export * from './trust-proxy';
