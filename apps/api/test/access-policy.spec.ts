import { accessActions, isDepartmentScopedRole, roles, type Role } from '@onewindow/contracts';
import { actionsOf, can, caseViewFor, decide, publicCaseStatus } from '../src/auth/access-policy';
import type { AuthUser } from '../src/auth/auth-context';
import { expectedAccess as expected } from './support/expected-access';

const user = (role: Role, departmentCode: string | null = 'SFS-SCJG'): AuthUser => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  departmentCode,
  roles: [role],
  grants: [{ role, departmentCode: isDepartmentScopedRole(role) ? departmentCode : null }],
});
const own = { departmentCodes: ['SFS-SCJG', 'SFS-ZWFW'] };
const other = { departmentCodes: ['SFS-WJW'] };

const matrix = roles.flatMap((role) =>
  accessActions.map((action) => [role, action, ...expected[action][role]] as const),
);

describe('access policy matrix (role × action × own/other department)', () => {
  it('covers every role and action', () => {
    expect(matrix).toHaveLength(roles.length * accessActions.length);
  });

  it.each(matrix)(
    '%s %s: own department %s, other department %s',
    (role, action, ownAllowed, otherAllowed) => {
      expect(can(user(role), action, own)).toBe(ownAllowed);
      expect(can(user(role), action, other)).toBe(otherAllowed);
    },
  );

  it('refuses department-scoped actions without a resource or a department, saying why', () => {
    expect(decide(user('dept_approver'), 'case.decide')).toEqual({
      allowed: false,
      reason: expect.stringMatching(/names no department/),
    });
    expect(decide(user('dept_approver', null), 'case.decide', own)).toEqual({
      allowed: false,
      reason: expect.stringMatching(/belong to none/),
    });
    expect(decide(user('dept_approver'), 'case.decide', other)).toEqual({
      allowed: false,
      reason: expect.stringMatching(/own department \(SFS-SCJG\).*SFS-WJW/),
    });
    expect(decide(user('window_clerk'), 'user.manage')).toEqual({
      allowed: false,
      reason: 'Your roles (window_clerk) do not allow user.manage',
    });
  });

  it('lets only public.lookup through without a user', () => {
    for (const action of accessActions) expect(can(undefined, action, own)).toBe(action === 'public.lookup');
  });

  it('takes the widest scope when a user has several roles', () => {
    const both: AuthUser = { ...user('dept_lead'), roles: ['dept_lead', 'supervisor'] };
    expect(can(both, 'task.reassign', other)).toBe(true);
    expect(can(both, 'case.decide', other)).toBe(false);
  });

  it('lists the actions a user has in some scope', () => {
    expect(actionsOf(user('dept_approver'))).toEqual([
      'case.decide',
      'case.file.read',
      'case.read',
      'catalogue.read',
      'public.lookup',
      'task.list',
    ]);
  });
});

describe('what of a case a viewer sees', () => {
  const caseFile = { departmentCodes: ['SFS-ZWFW', 'SFS-SCJG', 'SFS-XFJY'] };

  it('gives approvers their own department’s part only, supervisors a masked overview, others nothing', () => {
    expect(caseViewFor(user('dept_approver', 'SFS-SCJG'), caseFile)).toEqual({
      applicantIdentity: 'full',
      materials: true,
      departments: ['SFS-SCJG'],
    });
    expect(caseViewFor(user('dept_approver', 'SFS-WJW'), caseFile)).toBeUndefined();
    expect(caseViewFor(user('window_clerk', 'SFS-ZWFW'), caseFile)).toEqual({
      applicantIdentity: 'full',
      materials: true,
      departments: 'all',
    });
    expect(caseViewFor(user('supervisor', 'SFS-ZWFW'), caseFile)).toEqual({
      applicantIdentity: 'masked',
      materials: false,
      departments: 'all',
    });
    expect(caseViewFor(user('admin', 'SFS-ZWFW'), caseFile)).toBeUndefined();
  });

  it('lets a person a case was copied to (抄送) read it masked, only the copied steps’ departments, and nothing else', () => {
    const copied = {
      ...caseFile,
      copiedTo: [{ userId: 'u-dept_approver', stepId: 'item_FOOD', departmentCode: 'SFS-SCJG' }],
    };
    const outsider = user('dept_approver', 'SFS-WJW');
    expect(decide(outsider, 'case.read', copied)).toEqual({ allowed: true, scope: 'copied' });
    expect(caseViewFor(outsider, copied)).toEqual({
      applicantIdentity: 'masked',
      materials: false,
      departments: ['SFS-SCJG'],
    });
    expect(can(outsider, 'case.decide', copied)).toBe(false);
    expect(can(outsider, 'case.issue', copied)).toBe(false);
    const designer = { ...user('process_designer', 'SFS-ZWFW'), id: 'u-dept_approver' };
    expect(caseViewFor(designer, copied)).toMatchObject({ applicantIdentity: 'masked', materials: false });
    // Someone else is still refused, with the policy's reason.
    expect(decide(user('dept_lead', 'SFS-WJW'), 'case.read', copied)).toEqual({
      allowed: false,
      reason: expect.stringMatching(/own department \(SFS-WJW\)/),
    });
    // A handling approver keeps their full view when also copied.
    expect(
      caseViewFor(
        { ...user('dept_approver', 'SFS-SCJG') },
        { ...caseFile, copiedTo: [{ userId: 'u-dept_approver', stepId: 'x', departmentCode: 'SFS-XFJY' }] },
      ),
    ).toEqual({
      applicantIdentity: 'full',
      materials: true,
      departments: ['SFS-SCJG'],
    });
  });

  it('lets exactly those whose case view includes materials download case files (case.file.read)', () => {
    const copied = {
      ...caseFile,
      copiedTo: [{ userId: 'u-dept_approver', stepId: 'item_FOOD', departmentCode: 'SFS-SCJG' }],
    };
    for (const role of roles) {
      for (const departmentCode of ['SFS-SCJG', 'SFS-WJW', null]) {
        for (const resource of [caseFile, copied]) {
          const viewer = user(role, departmentCode);
          expect([role, departmentCode, can(viewer, 'case.file.read', resource)]).toEqual([
            role,
            departmentCode,
            caseViewFor(viewer, resource)?.materials === true,
          ]);
        }
      }
    }
  });

  it('answers the public with the status only', () => {
    const record = {
      caseNo: 'C-1',
      status: 'in_review',
      updatedAt: new Date('2026-11-22T08:00:00Z'),
      applicantId: 'A1',
      idNumber: '11010519491231002X',
    };
    expect(publicCaseStatus(record)).toEqual({
      caseNo: 'C-1',
      status: 'in_review',
      label: { zh: '审批中', en: 'Under review' },
      updatedAt: '2026-11-22T08:00:00.000Z',
    });
  });
});
