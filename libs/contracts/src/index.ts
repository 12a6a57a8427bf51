export * from './health.contract';
export * from './problem.contract';
export * from './demo-case.contract';
export * from './auth.contract';
export * from './calendar.contract';
export * from './case.contract';
export * from './task.contract';
export * from './catalogue.contract';
