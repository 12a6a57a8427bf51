import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ApiError } from '../api-error';
import { ApiErrorAlert } from './ApiErrorAlert';

const problem = {
  type: 'urn:onewindow:problem:refused',
  title: 'Action refused',
  status: 409,
  detail: 'Demo case DEMO-1 is already completed',
  requestId: 'req-9',
};

describe('ApiErrorAlert', () => {
  it('shows a problem in Chinese with the server detail and request id', () => {
    renderWithProviders(<ApiErrorAlert error={new ApiError('problem', 409, problem)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('与当前办理状态冲突');
    expect(alert.textContent).toContain('Demo case DEMO-1 is already completed');
    expect(alert.textContent).toContain('请求编号：req-9');
  });

  it('shows the same problem in English', () => {
    renderWithProviders(<ApiErrorAlert error={new ApiError('problem', 409, problem)} />, { language: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('Conflicts with the current state of the case');
  });

  it('lists field errors and names unknown statuses by number', () => {
    renderWithProviders(
      <ApiErrorAlert
        error={
          new ApiError('problem', 418, {
            ...problem,
            status: 418,
            errors: [{ path: 'completedBy', message: 'Required' }],
          })
        }
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('请求失败（418）');
    expect(alert.textContent).toContain('completedBy Required');
  });

  it('explains network and contract failures without a server detail', () => {
    const network = renderWithProviders(<ApiErrorAlert error={new ApiError('network', 0)} />);
    expect(screen.getByRole('alert').textContent).toContain('无法连接服务器');
    network.unmount();
    renderWithProviders(<ApiErrorAlert error={new ApiError('contract', 200)} />);
    expect(screen.getByRole('alert').textContent).toContain('服务器返回的数据与约定不符');
  });
});
