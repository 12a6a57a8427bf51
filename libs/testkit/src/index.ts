export { temporalCliPath, temporalTestServerPath } from './temporal-binaries';
export { createTimeSkippingEnv, createLocalEnv } from './time-skipping-env';
