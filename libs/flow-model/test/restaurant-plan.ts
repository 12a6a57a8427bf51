import { planBuilder, type ServicePlan } from '../src';

const dept = (id: string) => ({
  id,
  departmentCode: id.toUpperCase(),
  limitWorkingDays: 5,
  assignees: [`${id}-user`],
});

/**
 * 开办餐饮店 as a plan of every node kind: an automatic check, then in parallel a department step, an inclusive
 * and an exclusive branch (one with a timer) and a sub-flow; then issuance. Shared by the token-engine tests and
 * the BPMN round trip, so the round trip always covers the plan the engine is tested on.
 */
export const restaurantPlan = (): ServicePlan =>
  planBuilder('restaurant', { name: '开办餐饮店' })
    .refusalPolicy('fail_fast')
    .accept()
    .automatic('licence_check', 'certificate_check', { certificateType: 'business_licence' })
    .parallel([
      (b) => b.department(dept('food')),
      (b) =>
        b.inclusive([
          { when: 'signboard = true', then: (s) => s.department(dept('sign')) },
          { then: (s) => s },
        ]),
      (b) =>
        b.exclusive([
          { when: 'area > 300', then: (s) => s.department(dept('fire')) },
          { then: (s) => s.timer('notice_period', { value: 2, unit: 'working_day' }) },
        ]),
      (b) => b.subflow({ id: 'tobacco', itemCode: '000117112000' }, (s) => s.department(dept('tob'))),
    ])
    .issue()
    .build();
