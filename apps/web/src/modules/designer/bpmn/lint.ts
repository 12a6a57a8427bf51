import { lintOptionsOf, type FlowLintContext, type FlowProblem } from '@onewindow/contracts';
import type { ServicePlan } from '@onewindow/flow-model';
import { lintAndCompile } from '@onewindow/flow-model/src/bpmn';

/**
 * Lints and compiles the diagram exactly as publishing does (same rules, same lint context): the problems, and
 * the plan when nothing is an error (the simulation runs on it).
 */
export async function lintDiagram(
  xml: string,
  key: string,
  context: FlowLintContext,
): Promise<{ problems: FlowProblem[]; plan?: ServicePlan }> {
  return lintAndCompile(xml, lintOptionsOf(context, { key }));
}
