// bpmnlint-plugin-onewindow: the OneWindow lint rules, kept in the repository and handed to bpmnlint by a
// resolver (no package lookup), so the designer in the browser and publishing on the server run the same rules.
import type { RuleFactory } from './helpers';
import {
  catalogue,
  countersign,
  criticalPathPromised,
  criticalPathStatutory,
  departmentStep,
  feel,
  forkJoin,
  gatewayConditions,
  noDeadEnds,
} from './rules';

export const PLUGIN_NAME = 'bpmnlint-plugin-onewindow';

export const rules: Record<string, RuleFactory<never>> = {
  'department-step': departmentStep,
  'fork-join': forkJoin,
  'no-dead-ends': noDeadEnds,
  'gateway-conditions': gatewayConditions,
  feel,
  catalogue,
  countersign,
  'critical-path-promised': criticalPathPromised,
  'critical-path-statutory': criticalPathStatutory,
};

/** Severities of the rules (`onewindow/<rule>`); options are added per call by `lintAndCompile`. */
export const configs = {
  recommended: {
    rules: {
      'onewindow/department-step': 'error',
      'onewindow/fork-join': 'error',
      'onewindow/no-dead-ends': 'error',
      'onewindow/gateway-conditions': 'error',
      'onewindow/feel': 'error',
      'onewindow/catalogue': 'error',
      'onewindow/countersign': 'error',
      'onewindow/critical-path-promised': 'warn',
      'onewindow/critical-path-statutory': 'error',
    },
  },
} as const;

export { criticalPath, type CatalogueOptions, type LimitOptions } from './rules';
export type { Reporter, RuleFactory } from './helpers';
