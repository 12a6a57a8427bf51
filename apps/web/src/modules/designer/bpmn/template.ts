import { planBuilder } from '@onewindow/flow-model';
import { planToBpmn } from '@onewindow/flow-model/src/bpmn';
import type { FlowLintContext } from '@onewindow/contracts';

/**
 * The starting template "N departments in parallel, then issuance": the builder's plan laid out by
 * planToBpmn, then left for the designer to finish: each department step takes its department's role group
 * (no ow:assignees) and has no limit yet, so lint asks for one until it is set.
 */
export async function parallelDepartmentsTemplate(
  key: string,
  name: string,
  departments: FlowLintContext['departments'],
): Promise<string> {
  const steps = departments.map((d, i) => ({
    id: `dept_${i + 1}`,
    name: `${d.name}审批`,
    departmentCode: d.code,
    limitWorkingDays: 1,
    assignees: ['role-group'],
    role: 'dept_approver',
    countersign: { mode: 'any' as const },
  }));
  const builder = planBuilder(key, { name }).accept();
  const plan = (
    steps.length > 1
      ? builder.parallel(steps.map((s) => (b) => b.department(s)))
      : builder.department(steps[0])
  )
    .issue()
    .build();
  const xml = await planToBpmn(plan);
  return xml
    .replace(/(<bpmn:userTask id="dept_\d+"[^>]*?) ow:limitWorkingDays="1"/g, '$1')
    .replace(/(<bpmn:userTask id="dept_\d+"[^>]*?) ow:assignees="role-group"/g, '$1')
    .replace('<bpmn:startEvent id="accept"', '<bpmn:startEvent id="accept" name="受理"')
    .replace('<bpmn:userTask id="issue"', '<bpmn:userTask id="issue" name="统一出件"')
    .replace('<bpmn:endEvent id="end"', '<bpmn:endEvent id="end" name="办结"');
}
