import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import type { RoleGrant } from '@onewindow/contracts';
import { SessionContext } from '../../session/hooks/session-context';
import { useMyDepartments } from './use-my-departments';

const withGrants =
  (home: string, grants: RoleGrant[]) =>
  ({ children }: { children: ReactNode }) => (
    <SessionContext.Provider
      value={{
        session: {
          user: {
            id: 'u',
            username: 'u',
            displayName: 'U',
            departmentCode: home,
            roles: [...new Set(grants.map((g) => g.role))],
            grants,
          },
          csrfToken: 'c',
          expiresAt: '2026-12-07T12:00:00Z',
          actions: [],
        },
        signIn: jest.fn(),
        signOut: jest.fn(),
      }}
    >
      {children}
    </SessionContext.Provider>
  );

const INBOX = ['dept_approver', 'dept_lead'] as const;

describe('useMyDepartments', () => {
  it('lists only the departments where the user holds one of the roles asked for, home first', () => {
    const { result } = renderHook(() => useMyDepartments(INBOX), {
      wrapper: withGrants('SFS-SCJG', [
        { role: 'dept_approver', departmentCode: 'SFS-XFJY' },
        { role: 'window_clerk', departmentCode: 'SFS-ZWFW' },
        { role: 'dept_approver', departmentCode: 'SFS-SCJG' },
        { role: 'supervisor', departmentCode: null },
      ]),
    });
    expect(result.current.mine).toEqual(['SFS-SCJG', 'SFS-XFJY']);
    expect(result.current.department).toBe('SFS-SCJG');
  });

  it('starts in the first department of the roles when the user holds none of them at home, and switches', () => {
    const { result } = renderHook(() => useMyDepartments(['dept_lead']), {
      wrapper: withGrants('SFS-ZWFW', [
        { role: 'window_clerk', departmentCode: 'SFS-ZWFW' },
        { role: 'dept_lead', departmentCode: 'SFS-XFJY' },
        { role: 'dept_lead', departmentCode: 'SFS-SCJG' },
      ]),
    });
    expect(result.current.mine).toEqual(['SFS-SCJG', 'SFS-XFJY']);
    expect(result.current.department).toBe('SFS-SCJG');
    act(() => result.current.choose('SFS-XFJY'));
    expect(result.current.department).toBe('SFS-XFJY');
    // A department outside the list is not taken.
    act(() => result.current.choose('SFS-ZWFW'));
    expect(result.current.department).toBe('SFS-SCJG');
  });
});
