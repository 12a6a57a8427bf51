export * from './health.contract';
export * from './problem.contract';
