// Typings of bpmn-moddle, bpmnlint and bpmn-auto-layout, for every program that imports this entry (the tools,
// later the API and the web app), not only the flow-model project whose tsconfig includes the file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient .d.ts cannot be imported
/// <reference path="./vendor.d.ts" />
// A separate entry point (@onewindow/flow-model/src/bpmn), not re-exported by the package index: the workflow
// bundles @onewindow/flow-model, and bpmn-moddle, bpmnlint and bpmn-auto-layout must stay out of it.
export {
  compileBpmn,
  compileDefinitions,
  parseCountersign,
  isCountersignProblem,
  type CountersignProblem,
  type CompileOptions,
  type CompileResult,
} from './compile';
export { planToBpmn } from './to-bpmn';
export { diffBpmn, type BpmnDiff, type DiffElement, type FieldChange } from './diff';
export {
  parallelDepartmentsTemplate,
  bundleTemplate,
  exclusiveBranchTemplate,
  type TemplateDepartment,
  type TemplateItem,
} from './templates';
export { parseBpmn, createModdle, owDescriptor, OW_NAMESPACE, OW_PREFIX, MAX_BPMN_BYTES } from './moddle';
export { PROBLEM_CODES } from './problems';
export type { BpmnProblem, LintProblem, ProblemCode, ProblemParams } from './problems';
export {
  lintAndCompile,
  lintConfig,
  createLinter,
  type LintContext,
  type LintAndCompileResult,
} from './lint-and-compile';
export { rules, configs, criticalPath, PLUGIN_NAME } from './bpmnlint-plugin-onewindow';
