export * from './health.contract';
export * from './problem.contract';
export * from './demo-case.contract';
export * from './auth.contract';
