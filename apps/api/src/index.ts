export { createApp } from './create-app';
export { buildApiDeps } from './build-api-deps';
export { createLogger } from './http/logger';
export type { ApiDeps } from './api-deps';
