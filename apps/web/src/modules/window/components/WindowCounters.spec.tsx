import { screen } from '@testing-library/react';
import type { AccessAction } from '@onewindow/contracts';
import { fakeResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SessionContext } from '../../session/hooks/session-context';
import { WindowCounters } from './WindowCounters';

const sessionWith = (actions: AccessAction[]) => ({
  session: {
    user: {
      id: 'c',
      username: 'clerk',
      displayName: '王敏',
      departmentCode: 'SFS-ZHCK',
      roles: ['window_clerk' as const],
      grants: [{ role: 'window_clerk' as const, departmentCode: 'SFS-ZHCK' }],
    },
    csrfToken: 'c',
    expiresAt: '2026-12-07T12:00:00Z',
    actions,
  },
  signIn: jest.fn(),
  signOut: jest.fn(),
});

const counts = {
  day: '2026-12-07',
  received: 4,
  accepted: 3,
  notices: 1,
  refused: 1,
  issued: 2,
  reusedCertificates: 5,
};

describe('WindowCounters', () => {
  it('shows the clerk’s counts of the day from GET /api/window/counters', async () => {
    const fetch = jest.fn(async () => fakeResponse(200, counts));
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    renderWithProviders(
      <SessionContext.Provider value={sessionWith(['case.accept'])}>
        <WindowCounters />
      </SessionContext.Provider>,
    );
    const strip = await screen.findByTestId('window-counters');
    expect(strip.textContent).toContain('今日（2026-12-07）我的办件');
    expect(screen.getByTestId('counter-accepted').textContent).toContain('受理3');
    expect(screen.getByTestId('counter-notices').textContent).toContain('一次性告知1');
    expect(screen.getByTestId('counter-reusedCertificates').textContent).toContain('证照复用免提交5');
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/window/counters');
  });
});
