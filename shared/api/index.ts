/** The application API contract: the method table, its schemas, errors and the HTTP client. */
export * from './contract';
export * from './errors';
export * from './schemas';
export * from './issues';
export { createHttpClient, type HttpClientOptions, type HttpMotcuaApi } from './httpClient';
