/**
 * shared/: pure TypeScript that runs anywhere (renderer, main process, server, tests).
 * No Node, no DOM, no Electron, no SQLite: ESLint enforces it.
 */
export * from './time/wallClock';
export * from './text';
export * from './calendar';
export * from './dossier';
export * from './catalogue';
export * from './limits';
