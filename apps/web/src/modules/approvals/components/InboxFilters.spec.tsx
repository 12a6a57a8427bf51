import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Role } from '@onewindow/contracts';
import { fakeResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SessionContext } from '../../session/hooks/session-context';
import { InboxFilters } from './InboxFilters';

const sessionOf = (role: Role) => ({
  session: {
    user: {
      id: 'u',
      username: 'u',
      displayName: 'U',
      departmentCode: 'SFS-SCJG',
      roles: [role],
      grants: [{ role, departmentCode: role === 'supervisor' ? null : 'SFS-SCJG' }],
    },
    csrfToken: 'c',
    expiresAt: '2026-12-07T12:00:00Z',
    actions: ['task.list' as const],
  },
  signIn: jest.fn(),
  signOut: jest.fn(),
});

const renderFilters = (role: Role, onSearch = jest.fn()) => {
  const fetch = jest.fn(async () =>
    fakeResponse(200, {
      departments: [{ code: 'SFS-XFJY', name: '消防救援大队', parentCode: null, regionCode: '370800' }],
    }),
  );
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  renderWithProviders(
    <SessionContext.Provider value={sessionOf(role)}>
      <InboxFilters items={[]} onSearch={onSearch} onRefresh={jest.fn()} loading={false} />
    </SessionContext.Provider>,
  );
  return { onSearch, fetch };
};

describe('InboxFilters', () => {
  it('sends the keyword and the applicant trimmed, and no department of its own for an approver', async () => {
    const { onSearch, fetch } = renderFilters('dept_approver');
    expect(screen.queryByLabelText('部门')).toBeNull();
    fireEvent.change(screen.getByLabelText('关键字'), { target: { value: ' 食品 ' } });
    fireEvent.change(screen.getByLabelText('申请人'), { target: { value: '110105********002X ' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(onSearch).toHaveBeenCalled());
    const values = onSearch.mock.calls[0][0];
    expect(values).toMatchObject({ search: '食品', applicant: '110105********002X' });
    // The workspace's own department stays in the query: the filter never sends `department: undefined`.
    expect('department' in values).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers a supervisor every department', async () => {
    const { fetch } = renderFilters('supervisor');
    expect(await screen.findByLabelText('部门')).toBeTruthy();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/catalogue/departments');
  });
});
