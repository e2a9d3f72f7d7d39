export * from './events';
export * from './code';
export * from './documentNumber';
export * from './states';
export * from './transitions';
export * from './lifecycle';
export * from './wire';
export * from './conflicts';
