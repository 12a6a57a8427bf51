import { planBuilder, type DepartmentStepSpec, type SequenceBuilder } from '../index';
import { planToBpmn } from './to-bpmn';

/**
 * The designer's starting templates: a plan written with the builder, laid out by planToBpmn, with Chinese
 * names on acceptance, issuance and the end. Department steps name no assignees (`ow:assignees` left out): the
 * department's role group takes them, resolved when the flow is compiled.
 */
export interface TemplateDepartment {
  code: string;
  name: string;
}

/** A stand-in the builder needs (it wants assignees); removed from the XML, so the role group applies. */
const ROLE_GROUP = 'role-group';

const step = (id: string, department: TemplateDepartment, limitWorkingDays: number, name?: string) =>
  ({
    id,
    name: name ?? `${department.name}审批`,
    departmentCode: department.code,
    limitWorkingDays,
    assignees: [ROLE_GROUP],
    role: 'dept_approver',
    countersign: { mode: 'any' },
  }) satisfies DepartmentStepSpec;

const named = (xml: string): string =>
  xml
    .replace(new RegExp(` ow:assignees="${ROLE_GROUP}"`, 'g'), '')
    .replace('<bpmn:startEvent id="accept"', '<bpmn:startEvent id="accept" name="受理"')
    .replace('<bpmn:userTask id="issue"', '<bpmn:userTask id="issue" name="统一出件"')
    .replace('<bpmn:endEvent id="end"', '<bpmn:endEvent id="end" name="办结"');

/**
 * "N departments in parallel, then issuance": one step per department (`dept_1`, `dept_2` …), left without a
 * limit, so lint asks for one until the designer sets it.
 */
export async function parallelDepartmentsTemplate(
  key: string,
  name: string,
  departments: readonly TemplateDepartment[],
): Promise<string> {
  const steps = departments.map((d, i) => step(`dept_${i + 1}`, d, 1));
  const builder = planBuilder(key, { name }).accept();
  const plan = (
    steps.length > 1
      ? builder.parallel(steps.map((s) => (b: SequenceBuilder) => b.department(s)))
      : builder.department(steps[0])
  )
    .issue()
    .build();
  return named(await planToBpmn(plan)).replace(
    /(<bpmn:userTask id="dept_\d+"[^>]*?) ow:limitWorkingDays="1"/g,
    '$1',
  );
}

/** An item of a bundle: its code and name, the department that handles it, and the step's limit. */
export interface TemplateItem {
  code: string;
  name: string;
  department: TemplateDepartment;
  limitWorkingDays: number;
}

/**
 * "A bundle of items as sub-flows" (一件事): one sub-process per item (`ow:itemCode`, id `item_1` …), in
 * parallel, each with its department's step (`item_1__review` …), then unified issuance. Complete as it
 * comes: it lints and compiles clean when the catalogue knows the items and departments and the limits fit.
 */
export async function bundleTemplate(
  key: string,
  name: string,
  items: readonly TemplateItem[],
): Promise<string> {
  const plan = planBuilder(key, { name })
    .accept()
    .parallel(
      items.map(
        (item, i) => (b: SequenceBuilder) =>
          b.subflow({ id: `item_${i + 1}`, itemCode: item.code, name: item.name }, (s) =>
            s.department(step('review', item.department, item.limitWorkingDays, `${item.name}审批`)),
          ),
      ),
      { fork: 'Gateway_items', join: 'Gateway_items_done' },
    )
    .issue()
    .build();
  return named(await planToBpmn(plan));
}

/** The exclusive branch: a FEEL condition on the application data and the steps of each way. */
export interface ExclusiveTemplateSpec {
  /** FEEL over the application data, e.g. `area > 300`. */
  condition: string;
  /** The label of the conditional flow and of the default one. */
  labels: { when: string; otherwise: string };
  /** The step when the condition holds, and the one otherwise (the default flow). */
  when: { department: TemplateDepartment; limitWorkingDays: number; name?: string };
  otherwise: { department: TemplateDepartment; limitWorkingDays: number; name?: string };
}

/**
 * "An exclusive branch on an application field": the condition picks one of two department steps
 * (`when_step` on the conditional flow, `otherwise_step` on the default flow), then issuance. Complete as it
 * comes, like the bundle template.
 */
export async function exclusiveBranchTemplate(
  key: string,
  name: string,
  spec: ExclusiveTemplateSpec,
): Promise<string> {
  const plan = planBuilder(key, { name })
    .accept()
    .exclusive(
      [
        {
          when: spec.condition,
          then: (b) =>
            b.department(step('when_step', spec.when.department, spec.when.limitWorkingDays, spec.when.name)),
        },
        {
          then: (b) =>
            b.department(
              step(
                'otherwise_step',
                spec.otherwise.department,
                spec.otherwise.limitWorkingDays,
                spec.otherwise.name,
              ),
            ),
        },
      ],
      { fork: 'Gateway_branch', join: 'Gateway_branch_done' },
    )
    .issue()
    .build();
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return named(await planToBpmn(plan))
    .replace(
      '<bpmn:sequenceFlow id="Flow_Gateway_branch__when_step"',
      `<bpmn:sequenceFlow id="Flow_Gateway_branch__when_step" name="${escape(spec.labels.when)}"`,
    )
    .replace(
      '<bpmn:sequenceFlow id="Flow_Gateway_branch__otherwise_step"',
      `<bpmn:sequenceFlow id="Flow_Gateway_branch__otherwise_step" name="${escape(spec.labels.otherwise)}"`,
    );
}
