export * from './schema';
export * from './issues';
export * from './file';
export * from './duration';
