import { lintOptionsOf, type FlowLintContext, type FlowProblem } from '@onewindow/contracts';
import { lintAndCompile } from '@onewindow/flow-model/src/bpmn';

/** Lints and compiles the diagram exactly as publishing does (same rules, same lint context). */
export async function lintDiagram(
  xml: string,
  key: string,
  context: FlowLintContext,
): Promise<FlowProblem[]> {
  const { problems } = await lintAndCompile(xml, lintOptionsOf(context, { key }));
  return problems;
}
