import type { FlowDetail } from '@onewindow/contracts';
import {
  bundleTemplate,
  exclusiveBranchTemplate,
  parallelDepartmentsTemplate,
} from '@onewindow/flow-model/src/bpmn';

/** The starting templates the toolbar offers (flow-model's `src/bpmn/templates.ts` draws them). */
export const TEMPLATE_KINDS = ['parallel', 'bundle', 'exclusive'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A step's limit that fits the given limits (at most 5 working days, at least 1). */
const fitting = (...limits: (number | undefined)[]): number =>
  Math.max(1, Math.min(5, ...limits.filter((l): l is number => l !== undefined)));

/**
 * A template for the subject, filled from its lint context: departments that have approvers (the steps go to
 * their role group), the subject's item first among the bundle's items, and limits within the subject's.
 * "N departments in parallel" leaves the limits for the designer to set (lint asks for them); the other two
 * come complete and lint clean.
 */
export async function templateFor(kind: TemplateKind, detail: FlowDetail): Promise<string> {
  const { subject, lintContext: ctx } = detail;
  const staffed = ctx.departments.filter((d) => ctx.roleMembers[`${d.code}/dept_approver`]);
  const departments = staffed.length > 0 ? staffed : ctx.departments;
  if (departments.length === 0) throw new Error('the catalogue has no departments');
  const { promisedWorkingDays, statutoryWorkingDays } = ctx.limits;
  switch (kind) {
    case 'parallel':
      return parallelDepartmentsTemplate(subject.key, subject.name, departments.slice(0, 2));
    case 'bundle': {
      const own = ctx.items.filter((i) => i.code === subject.key);
      const items = [...own, ...ctx.items.filter((i) => i.code !== subject.key)].slice(0, 2);
      return bundleTemplate(
        subject.key,
        subject.name,
        items.map((item, i) => ({
          code: item.code,
          name: item.name,
          department: departments[i % departments.length],
          limitWorkingDays: fitting(
            ctx.itemLimits[item.code]?.promisedWorkingDays,
            ctx.itemLimits[item.code]?.statutoryWorkingDays,
            promisedWorkingDays,
            statutoryWorkingDays,
          ),
        })),
      );
    }
    case 'exclusive': {
      const limit = fitting(promisedWorkingDays, statutoryWorkingDays);
      const [first, second = first] = departments;
      return exclusiveBranchTemplate(subject.key, subject.name, {
        condition: 'area > 300',
        labels: { when: '面积 > 300 ㎡', otherwise: '其他' },
        when: { department: second, limitWorkingDays: limit, name: `${second.name}现场核查` },
        otherwise: { department: first, limitWorkingDays: Math.max(1, limit - 2) },
      });
    }
  }
}
